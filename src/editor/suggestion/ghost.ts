/**
 * The ghost text after the caret: a `Decoration.widget` (`side: 1`, stable `key`, `aria-hidden`) that flows
 * in the line like text, because positioned widgets trip Chrome's caret and composition handling.
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
