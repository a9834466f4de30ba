/**
 * The 快捷键 help cannot drift from the bindings: every line is Chinese and names keys in a notation we can
 * read; the phrase suggestion's lines name exactly the keys of its keymap, each of which is taken in some
 * state; the lines for TipTap keymaps name keys those extensions really bind.
 */
import { flattenExtensions, getExtensionField, type AnyConfig, type Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { describe, expect, test } from 'vitest';
import type { Suggestion } from '../../../src/phrases/types';
import { formatKey, formatKeys, matchesKey, normalizeKey, parseKey, platformKeyFormat, titleWithKeys } from '../../../src/editor/keys';
import { SectionHeading, sectionHeadingKeyHelp } from '../../../src/editor/structure';
import { resolveKey, suggestionKeyHelp, suggestionKeymap } from '../../../src/editor/suggestion/keymap';
import { EMPTY_SUGGESTION_STATE, reduceSuggestion } from '../../../src/editor/suggestion/state';
import { SHORTCUT_GROUPS } from '../../../src/ui/shortcuts';
import { editingKeyHelp } from '../../../src/ui/Toolbar';

const CHINESE = /[\u4e00-\u9fff]/;
const allEntries = SHORTCUT_GROUPS.flatMap((group) => group.entries);

describe('the shortcut list', () => {
  test('every group and line has Chinese text and at least one readable key', () => {
    expect(SHORTCUT_GROUPS.length).toBeGreaterThan(3);
    for (const group of SHORTCUT_GROUPS) {
      expect(group.title).toMatch(CHINESE);
      expect(group.entries.length).toBeGreaterThan(0);
    }
    for (const { keys, action } of allEntries) {
      expect(action.trim()).toMatch(CHINESE);
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) expect(formatKey(key).trim()).not.toBe('');
    }
  });

  test('includes the keys a writer asked about', () => {
    const named = new Set(allEntries.flatMap((e) => e.keys.map(normalizeKey)));
    for (const key of ['Tab', 'Ctrl-ArrowRight', 'Alt-ArrowDown', 'Escape', '/', '、', '／', 'Mod-f', 'Mod-h', 'Mod-z', 'Alt-ArrowUp', 'F1', 'Mod-/']) {
      expect(named, key).toContain(normalizeKey(key));
    }
  });
});

describe('the phrase suggestion help is its keymap', () => {
  test('the described keys are exactly the bound keys', () => {
    const described = suggestionKeyHelp.flatMap((line) => line.keys);
    expect(new Set(described)).toEqual(new Set(suggestionKeymap.map((b) => b.key)));
    expect(described).toHaveLength(new Set(described).size);
  });

  test('every described key is taken in some state (ghost on screen, list open, or nothing on offer)', () => {
    const item = (text: string): Suggestion => ({ text, chunks: [text], count: 2, docCount: 2, contextLength: 4, confidence: 0.8, sources: [], origin: 'corpus' });
    const ghost = reduceSuggestion(EMPTY_SUGGESTION_STATE, {
      type: 'receive', pos: 5, ghostMinConfidence: 0.35, suggestions: ['意识', '自信', '担当', '本领', '作风'].map(item),
    });
    const states = [ghost, reduceSuggestion(ghost, { type: 'openList' }), EMPTY_SUGGESTION_STATE];
    const keys = suggestionKeyHelp.flatMap((line) => line.keys);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(states.some((state) => resolveKey(state, key) !== null), key).toBe(true);
    }
  });

  test('reads as the writer expects', () => {
    const shown = suggestionKeyHelp.map((line) => `${formatKeys(line.keys).join(' / ')} ${line.action}`);
    expect(shown).toContain('Tab 接受整条提示');
    expect(shown).toContain('Ctrl+→ / Alt+→ 只接受下一个词');
    expect(shown.some((line) => line.startsWith('1–5 '))).toBe(true);
  });
});

/** Every key the extensions' `addKeyboardShortcuts` bind, normalised. */
function boundKeys(extensions: Extensions): Set<string> {
  const keys = new Set<string>();
  for (const extension of flattenExtensions(extensions)) {
    const context = { name: extension.name, options: extension.options, storage: extension.storage, editor: {} as never, type: null as never };
    const add = getExtensionField<AnyConfig['addKeyboardShortcuts']>(extension, 'addKeyboardShortcuts', context);
    for (const key of Object.keys(add?.() ?? {})) keys.add(normalizeKey(key));
  }
  return keys;
}

describe('the lines for TipTap keymaps name bound keys', () => {
  test('section headings', () => {
    const bound = boundKeys([SectionHeading]);
    const keys = sectionHeadingKeyHelp.flatMap((line) => line.keys);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(bound, key).toContain(normalizeKey(key));
  });

  test('the toolbar’s StarterKit keys', () => {
    const bound = boundKeys([StarterKit]);
    const keys = editingKeyHelp.flatMap((line) => line.keys);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(bound, key).toContain(normalizeKey(key));
  });
});

describe('key notation', () => {
  test('parses modifiers in any order', () => {
    expect(parseKey('Shift-Mod-z')).toEqual({ mods: ['Mod', 'Shift'], key: 'z' });
    expect(normalizeKey('Shift-Mod-z')).toBe(normalizeKey('Mod-Shift-z'));
    expect(parseKey('Mod--').key).toBe('-');
    expect(() => parseKey('Hyper-x')).toThrow();
  });

  test('shows Mod as Ctrl, or ⌘ on a Mac; arrows and Esc as symbols; digit runs as ranges', () => {
    expect(formatKey('Mod-Shift-z')).toBe('Ctrl+Shift+Z');
    expect(formatKey('Mod-Shift-z', { mac: true })).toBe('⌘+Shift+Z');
    expect(formatKey('Ctrl-ArrowRight', { mac: true })).toBe('Ctrl+→');
    expect(formatKey('Alt-ArrowRight', { mac: true })).toBe('⌥+→');
    expect(formatKey('Alt-ArrowRight')).toBe('Alt+→');
    expect(platformKeyFormat({ platform: 'MacIntel' })).toEqual({ mac: true });
    expect(platformKeyFormat({ platform: 'Win32' })).toEqual({ mac: false });
    expect(platformKeyFormat({ platform: '', userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)' })).toEqual({ mac: true });
    expect(platformKeyFormat(undefined)).toEqual({ mac: false });
    expect(titleWithKeys('撤销', ['Mod-z'], { mac: true })).toBe('撤销（⌘+Z）');
    expect(titleWithKeys('撤销', ['Mod-z'], { mac: false })).toBe('撤销（Ctrl+Z）');
    expect(formatKey('Escape')).toBe('Esc');
    expect(formatKeys(['1', '2', '3', '4', '5'])).toEqual(['1–5']);
    expect(formatKeys(['Mod-Shift-1', 'Mod-Shift-2', 'Mod-Shift-3', 'Mod-Shift-4'])).toEqual(['Ctrl+Shift+1–4']);
    expect(formatKeys(['ArrowUp', 'ArrowDown'])).toEqual(['↑', '↓']);
  });

  test('matches key events: Mod is Ctrl or ⌘, other modifiers exact, letters in either case', () => {
    const ev = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) =>
      ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });
    expect(matchesKey(ev('f', { ctrlKey: true }), 'Mod-f')).toBe(true);
    expect(matchesKey(ev('f', { metaKey: true }), 'Mod-f')).toBe(true);
    expect(matchesKey(ev('F', { ctrlKey: true }), 'Mod-f')).toBe(true);
    expect(matchesKey(ev('f', { ctrlKey: true, altKey: true }), 'Mod-f')).toBe(false);
    expect(matchesKey(ev('f'), 'Mod-f')).toBe(false);
    expect(matchesKey(ev('F1'), 'F1')).toBe(true);
    expect(matchesKey(ev('F1', { ctrlKey: true }), 'F1')).toBe(false);
    expect(matchesKey(ev('/', { ctrlKey: true }), 'Mod-/')).toBe(true);
    expect(matchesKey(ev(' '), 'Space')).toBe(true);
  });
});
