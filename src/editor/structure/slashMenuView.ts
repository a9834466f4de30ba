/**
 * The DOM of the slash menu: a `role="listbox"` of `role="option"` entries with `aria-selected`, the
 * editor pointing at the active one through `aria-activedescendant`. Pure view: it draws what it is given
 * and reports a choice; the keys are handled in slashMenu.ts.
 */
import type { SlashItem } from './slashItems';

let menuCount = 0;

export class SlashMenuView {
  readonly element: HTMLElement;
  private readonly list: HTMLElement;
  private items: SlashItem[] = [];
  private selected = 0;
  private readonly listId = `jg-slash-menu-${++menuCount}`;

  constructor(private readonly editorDom: HTMLElement, private readonly choose: (item: SlashItem) => void) {
    this.element = document.createElement('div');
    this.element.className = 'jg-slash-menu';
    this.list = document.createElement('div');
    this.list.id = this.listId;
    this.list.setAttribute('role', 'listbox');
    this.list.setAttribute('aria-label', '插入模板或编号');
    this.element.append(this.list);
    this.element.addEventListener('mousedown', (event) => event.preventDefault());
    editorDom.setAttribute('aria-controls', this.listId);
    // The editor is a textbox (DraftEditor): it may say it has a listbox, not that one is expanded (ARIA 1.2).
    editorDom.setAttribute('aria-haspopup', 'listbox');
  }

  update(items: SlashItem[], loading = false): void {
    const previous = this.items[this.selected]?.id;
    this.items = items;
    const kept = items.findIndex((item) => item.id === previous);
    this.selected = kept >= 0 ? kept : 0;
    this.render(loading);
  }

  move(delta: number): void {
    if (!this.items.length) return;
    this.selected = (this.selected + delta + this.items.length) % this.items.length;
    this.render(false);
  }

  /** Chooses the active entry; false when there is none. */
  chooseSelected(): boolean {
    const item = this.items[this.selected];
    if (!item) return false;
    this.choose(item);
    return true;
  }

  destroy(): void {
    this.editorDom.removeAttribute('aria-controls');
    this.editorDom.removeAttribute('aria-activedescendant');
    this.editorDom.removeAttribute('aria-haspopup');
    this.element.remove();
  }

  private render(loading: boolean): void {
    this.list.replaceChildren();
    if (!this.items.length) {
      const empty = document.createElement('div');
      empty.className = 'jg-slash-empty';
      empty.textContent = loading ? '正在读取模板…' : '没有匹配的模板。可输入名称、拼音首字母（如 tzm）';
      this.list.append(empty);
      this.editorDom.removeAttribute('aria-activedescendant');
      return;
    }
    this.items.forEach((item, index) => {
      const option = document.createElement('div');
      option.id = `${this.listId}-${index}`;
      option.className = 'jg-slash-option';
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', String(index === this.selected));
      const name = document.createElement('span');
      name.className = 'jg-slash-name';
      name.textContent = item.name;
      const detail = document.createElement('span');
      detail.className = 'jg-slash-detail';
      detail.textContent = item.detail;
      option.append(name, detail);
      option.addEventListener('click', () => this.choose(item));
      option.addEventListener('mousemove', () => {
        if (this.selected !== index) {
          this.selected = index;
          this.render(false);
        }
      });
      this.list.append(option);
    });
    this.editorDom.setAttribute('aria-activedescendant', `${this.listId}-${this.selected}`);
    this.list.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }
}
