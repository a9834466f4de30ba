/**
 * Assembles the TipTap extension list of the draft editor in one place (like CodeMirror's
 * `autocompletion(config)`): the StarterKit basics, the placeholder, and the features of src/editor/*.
 */
import type { Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { Placeholder } from '@tiptap/extensions';
import { PasteGuard } from './pasteGuard';
import { structureExtensions } from './structure';
import { appPhraseSuggestion } from './suggestion/connect';

export const EDITOR_PLACEHOLDER = '同志们：';

export function buildExtensions(): Extensions {
  return [
    StarterKit.configure({ heading: { levels: [1, 2, 3] }, link: false }),
    Placeholder.configure({ placeholder: EDITOR_PLACEHOLDER }),
    PasteGuard,
    ...structureExtensions(),
    appPhraseSuggestion(),
  ];
}
