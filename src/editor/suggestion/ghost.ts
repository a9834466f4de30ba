/**
 * The ghost text: the suggested continuation drawn in grey right after the caret. A `Decoration.widget`
 * with `side: 1` (the caret stays before it, typed text goes before it), `contenteditable=false`,
 * `aria-hidden`, a stable `key` (same text → same DOM node, no redraw) and no absolute positioning: it
 * flows in the line like text, which avoids Chrome's caret and composition bugs with positioned widgets.
 * Its text content is exactly the suggested text; `data-ghost-text` marks it for tests and for
 * anything that reads the document's DOM.
 */
import { Decoration } from '@tiptap/pm/view';

/** The widget's DOM, built fresh for each new text. */
function ghostElement(text: string): HTMLElement {
  const span = document.createElement('span');
  span.className = 'ghost-text';
  span.setAttribute('data-ghost-text', '');
  span.setAttribute('contenteditable', 'false');
  span.setAttribute('aria-hidden', 'true');
  span.textContent = text;
  return span;
}

/** The ghost decoration for `text` at `pos`. */
export function ghostDecoration(pos: number, text: string): Decoration {
  return Decoration.widget(pos, () => ghostElement(text), { side: 1, key: `ghost:${text}`, ignoreSelection: true, marks: [] });
}
