/**
 * Where a suggestion may be asked for and with what text: the document's last `BEFORE_CURSOR_WINDOW_CHARS`
 * up to the caret, paragraphs joined by `\n` (the engine takes its context from the caret's paragraph and
 * reads the earlier ones for the documents the draft has been following and for what the draft itself
 * wrote before). Pure functions of the editor state; no view, no DOM.
 */
import { TextSelection, type EditorState } from '@tiptap/pm/state';
import { BEFORE_CURSOR_WINDOW_CHARS } from '../../phrases/types';

/** The question to put to the engine for the caret: its position and the text before it (see above). */
export interface CaretContext {
  pos: number;
  text: string;
}

/** Stands for non-text inline nodes (hard breaks, images) so that the engine never joins across them. */
const LEAF_PLACEHOLDER = '\ufffc';

/** What may follow the caret for a continuation to make sense there: nothing, space or punctuation. */
const FREE_AFTER_CARET = /^(?:$|[\s\p{P}\p{S}\ufffc])/u;

/**
 * The context at the caret, or null where no suggestion belongs: a range selection, a code block, an
 * empty paragraph start, or the middle of a word (a continuation would run into the text after it).
 */
export function caretContext(state: EditorState): CaretContext | null {
  const { selection } = state;
  if (!(selection instanceof TextSelection) || !selection.empty) return null;
  const $head = selection.$head;
  const parent = $head.parent;
  if (!parent.isTextblock || parent.type.spec.code || $head.parentOffset === 0) return null;
  const after = parent.textBetween($head.parentOffset, Math.min(parent.content.size, $head.parentOffset + 1), undefined, LEAF_PLACEHOLDER);
  if (!FREE_AFTER_CARET.test(after)) return null;
  // Positions also count node boundaries, so the window holds a little under BEFORE_CURSOR_WINDOW_CHARS characters.
  const from = Math.max(0, $head.pos - BEFORE_CURSOR_WINDOW_CHARS);
  return { pos: $head.pos, text: state.doc.textBetween(from, $head.pos, '\n', LEAF_PLACEHOLDER) };
}

/**
 * True while an `@tiptap/suggestion` menu (e.g. the slash menu) is active in `state`: its plugin state is
 * `{ active: true, range, query, … }`. Recognised by shape, so the menu's own plugin key need not be known.
 */
export function tiptapSuggestionActive(state: EditorState): boolean {
  return state.plugins.some((plugin) => {
    const value = plugin.getState(state) as { active?: unknown } | null | undefined;
    return typeof value === 'object' && value !== null && value.active === true && 'range' in value && 'query' in value;
  });
}
