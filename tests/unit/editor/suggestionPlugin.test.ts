// @vitest-environment jsdom
/**
 * The suggestion plugin's rules in a real TipTap `Editor` (jsdom, no browser), as TipTap tests its own
 * suggestion plugin: a fake provider whose answers the test releases one by one shows which questions are
 * put and which answers are drawn — stale ones are not, nothing is asked or drawn while an IME composes,
 * a typed-through ghost keeps its rest, and Tab's accept is one undo step.
 */
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { TextSelection } from '@tiptap/pm/state';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { getSuggestionState, phraseSuggestion, type SuggestionConfig } from '../../../src/editor/suggestion';
import { MAX_LIST_ITEMS } from '../../../src/editor/suggestion/types';
import type { Suggestion, SuggestOptions } from '../../../src/phrases/types';

/** The threshold of the ghost in these tests; the answers below are above or below it. */
const GHOST_MIN_CONFIDENCE = 0.35;
const CONFIG: SuggestionConfig = { enabled: true, minConfidence: GHOST_MIN_CONFIDENCE, listMinConfidence: 0.2, draftMemory: true };

function suggestion(text: string, chunks: string[], confidence = 0.8): Suggestion {
  return { text, chunks, count: 3, docCount: 3, contextLength: 4, confidence, sources: [{ id: 'd1', title: '讲话' }], origin: 'corpus' };
}

const IDEAS = suggestion('意识”、坚定', ['意识', '”、', '坚定']);

/** A question put to the fake provider, answered when the test says so. */
interface Question {
  text: string;
  options: SuggestOptions | undefined;
  answer(suggestions: Suggestion[] | null): Promise<void>;
}

let editor: Editor;
let questions: Question[];

/** Lets the plugin's microtasks and zero-delay timers run (its first question, answers, composition end). */
const settle = () => new Promise((done) => setTimeout(done, 0));

/** A TipTap editor with the plugin asking the fake provider; its config is read through `getConfig`. */
function makeEditor(getConfig: () => SuggestionConfig, subscribe?: (listener: () => void) => () => void): Editor {
  const element = document.createElement('div');
  document.body.append(element);
  return new Editor({
    element,
    extensions: [StarterKit, phraseSuggestion({
      provider: {
        suggest: (text, options) => new Promise((resolve) => {
          questions.push({ text, options, answer: async (suggestions) => { resolve(suggestions); await settle(); } });
        }),
      },
      getConfig,
      subscribe,
    })],
    content: '<p></p>',
  });
}

beforeEach(async () => {
  questions = [];
  editor = makeEditor(() => CONFIG);
  await settle();
});

afterEach(() => {
  editor.destroy();
  document.body.replaceChildren();
});

/** Inserts `text` at the caret in one transaction, as a keystroke or an IME commit does. */
async function type(text: string): Promise<void> {
  editor.view.dispatch(editor.state.tr.insertText(text));
  await settle();
}

/** The ghost as drawn in the editor's DOM, or null. */
function ghost(): string | null {
  return editor.view.dom.querySelector('[data-ghost-text]')?.textContent ?? null;
}

function text(): string {
  return editor.state.doc.textContent;
}

/** A keydown on the editor, as the browser sends it; true when the editor took it. */
function press(key: string): boolean {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
  editor.view.dom.dispatchEvent(event);
  return event.defaultPrevented;
}

function last(): Question {
  expect(questions.length).toBeGreaterThan(0);
  return questions[questions.length - 1];
}

describe('questions and answers', () => {
  test('the caret\'s text is asked for, with the list size and the settings; a confident answer is drawn as ghost', async () => {
    expect(questions).toHaveLength(0); // an empty paragraph is never asked about
    await type('增强“四个');
    expect(questions).toHaveLength(1);
    expect(last().text).toBe('增强“四个');
    expect(last().options).toMatchObject({ limit: MAX_LIST_ITEMS, minConfidence: CONFIG.listMinConfidence, draftMemory: true });
    expect(ghost()).toBeNull();
    await last().answer([IDEAS]);
    expect(ghost()).toBe('意识”、坚定');
    expect(text()).toBe('增强“四个');
  });

  test('an answer below the ghost threshold is kept for the list but not drawn', async () => {
    await type('增强“四个');
    await last().answer([suggestion('意识', ['意识'], GHOST_MIN_CONFIDENCE / 2)]);
    expect(ghost()).toBeNull();
    expect(getSuggestionState(editor.state).items.map((i) => i.text)).toEqual(['意识']);
  });

  test('a stale answer (to an earlier question) is dropped; the answer to the current one is drawn', async () => {
    await type('增强');
    await type('“四个');
    expect(questions.map((q) => q.text)).toEqual(['增强', '增强“四个']);
    await questions[0].answer([suggestion('党的领导', ['党的', '领导'])]);
    expect(ghost()).toBeNull();
    expect(getSuggestionState(editor.state).items).toEqual([]);
    await questions[1].answer([IDEAS]);
    expect(ghost()).toBe('意识”、坚定');
  });

  test('an answer that comes after the caret moved away is dropped', async () => {
    await type('增强“四个');
    const pending = last();
    editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, 1, 3)));
    await settle();
    await pending.answer([IDEAS]);
    expect(getSuggestionState(editor.state).items).toEqual([]);
    expect(ghost()).toBeNull();
  });

  test('a superseded answer (the provider resolves null) changes nothing', async () => {
    await type('增强“四个');
    await last().answer(null);
    expect(getSuggestionState(editor.state).items).toEqual([]);
    expect(ghost()).toBeNull();
  });
});

describe('an IME composition', () => {
  test('takes the ghost away at its start, asks nothing while it lasts, drops an answer that was on its way, and asks again after it', async () => {
    await type('坚持和发展');
    await last().answer([suggestion('中国特色', ['中国', '特色'])]);
    expect(ghost()).toBe('中国特色');
    await type('，');
    const onItsWay = last();
    const asked = questions.length;

    editor.view.dom.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
    expect(editor.view.composing).toBe(true);
    expect(getSuggestionState(editor.state).composing).toBe(true);
    await onItsWay.answer([IDEAS]);
    expect(getSuggestionState(editor.state).items).toEqual([]);
    expect(ghost()).toBeNull();
    // What the IME shows while composing reaches the document; no question is put about it.
    await type('zhong');
    await type('guo');
    expect(questions).toHaveLength(asked);
    expect(ghost()).toBeNull();

    editor.view.dom.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: 'zhongguo' }));
    await expect.poll(() => questions.length).toBe(asked + 1);
    expect(editor.view.composing).toBe(false);
    expect(getSuggestionState(editor.state).composing).toBe(false);
    expect(last().text).toBe('坚持和发展，zhongguo');
    await last().answer([suggestion('特色', ['特色'])]);
    expect(ghost()).toBe('特色');
  });

  test('no key is taken while composing: Tab stays with the IME', async () => {
    await type('增强“四个');
    await last().answer([IDEAS]);
    editor.view.dom.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
    expect(press('Tab')).toBe(false);
    expect(text()).toBe('增强“四个');
  });
});

describe('typing through the ghost', () => {
  test('the ghost\'s next character keeps the rest on screen at once, before any new answer', async () => {
    await type('增强“四个');
    await last().answer([IDEAS]);
    const asked = questions.length;
    await type('意');
    expect(ghost()).toBe('识”、坚定');
    // The plugin asks about the new caret, but the ghost does not wait for it...
    expect(questions).toHaveLength(asked + 1);
    expect(last().text).toBe('增强“四个意');
    // ...and the engine's silence there does not pull it from under the writer.
    await last().answer([]);
    expect(ghost()).toBe('识”、坚定');
    await type('识”');
    expect(ghost()).toBe('、坚定');
  });

  test('a character the ghost does not begin with clears it', async () => {
    await type('增强“四个');
    await last().answer([IDEAS]);
    await type('自');
    expect(ghost()).toBeNull();
    expect(getSuggestionState(editor.state).items).toEqual([]);
  });
});

describe('accepting', () => {
  test('Tab inserts the ghost as one undo step; what is typed after it is a step of its own', async () => {
    await type('增强“四个');
    await last().answer([IDEAS]);
    expect(press('Tab')).toBe(true);
    expect(text()).toBe('增强“四个意识”、坚定');
    expect(ghost()).toBeNull();
    await type('理想');
    expect(text()).toBe('增强“四个意识”、坚定理想');
    editor.commands.undo();
    expect(text()).toBe('增强“四个意识”、坚定');
    editor.commands.undo();
    expect(text()).toBe('增强“四个');
  });

  test('with nothing on offer Tab is not taken', async () => {
    await type('增强“四个');
    await last().answer([]);
    expect(press('Tab')).toBe(false);
    expect(text()).toBe('增强“四个');
  });

  test('Esc hides the ghost until the writer types', async () => {
    await type('增强“四个');
    await last().answer([IDEAS]);
    expect(press('Escape')).toBe(true);
    expect(ghost()).toBeNull();
    expect(press('Tab')).toBe(false);
    await type('意');
    expect(ghost()).toBe('识”、坚定');
  });
});

describe('the index becoming ready', () => {
  /** An editor whose config starts with the index not ready (suggestions off) and is told when it changes, as connect.ts does. */
  async function editorBeforeIndex(): Promise<{ ready(): Promise<void> }> {
    editor.destroy();
    let config: SuggestionConfig = { ...CONFIG, enabled: false };
    const listeners = new Set<() => void>();
    editor = makeEditor(() => config, (listener) => { listeners.add(listener); return () => listeners.delete(listener); });
    await settle();
    return {
      async ready() {
        config = { ...CONFIG, enabled: true };
        listeners.forEach((listener) => listener());
        await settle();
      },
    };
  }

  test('what was typed before the index was ready is asked about once it is, and its answer is drawn', async () => {
    const { ready } = await editorBeforeIndex();
    await type('增强“四个');
    expect(questions).toHaveLength(0); // not ready: nothing is asked
    await ready();
    expect(questions.map((q) => q.text)).toEqual(['增强“四个']);
    await last().answer([IDEAS]);
    expect(ghost()).toBe('意识”、坚定');
  });

  test('a caret where nothing is asked (an empty paragraph) stays unasked when the index becomes ready', async () => {
    const { ready } = await editorBeforeIndex();
    await ready();
    expect(questions).toHaveLength(0);
  });
});
