/**
 * The pure state of the phrase suggestion: which continuations are on offer at which position, whether
 * the list is open and which item is selected, whether the writer hid the ghost, whether an IME
 * composition is in progress. Transitions are plain functions of (state, action) — no DOM, no view,
 * no ProseMirror — so they are unit-tested in Node (tests/unit/editor/suggestionState.test.ts).
 */
import type { Suggestion, SuggestionSource } from '../../phrases/types';
import { MAX_LIST_ITEMS } from './types';

/** One continuation on offer, as the editor keeps it (shrinks while the writer types through it). */
export interface SuggestionItem {
  /** What accepting inserts. Never empty. */
  text: string;
  /** `text` split into words for Ctrl+→; concatenated they equal `text`. */
  chunks: readonly string[];
  /** Distinct documents the continuation was seen in (「出自 N 篇」). */
  docCount: number;
  confidence: number;
  sources: readonly SuggestionSource[];
  /** The documents' year span (「· 2021–2026」), when known. */
  years?: Suggestion['years'];
  origin: Suggestion['origin'];
}

export interface SuggestionState {
  /** Document position the items continue from (the caret when they were asked for); -1 when none. */
  pos: number;
  /** Continuations, best first. */
  items: readonly SuggestionItem[];
  /** The top item is confident enough to be drawn as ghost text without being asked for. */
  ghostAllowed: boolean;
  /** The Alt+↓ list is open. */
  listOpen: boolean;
  /** Alt+↓ came before the answer: the list opens when the answer for this caret arrives. */
  listWanted: boolean;
  /** Index into `items` of the highlighted list entry. */
  selected: number;
  /** Esc hid the ghost; it comes back when the writer types. */
  dismissed: boolean;
  /** An IME composition is in progress: nothing is drawn. */
  composing: boolean;
  /** The last edit put this text right before this caret position (an IME commit, a keystroke); null otherwise. */
  lastInsert: { end: number; text: string } | null;
}

export const EMPTY_SUGGESTION_STATE: SuggestionState = {
  pos: -1, items: [], ghostAllowed: false, listOpen: false, listWanted: false, selected: 0, dismissed: false, composing: false, lastInsert: null,
};

/** Everything that changes the state apart from edits of the document (see `typeThrough`, `clearItems`). */
export type SuggestionAction =
  | { type: 'receive'; pos: number; suggestions: readonly Suggestion[]; ghostMinConfidence: number }
  | { type: 'openList' }
  | { type: 'move'; delta: number }
  | { type: 'closeList' }
  | { type: 'dismiss' }
  | { type: 'clear' }
  | { type: 'composition'; composing: boolean };

export function reduceSuggestion(state: SuggestionState, action: SuggestionAction): SuggestionState {
  switch (action.type) {
    case 'receive': return receive(state, action.pos, action.suggestions, action.ghostMinConfidence);
    case 'openList': return state.items.length ? { ...state, listOpen: true, selected: 0 } : { ...state, listWanted: true };
    case 'move': return moveSelection(state, action.delta);
    case 'closeList': return state.listOpen ? { ...state, listOpen: false, selected: 0 } : state;
    case 'dismiss': return { ...state, dismissed: true, listOpen: false, selected: 0 };
    case 'clear': return clearItems(state);
    case 'composition': return { ...clearItems(state), composing: action.composing };
  }
}

/**
 * Items from the engine's answer for `pos`. "Hidden by Esc" holds for a late answer about the same place.
 * At the place the writer is typing through (same `pos`, items still on offer) the continuation they are
 * visibly confirming stays on screen unless the engine now confidently offers something else: its
 * silence, or a doubt it did not have a character ago, is no reason to pull the ghost from under them.
 */
export function receive(state: SuggestionState, pos: number, suggestions: readonly Suggestion[], ghostMinConfidence: number): SuggestionState {
  const fresh = suggestions.filter((s) => s.text.length > 0).map(toItem);
  const typingThrough = state.pos === pos && state.items.length > 0;
  if (!fresh.length) return typingThrough ? { ...state, listWanted: false } : { ...clearItems(state), pos };
  const confident = fresh[0].confidence >= ghostMinConfidence;
  const kept = typingThrough && !confident ? state.items[0] : null;
  const items = kept ? [kept, ...fresh.filter((item) => item.text !== kept.text)].slice(0, Math.max(fresh.length, MAX_LIST_ITEMS)) : fresh;
  return {
    ...state,
    pos,
    items,
    ghostAllowed: kept ? state.ghostAllowed : confident,
    listOpen: (state.pos === pos && state.listOpen) || state.listWanted,
    listWanted: false,
    selected: state.pos === pos && state.listOpen ? Math.min(state.selected, items.length - 1) : 0,
    dismissed: state.pos === pos && state.dismissed,
  };
}

function toItem(s: Suggestion): SuggestionItem {
  const chunks = s.chunks.length && s.chunks.join('') === s.text ? s.chunks : [s.text];
  return { text: s.text, chunks, docCount: s.docCount, confidence: s.confidence, sources: s.sources, ...(s.years ? { years: s.years } : {}), origin: s.origin };
}

/** No items; the composition flag stays (it follows the IME, not the document). */
export function clearItems(state: SuggestionState): SuggestionState {
  return state.items.length || state.pos !== -1 || state.listOpen || state.listWanted || state.dismissed
    ? { ...EMPTY_SUGGESTION_STATE, composing: state.composing }
    : state;
}

function moveSelection(state: SuggestionState, delta: number): SuggestionState {
  if (!state.listOpen || !state.items.length) return state;
  const n = state.items.length;
  return { ...state, selected: (((state.selected + delta) % n) + n) % n };
}

/**
 * The writer inserted `text` at `at` (typed it, or accepted it). Items that begin with it shrink by it and
 * move to `at + text.length`; the item on screen stays first. Anything else clears the items.
 */
export function typeThrough(state: SuggestionState, at: number, text: string): SuggestionState {
  if (state.pos !== at || !text || !state.items.length) return clearItems(state);
  const shown = state.listOpen ? state.selected : 0;
  const ordered = [state.items[shown], ...state.items.filter((_, i) => i !== shown)];
  const items = ordered.filter((item) => item.text.startsWith(text) && item.text.length > text.length)
    .map((item) => consumePrefix(item, text.length));
  if (!items.length || !ordered[0].text.startsWith(text)) return clearItems(state);
  return {
    ...state,
    pos: at + text.length,
    items,
    ghostAllowed: state.ghostAllowed || state.listOpen,
    listOpen: false,
    selected: 0,
    dismissed: false,
  };
}

/** The item without its first `length` code units; chunks cut at the same place. */
export function consumePrefix(item: SuggestionItem, length: number): SuggestionItem {
  const chunks: string[] = [];
  let offset = 0;
  for (const chunk of item.chunks) {
    const end = offset + chunk.length;
    if (end > length) chunks.push(offset >= length ? chunk : chunk.slice(length - offset));
    offset = end;
  }
  return { ...item, text: item.text.slice(length), chunks };
}

/** The item on screen: the highlighted one while the list is open, else the top one. */
export function shownItem(state: SuggestionState): SuggestionItem | null {
  return state.items[state.listOpen ? state.selected : 0] ?? null;
}

/** The text to draw as ghost after the caret, or null (composing, hidden, unsure, nothing). */
export function ghostText(state: SuggestionState): string | null {
  if (state.composing || !state.items.length) return null;
  if (state.listOpen) return shownItem(state)!.text;
  return state.ghostAllowed && !state.dismissed ? state.items[0].text : null;
}

/** The next word of the item on screen (what Ctrl+→ accepts). */
export function nextChunk(state: SuggestionState): string | null {
  const item = shownItem(state);
  return item ? item.chunks[0] ?? item.text : null;
}
