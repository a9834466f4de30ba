/**
 * The keys of the phrase suggestion, as data: each binding names a key, says when it applies and what it
 * does, as a pure function of the state. The plugin resolves a key only after its composition guard
 * (`view.composing`, `event.isComposing`, keyCode 229), so during an IME composition every key belongs
 * to the IME. A key that does not apply is not taken: Tab, Enter, arrows and digits keep their usual
 * meaning whenever nothing is on offer.
 */
import { helpFromBindings, type KeyHelp } from '../keys';
import { ghostText, nextChunk, shownItem, type SuggestionAction, type SuggestionState } from './state';
import { MAX_LIST_ITEMS } from './types';

/** What a key does: insert text (an accept) or change the suggestion state. */
export type KeyEffect =
  | { type: 'accept'; text: string }
  | { type: 'action'; action: SuggestionAction };

export interface SuggestionKeyBinding {
  /** Key name as produced by `keyName`: modifiers `Ctrl-`, `Alt-`, `Shift-`, `Meta-` then `event.key`. */
  key: string;
  /** Shown in the 快捷键 help and the 提法 panel; bindings with the same description share one line there. */
  description: string;
  /** The effect, or null when the binding does not apply in this state (the key is then not taken). */
  run(state: SuggestionState): KeyEffect | null;
}

const accept = (text: string | null | undefined): KeyEffect | null => (text ? { type: 'accept', text } : null);
const act = (action: SuggestionAction): KeyEffect => ({ type: 'action', action });

const acceptShown = (s: SuggestionState) => accept(s.listOpen ? shownItem(s)?.text : ghostText(s));
const acceptChunk = (s: SuggestionState) => (s.listOpen || ghostText(s) ? accept(nextChunk(s)) : null);
const acceptNumber = (n: number) => (s: SuggestionState) => (s.listOpen ? accept(s.items[n - 1]?.text) : null);

export const suggestionKeymap: readonly SuggestionKeyBinding[] = [
  { key: 'Tab', description: '接受整条提示', run: acceptShown },
  { key: 'Enter', description: '接受列表中选中的一条', run: (s) => (s.listOpen ? acceptShown(s) : null) },
  { key: 'Ctrl-ArrowRight', description: '只接受下一个词', run: acceptChunk },
  { key: 'Alt-ArrowRight', description: '只接受下一个词', run: acceptChunk },
  // Before the answer has come, Alt+↓ is remembered: the list opens with it (the key has no other use here).
  { key: 'Alt-ArrowDown', description: '打开候选列表', run: (s) => act(s.listOpen ? { type: 'move', delta: 1 } : { type: 'openList' }) },
  { key: 'ArrowUp', description: '在列表中上下选择', run: (s) => (s.listOpen ? act({ type: 'move', delta: -1 }) : null) },
  { key: 'ArrowDown', description: '在列表中上下选择', run: (s) => (s.listOpen ? act({ type: 'move', delta: 1 }) : null) },
  ...Array.from({ length: MAX_LIST_ITEMS }, (_, i) => i + 1).map((n) => ({ key: String(n), description: '直接接受列表中该编号的一条', run: acceptNumber(n) })),
  {
    key: 'Escape', description: '关闭列表；再按隐藏提示，直到继续输入',
    run: (s) => (s.listOpen ? act({ type: 'closeList' }) : ghostText(s) ? act({ type: 'dismiss' }) : null),
  },
];

/** The keymap's lines in the 快捷键 help, derived from the bindings above (so the help names exactly the bound keys). */
export const suggestionKeyHelp: readonly KeyHelp[] = helpFromBindings(suggestionKeymap);

/** The keyboard event's name in the keymap's notation, e.g. `Ctrl-ArrowRight`, `Alt-ArrowDown`, `3`. */
export function keyName(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey'>): string {
  let name = event.key;
  if (event.shiftKey) name = `Shift-${name}`;
  if (event.altKey) name = `Alt-${name}`;
  if (event.ctrlKey) name = `Ctrl-${name}`;
  if (event.metaKey) name = `Meta-${name}`;
  return name;
}

/** The effect of the key named `name` in `state`, or null when no binding takes it. */
export function resolveKey(state: SuggestionState, name: string, keymap: readonly SuggestionKeyBinding[] = suggestionKeymap): KeyEffect | null {
  for (const binding of keymap) {
    if (binding.key !== name) continue;
    const effect = binding.run(state);
    if (effect) return effect;
  }
  return null;
}

/** True for a keydown that belongs to an IME (the composition guard of every key handler here). */
export function isImeKeyEvent(event: Pick<KeyboardEvent, 'isComposing' | 'keyCode'>): boolean {
  return event.isComposing || event.keyCode === 229;
}
