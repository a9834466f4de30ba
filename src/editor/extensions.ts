/**
 * Assembles the TipTap extension list of the draft editor in one place (like CodeMirror's
 * `autocompletion(config)`): the StarterKit basics, the placeholder, and the features of src/editor/*
 * (FrameScroll: the caret is scrolled into view once per frame, not in every keystroke's transaction).
 */
import type { Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { Placeholder } from '@tiptap/extensions';
import { FrameScroll } from './frameScroll';
import { PasteGuard } from './pasteGuard';
import { ReadOnlyGuard } from './readOnlyGuard';
import { structureExtensions } from './structure';
import { appPhraseSuggestion } from './suggestion/connect';

/** The empty draft's one-line hint: the two keys that open the menu of templates and numbered headings. */
export const EDITOR_PLACEHOLDER = '输入「/」或「、」插入模板和编号标题';

export function buildExtensions(): Extensions {
  return [
    StarterKit.configure({ heading: { levels: [1, 2, 3] }, link: false }),
    Placeholder.configure({ placeholder: EDITOR_PLACEHOLDER }),
    ReadOnlyGuard,
    PasteGuard,
    FrameScroll,
    ...structureExtensions(),
    appPhraseSuggestion(),
  ];
}
