// @vitest-environment jsdom
/**
 * A read-only editor (the draft is edited in another tab) in a real TipTap `Editor`: no command changes
 * its document, whatever dispatches it, the writer is told why, and turning it editable again neither
 * emits an update (that would save) nor leaves anything the read-only time tried to add.
 */
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { ALLOW_WHILE_READ_ONLY, READ_ONLY_MESSAGE, ReadOnlyGuard } from '../../../src/editor/readOnlyGuard';
import { useToasts } from '../../../src/state/toasts';

let editor: Editor;
let updates: number;

beforeEach(() => {
  useToasts.setState({ toasts: [] });
  updates = 0;
  editor = new Editor({
    element: document.createElement('div'),
    extensions: [StarterKit, ReadOnlyGuard],
    content: '<p>同志们：</p><p>今天召开大会。</p>',
    editable: false,
    onUpdate: () => { updates++; },
  });
});

afterEach(() => editor.destroy());

test('no command changes a read-only document, and the writer is told once', () => {
  const before = editor.getText();
  expect(editor.chain().focus().insertContentAt(0, '<p>模板开头</p>').run()).toBe(true);
  editor.commands.insertContent('又一段');
  editor.view.dispatch(editor.state.tr.insertText('直接派发', 1));
  expect(editor.getText()).toBe(before);
  expect(updates).toBe(0);
  expect(useToasts.getState().toasts.map((t) => t.text)).toEqual([READ_ONLY_MESSAGE]);
});

test('a selection still moves (finding text in a read-only draft is fine)', () => {
  editor.commands.setTextSelection({ from: 2, to: 4 });
  expect(editor.state.selection.from).toBe(2);
  expect(useToasts.getState().toasts).toEqual([]);
});

test('a repair on load passes with the meta', () => {
  editor.chain().setMeta(ALLOW_WHILE_READ_ONLY, true).setContent('<p>纯文本</p>', { emitUpdate: false }).run();
  expect(editor.getText()).toBe('纯文本');
});

test('turning editable emits no update, and edits are accepted from then on', () => {
  editor.commands.insertContentAt(0, '<p>只读时插入的模板</p>');
  editor.setEditable(true, false);
  expect(updates).toBe(0);
  expect(editor.getText()).not.toContain('只读时插入的模板');
  editor.commands.insertContentAt(editor.state.doc.content.size, '<p>接着写</p>');
  expect(editor.getText()).toContain('接着写');
  expect(updates).toBe(1);
});

test('a paste or a drop on a read-only editor is refused with the message', () => {
  const paste = new Event('paste', { bubbles: true, cancelable: true });
  editor.view.dom.dispatchEvent(paste);
  expect(paste.defaultPrevented).toBe(true);
  const drop = new Event('drop', { bubbles: true, cancelable: true });
  editor.view.dom.dispatchEvent(drop);
  expect(drop.defaultPrevented).toBe(true);
  expect(useToasts.getState().toasts.map((t) => t.text)).toEqual([READ_ONLY_MESSAGE]);
  editor.setEditable(true, false);
  const editablePaste = new Event('paste', { bubbles: true, cancelable: true });
  editor.view.dom.dispatchEvent(editablePaste);
  expect(editablePaste.defaultPrevented).toBe(false);
});
