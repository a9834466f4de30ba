import { describe, expect, test } from 'vitest';
import type { Suggestion } from '../../../src/phrases/types';
import { isImeKeyEvent, keyName, resolveKey } from '../../../src/editor/suggestion/keymap';
import { EMPTY_SUGGESTION_STATE, reduceSuggestion, type SuggestionState } from '../../../src/editor/suggestion/state';

const s = (text: string, chunks: string[], confidence = 0.8): Suggestion =>
  ({ text, chunks, count: 2, docCount: 2, contextLength: 4, confidence, sources: [], origin: 'corpus' });

const ghost: SuggestionState = reduceSuggestion(EMPTY_SUGGESTION_STATE, {
  type: 'receive', pos: 5, ghostMinConfidence: 0.35,
  suggestions: [s('意识”、坚定', ['意识', '”、', '坚定']), s('自信”', ['自信', '”'], 0.3)],
});
const open = reduceSuggestion(ghost, { type: 'openList' });
const unsure = reduceSuggestion(EMPTY_SUGGESTION_STATE, { type: 'receive', pos: 5, suggestions: [s('自信', ['自信'], 0.1)], ghostMinConfidence: 0.35 });

const ev = (key: string, mods: Partial<Record<'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey', boolean>> = {}) =>
  keyName({ key, ctrlKey: false, altKey: false, shiftKey: false, metaKey: false, ...mods });

describe('keyName', () => {
  test('modifiers in a fixed order', () => {
    expect(ev('ArrowRight', { ctrlKey: true })).toBe('Ctrl-ArrowRight');
    expect(ev('ArrowDown', { altKey: true })).toBe('Alt-ArrowDown');
    expect(ev('Tab', { shiftKey: true })).toBe('Shift-Tab');
  });
});

describe('with a ghost on screen', () => {
  test('Tab accepts all, Ctrl+→ and Alt+→ the next word', () => {
    expect(resolveKey(ghost, 'Tab')).toEqual({ type: 'accept', text: '意识”、坚定' });
    expect(resolveKey(ghost, 'Ctrl-ArrowRight')).toEqual({ type: 'accept', text: '意识' });
    expect(resolveKey(ghost, 'Alt-ArrowRight')).toEqual({ type: 'accept', text: '意识' });
  });
  test('Esc hides; Enter, arrows, digits and Shift-Tab are left alone', () => {
    expect(resolveKey(ghost, 'Escape')).toEqual({ type: 'action', action: { type: 'dismiss' } });
    for (const key of ['Enter', 'ArrowDown', 'ArrowUp', '1', 'Shift-Tab', 'ArrowRight']) expect(resolveKey(ghost, key)).toBeNull();
  });
  test('Alt+↓ opens the list', () => {
    expect(resolveKey(ghost, 'Alt-ArrowDown')).toEqual({ type: 'action', action: { type: 'openList' } });
  });
});

describe('with the list open', () => {
  test('arrows move, Enter/Tab accept the selected, digits accept directly, Esc closes', () => {
    expect(resolveKey(open, 'ArrowDown')).toEqual({ type: 'action', action: { type: 'move', delta: 1 } });
    expect(resolveKey(open, 'ArrowUp')).toEqual({ type: 'action', action: { type: 'move', delta: -1 } });
    const second = reduceSuggestion(open, { type: 'move', delta: 1 });
    expect(resolveKey(second, 'Enter')).toEqual({ type: 'accept', text: '自信”' });
    expect(resolveKey(second, 'Tab')).toEqual({ type: 'accept', text: '自信”' });
    expect(resolveKey(open, '2')).toEqual({ type: 'accept', text: '自信”' });
    expect(resolveKey(open, '3')).toBeNull();
    expect(resolveKey(open, 'Escape')).toEqual({ type: 'action', action: { type: 'closeList' } });
  });
});

describe('when unsure or hidden', () => {
  test('no ghost: Tab and Ctrl+→ are not taken, but Alt+↓ still offers the list', () => {
    expect(resolveKey(unsure, 'Tab')).toBeNull();
    expect(resolveKey(unsure, 'Ctrl-ArrowRight')).toBeNull();
    expect(resolveKey(unsure, 'Escape')).toBeNull();
    expect(resolveKey(unsure, 'Alt-ArrowDown')).not.toBeNull();
  });
  test('nothing on offer: no key is taken but Alt+↓, which is remembered until the answer', () => {
    for (const key of ['Tab', 'Enter', 'Escape', 'Ctrl-ArrowRight', 'ArrowDown', '1']) expect(resolveKey(EMPTY_SUGGESTION_STATE, key)).toBeNull();
    expect(resolveKey(EMPTY_SUGGESTION_STATE, 'Alt-ArrowDown')).toEqual({ type: 'action', action: { type: 'openList' } });
  });
});

test('IME key events are recognised by isComposing or keyCode 229', () => {
  expect(isImeKeyEvent({ isComposing: true, keyCode: 9 })).toBe(true);
  expect(isImeKeyEvent({ isComposing: false, keyCode: 229 })).toBe(true);
  expect(isImeKeyEvent({ isComposing: false, keyCode: 9 })).toBe(false);
});
