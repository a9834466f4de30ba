import { describe, expect, test } from 'vitest';
import type { Suggestion } from '../../../src/phrases/types';
import {
  consumePrefix, EMPTY_SUGGESTION_STATE, ghostText, nextChunk, reduceSuggestion, typeThrough, type SuggestionState,
} from '../../../src/editor/suggestion/state';

function suggestion(text: string, chunks: string[], confidence = 0.8, docCount = 3): Suggestion {
  return { text, chunks, count: docCount, docCount, contextLength: 4, confidence, sources: [{ id: 'd1', title: '讲话' }], origin: 'corpus' };
}

const SUGGESTIONS = [
  suggestion('意识”、坚定“四个自信”', ['意识', '”、', '坚定', '“四个自信”']),
  suggestion('自信”', ['自信', '”'], 0.3),
  suggestion('全面”战略布局', ['全面', '”', '战略', '布局'], 0.25),
];

const received = (min = 0.35): SuggestionState =>
  reduceSuggestion(EMPTY_SUGGESTION_STATE, { type: 'receive', pos: 10, suggestions: SUGGESTIONS, ghostMinConfidence: min });

describe('receive', () => {
  test('a confident top suggestion is drawn as ghost', () => {
    expect(ghostText(received())).toBe('意识”、坚定“四个自信”');
  });
  test('below the threshold: no ghost, but the list can still open', () => {
    const s = received(0.9);
    expect(ghostText(s)).toBeNull();
    const open = reduceSuggestion(s, { type: 'openList' });
    expect(open.listOpen).toBe(true);
    expect(ghostText(open)).toBe('意识”、坚定“四个自信”');
  });
  test('an empty answer clears, but keeps a typed-through ghost at the same place', () => {
    const typed = typeThrough(received(), 10, '意识');
    const after = reduceSuggestion(typed, { type: 'receive', pos: 12, suggestions: [], ghostMinConfidence: 0.35 });
    expect(ghostText(after)).toBe('”、坚定“四个自信”');
    const elsewhere = reduceSuggestion(typed, { type: 'receive', pos: 20, suggestions: [], ghostMinConfidence: 0.35 });
    expect(ghostText(elsewhere)).toBeNull();
  });
  test('an unsure answer does not pull a typed-through ghost; a confident different one replaces it', () => {
    const typed = typeThrough(received(), 10, '意识');
    const unsure = reduceSuggestion(typed, { type: 'receive', pos: 12, suggestions: [suggestion('”、坚定“四个自信”', ['”、', '坚定', '“四个自信”'], 0.2)], ghostMinConfidence: 0.35 });
    expect(ghostText(unsure)).toBe('”、坚定“四个自信”');
    expect(unsure.items).toHaveLength(1);
    const other = reduceSuggestion(typed, { type: 'receive', pos: 12, suggestions: [suggestion('形态', ['形态'], 0.2)], ghostMinConfidence: 0.35 });
    expect(ghostText(other)).toBe('”、坚定“四个自信”');
    expect(other.items.map((i) => i.text)).toEqual(['”、坚定“四个自信”', '形态']);
    const sure = reduceSuggestion(typed, { type: 'receive', pos: 12, suggestions: [suggestion('形态', ['形态'], 0.9)], ghostMinConfidence: 0.35 });
    expect(ghostText(sure)).toBe('形态');
  });
  test('Esc stays in force for a late answer about the same place only', () => {
    const hidden = reduceSuggestion(received(), { type: 'dismiss' });
    expect(ghostText(hidden)).toBeNull();
    const again = reduceSuggestion(hidden, { type: 'receive', pos: 10, suggestions: SUGGESTIONS, ghostMinConfidence: 0.35 });
    expect(ghostText(again)).toBeNull();
    const moved = reduceSuggestion(hidden, { type: 'receive', pos: 11, suggestions: SUGGESTIONS, ghostMinConfidence: 0.35 });
    expect(ghostText(moved)).not.toBeNull();
  });
});

describe('typing through the ghost', () => {
  test('shrinks it and moves it along, chunks cut at the same place', () => {
    const s = typeThrough(received(), 10, '意');
    expect(s.pos).toBe(11);
    expect(ghostText(s)).toBe('识”、坚定“四个自信”');
    expect(s.items[0].chunks).toEqual(['识', '”、', '坚定', '“四个自信”']);
  });
  test('typing something else clears it', () => {
    expect(ghostText(typeThrough(received(), 10, '全'))).toBeNull();
    expect(typeThrough(received(), 10, '全').items).toEqual([]);
  });
  test('typing at another place clears it', () => {
    expect(typeThrough(received(), 9, '意').items).toEqual([]);
  });
  test('typing all of it clears it', () => {
    expect(typeThrough(received(), 10, '意识”、坚定“四个自信”').items).toEqual([]);
  });
  test('typing through after Esc shows it again', () => {
    const hidden = reduceSuggestion(received(), { type: 'dismiss' });
    expect(ghostText(typeThrough(hidden, 10, '意'))).toBe('识”、坚定“四个自信”');
  });
  test('accepting a list item keeps that item first and closes the list', () => {
    let s = reduceSuggestion(received(), { type: 'openList' });
    s = reduceSuggestion(s, { type: 'move', delta: 2 });
    s = typeThrough(s, 10, '全面');
    expect(s.listOpen).toBe(false);
    expect(ghostText(s)).toBe('”战略布局');
  });
});

describe('list', () => {
  test('moves wrap around', () => {
    let s = reduceSuggestion(received(), { type: 'openList' });
    s = reduceSuggestion(s, { type: 'move', delta: -1 });
    expect(s.selected).toBe(2);
    s = reduceSuggestion(s, { type: 'move', delta: 1 });
    expect(s.selected).toBe(0);
  });
  test('Alt+↓ before the answer opens the list when it comes; an edit meanwhile forgets it', () => {
    const wanted = reduceSuggestion(EMPTY_SUGGESTION_STATE, { type: 'openList' });
    expect(wanted.listOpen).toBe(false);
    const answered = reduceSuggestion(wanted, { type: 'receive', pos: 10, suggestions: SUGGESTIONS, ghostMinConfidence: 0.35 });
    expect(answered.listOpen).toBe(true);
    expect(answered.listWanted).toBe(false);
    expect(typeThrough(wanted, 3, '全').listWanted).toBe(false);
  });
});

describe('composition', () => {
  test('hides everything and stays through clears', () => {
    const s = reduceSuggestion(received(), { type: 'composition', composing: true });
    expect(ghostText(s)).toBeNull();
    expect(s.items).toEqual([]);
    const r = reduceSuggestion(s, { type: 'receive', pos: 10, suggestions: SUGGESTIONS, ghostMinConfidence: 0 });
    expect(ghostText(r)).toBeNull();
    const ended = reduceSuggestion(r, { type: 'composition', composing: false });
    expect(ended.composing).toBe(false);
  });
});

describe('chunks', () => {
  test('nextChunk is the first word of the shown item', () => {
    expect(nextChunk(received())).toBe('意识');
  });
  test('consumePrefix across chunk borders', () => {
    const item = received().items[0];
    expect(consumePrefix(item, 3).chunks).toEqual(['、', '坚定', '“四个自信”']);
    expect(consumePrefix(item, 4).chunks).toEqual(['坚定', '“四个自信”']);
  });
  test('chunks that do not add up to the text are replaced by the whole text', () => {
    const s = reduceSuggestion(EMPTY_SUGGESTION_STATE, { type: 'receive', pos: 1, suggestions: [suggestion('坚定不移', ['坚定'])], ghostMinConfidence: 0 });
    expect(s.items[0].chunks).toEqual(['坚定不移']);
  });
});
