/**
 * The draft as plain text: one line per block, with numbers that are drawn (not typed) included via
 * each node's `renderText`. Used for the draft list, exports and the draft check.
 */
import type { Editor } from '@tiptap/core';

export function docToPlainText(editor: Editor): string {
  return editor.getText({ blockSeparator: '\n' });
}
