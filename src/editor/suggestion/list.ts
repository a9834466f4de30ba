/**
 * The DOM of the Alt+↓ list: a `role="listbox"` of `role="option"` items under the caret, each with its
 * number key, the continuation and where it comes from (「出自 N 篇 · 2021–2026」, the titles with years on hover). It draws what
 * the state says and reports clicks; it owns no state and never takes focus from the editor (mousedown
 * is prevented, so the caret and any composition stay where they are).
 */
import type { Suggestion } from '../../phrases/types';
import type { SuggestionState } from './state';

let nextListId = 0;

/** A page-unique id for a list (one per editor). */
export function newListId(): string {
  return `jg-suggestions-${++nextListId}`;
}

/** The id of option `index` of the list `listId` (for `aria-activedescendant`). */
export function optionId(listId: string, index: number): string {
  return `${listId}-option-${index}`;
}

/** 「出自 12 篇 · 2021–2026」: how many documents, and their years when known (one year once). */
export function sourceLine(item: Pick<Suggestion, 'docCount' | 'years'>): string {
  const years = item.years ? ` · ${item.years.from === item.years.to ? item.years.from : `${item.years.from}–${item.years.to}`}` : '';
  return `出自 ${item.docCount} 篇${years}`;
}

/** Gap between the caret's line and the list (px). */
const LIST_OFFSET_PX = 4;

export class SuggestionListView {
  readonly dom: HTMLUListElement;
  private drawn: SuggestionState | null = null;

  /** `container` is where the list lives while shown: the page's landmark around the editor (it is position: fixed). */
  constructor(readonly id: string, private readonly onAccept: (index: number) => void, private readonly container: () => HTMLElement = () => document.body) {
    this.dom = document.createElement('ul');
    this.dom.id = this.id;
    this.dom.className = 'suggestion-list';
    this.dom.setAttribute('role', 'listbox');
    this.dom.setAttribute('aria-label', '提法候选');
    this.dom.hidden = true;
    this.dom.addEventListener('mousedown', (event) => event.preventDefault());
    this.dom.addEventListener('click', (event) => {
      const option = (event.target as Element).closest('[role="option"]');
      const index = option ? Number(option.getAttribute('data-index')) : NaN;
      if (Number.isInteger(index)) this.onAccept(index);
    });
    document.body.appendChild(this.dom);
  }

  /** Draws `state` (hides the list unless it is open); `caret` are the caret's viewport coordinates. */
  update(state: SuggestionState, caret: () => { left: number; bottom: number; top: number }): void {
    if (!state.listOpen || !state.items.length) {
      // Runs on every keystroke: touch the DOM only when the list was showing.
      if (!this.dom.hidden) this.dom.hidden = true;
      this.drawn = null;
      return;
    }
    if (this.drawn?.items !== state.items) this.render(state);
    else if (this.drawn.selected !== state.selected) this.markSelected(state.selected);
    this.drawn = state;
    const parent = this.container();
    if (this.dom.parentElement !== parent) parent.append(this.dom);
    this.dom.hidden = false;
    this.place(caret());
  }

  private render(state: SuggestionState): void {
    this.dom.replaceChildren(...state.items.map((item, index) => {
      const li = document.createElement('li');
      li.id = optionId(this.id, index);
      li.className = 'suggestion-option';
      li.setAttribute('role', 'option');
      li.setAttribute('data-index', String(index));
      li.setAttribute('aria-selected', String(index === state.selected));
      const key = document.createElement('span');
      key.className = 'suggestion-key';
      key.setAttribute('aria-hidden', 'true');
      key.textContent = String(index + 1);
      const text = document.createElement('span');
      text.className = 'suggestion-text';
      text.textContent = item.text;
      const source = document.createElement('span');
      source.className = 'suggestion-source';
      source.textContent = item.origin === 'draft' ? '本稿前文' : sourceLine(item);
      const titles = item.origin === 'draft' ? '本稿前文已这样写过' : item.sources.map((s) => `《${s.title}》${s.year ? `（${s.year}）` : ''}`).join('\n');
      if (titles) source.title = titles;
      li.title = titles;
      li.append(key, text, source);
      return li;
    }));
  }

  private markSelected(selected: number): void {
    for (const option of this.dom.children) {
      option.setAttribute('aria-selected', String(Number(option.getAttribute('data-index')) === selected));
    }
  }

  private place(caret: { left: number; bottom: number; top: number }): void {
    const height = this.dom.offsetHeight;
    const below = caret.bottom + LIST_OFFSET_PX;
    const top = below + height > window.innerHeight && caret.top - height - LIST_OFFSET_PX > 0 ? caret.top - height - LIST_OFFSET_PX : below;
    const left = Math.max(0, Math.min(caret.left, window.innerWidth - this.dom.offsetWidth - LIST_OFFSET_PX));
    this.dom.style.top = `${Math.round(top)}px`;
    this.dom.style.left = `${Math.round(left)}px`;
  }

  destroy(): void {
    this.dom.remove();
  }
}
