/**
 * The ProseMirror plugin of the phrase suggestion: decides when to ask (never while an IME composes) and
 * whether an answer is still current, then draws it and takes keys. What to suggest is the engine's job.
 */
import { closeHistory } from '@tiptap/pm/history';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { ReplaceStep } from '@tiptap/pm/transform';
import { DecorationSet, type EditorView } from '@tiptap/pm/view';
import { SuggestionAnnouncer, type ShownGhost } from './announce';
import { caretContext, tiptapSuggestionActive } from './context';
import { ghostDecoration } from './ghost';
import { isImeKeyEvent, keyName, resolveKey } from './keymap';
import { newListId, optionId, SuggestionListView } from './list';
import {
  clearItems, EMPTY_SUGGESTION_STATE, ghostText, reduceSuggestion, shownItem, typeThrough,
  type SuggestionAction, type SuggestionState,
} from './state';
import { MAX_LIST_ITEMS, type PhraseSuggestionOptions, type SuggestionConfig } from './types';

export const suggestionPluginKey = new PluginKey<SuggestionState>('phraseSuggestion');

/** The plugin state of `state` (the empty state when the plugin is not installed). */
export function getSuggestionState(state: EditorState): SuggestionState {
  return suggestionPluginKey.getState(state) ?? EMPTY_SUGGESTION_STATE;
}

/** Text inserted by `tr` when it is a plain insertion of text at one point (typing, pasting a word, accepting). */
export function insertedText(tr: Transaction): { at: number; text: string } | null {
  if (tr.steps.length !== 1) return null;
  const step = tr.steps[0];
  if (!(step instanceof ReplaceStep) || step.from !== step.to) return null;
  const { content, openStart, openEnd } = step.slice;
  if (openStart || openEnd || !content.childCount) return null;
  let text = '';
  for (let i = 0; i < content.childCount; i++) {
    const node = content.child(i);
    if (!node.isText) return null;
    text += node.text;
  }
  return { at: step.from, text };
}

function withAction(tr: Transaction, action: SuggestionAction): Transaction {
  return tr.setMeta(suggestionPluginKey, action).setMeta('addToHistory', false);
}

/** Inserts `text` at the caret as its own undo step (Ctrl+Z removes exactly it). */
export function acceptText(view: EditorView, text: string): boolean {
  const { state } = view;
  const pos = state.selection.head;
  if (!text || !state.selection.empty || pos !== getSuggestionState(state).pos) return false;
  view.dispatch(closeHistory(state.tr.insertText(text, pos)).scrollIntoView());
  // Close the event after it too, so that typing on is not folded into the accept.
  view.dispatch(closeHistory(view.state.tr).setMeta('addToHistory', false));
  return true;
}

/** The ghost to draw in `state`, or null: none on offer, the caret elsewhere, or another menu owns the keys. */
function drawnGhost(state: EditorState, blocked: boolean): ShownGhost | null {
  const s = getSuggestionState(state);
  const text = ghostText(s);
  if (!text || s.pos !== state.selection.head || !state.selection.empty || blocked) return null;
  return { pos: s.pos, text, origin: shownItem(s)!.origin };
}

/** Longest input counted as one committed word (an accepted suggestion or a paste is not one). */
const MAX_COMMITTED_WORD_CHARS = 6;

/** Characters of the word the writer's last input committed right before `pos` (1 when it was not one). */
function committedBefore(state: EditorState, pos: number): number {
  const last = getSuggestionState(state).lastInsert;
  return last && last.end === pos && last.text.length <= MAX_COMMITTED_WORD_CHARS ? last.text.length : 1;
}

function configKey(config: SuggestionConfig): string {
  return `${config.enabled}|${config.minConfidence}|${config.listMinConfidence}|${config.draftMemory}|${config.referenceYear}`;
}

/** Delay after `compositionend` before asking (ms): ProseMirror reads the committed text in a microtask or a 20 ms timer. */
const AFTER_COMPOSITION_MS = 0;

/** The plugin's view: asks, checks answers, draws the list, announces the ghost. One per editor view. */
class SuggestionController {
  private seq = 0;
  private asked = '';
  private config: string;
  private destroyed = false;
  private readonly list: SuggestionListView;
  private readonly announcer: SuggestionAnnouncer;
  private readonly unsubscribe: () => void;

  constructor(private readonly view: EditorView, private readonly options: PhraseSuggestionOptions, listId: string) {
    // Inside the editor's landmark (the page's <main>), so that the open list is part of the page's regions.
    this.list = new SuggestionListView(listId, (index) => this.acceptIndex(index), () => view.dom.closest<HTMLElement>('main, [role="main"]') ?? document.body);
    this.announcer = new SuggestionAnnouncer(() => view.hasFocus() && !view.composing);
    this.config = configKey(options.getConfig());
    this.unsubscribe = options.subscribe?.(() => this.configChanged()) ?? (() => {});
    queueMicrotask(() => this.ask());
  }

  update(view: EditorView, prev: EditorState): void {
    const s = getSuggestionState(view.state);
    this.list.update(s, () => view.coordsAtPos(s.pos));
    // The open list speaks through its listbox; the live region only tells of the ghost on its own.
    this.announcer.update(s.listOpen || view.composing ? null : drawnGhost(view.state, this.blocked(view.state)));
    // A composition that ended without compositionend (e.g. cancelled by a blur) must not hide the ghost for good.
    if (s.composing && !view.composing) setTimeout(() => this.compositionEnded(), AFTER_COMPOSITION_MS);
    if (view.state.doc !== prev.doc || !view.state.selection.eq(prev.selection)) this.ask();
  }

  /** Asks for the caret's context unless composing, off, blocked or already asked (then does nothing). */
  ask(force = false): void {
    const { view, options } = this;
    if (this.destroyed || view.composing) return;
    const config = options.getConfig();
    const context = config.enabled && view.editable && !this.blocked(view.state) ? caretContext(view.state) : null;
    if (!context) {
      this.seq++;
      this.asked = '';
      return;
    }
    const question = `${context.pos}\u0000${context.text}`;
    if (!force && question === this.asked) return;
    this.asked = question;
    const seq = ++this.seq;
    const committedChars = committedBefore(view.state, context.pos);
    options.provider.suggest(context.text, { limit: MAX_LIST_ITEMS, minConfidence: config.listMinConfidence, draftMemory: config.draftMemory, committedChars, referenceYear: config.referenceYear }).then(
      (suggestions) => {
        // Stale: a later question was put, the writer moved on, or a composition began meanwhile.
        if (suggestions === null || seq !== this.seq || this.destroyed || view.composing) return;
        const now = caretContext(view.state);
        if (!now || now.pos !== context.pos || now.text !== context.text) return;
        view.dispatch(withAction(view.state.tr, { type: 'receive', pos: context.pos, suggestions, ghostMinConfidence: config.minConfidence }));
      },
      (error: unknown) => {
        if (seq === this.seq) this.asked = '';
        console.warn('[提法] 查询失败', error);
      },
    );
  }

  blocked(state: EditorState): boolean {
    return (this.options.isBlocked ?? tiptapSuggestionActive)(state);
  }

  /** Settings changed: what is on screen was chosen under the old ones, so it goes, and the caret is asked again. */
  private configChanged(): void {
    const next = configKey(this.options.getConfig());
    if (next === this.config || this.destroyed) return;
    this.config = next;
    this.view.dispatch(withAction(this.view.state.tr, { type: 'clear' }));
    this.ask(true);
  }

  /** The composition ended and ProseMirror has read the committed text: show nothing stale, ask anew. */
  compositionEnded(): void {
    if (this.destroyed || this.view.composing) return;
    if (getSuggestionState(this.view.state).composing) this.view.dispatch(withAction(this.view.state.tr, { type: 'composition', composing: false }));
    this.ask(true);
  }

  acceptIndex(index: number): void {
    const item = getSuggestionState(this.view.state).items[index];
    if (item && !this.view.composing) acceptText(this.view, item.text);
    this.view.focus();
  }

  destroy(): void {
    this.destroyed = true;
    this.seq++;
    this.unsubscribe();
    this.list.destroy();
    this.announcer.destroy();
  }
}

/** The plugin for one editor. */
export function suggestionPlugin(options: PhraseSuggestionOptions): Plugin<SuggestionState> {
  const listId = newListId();
  let controller: SuggestionController | null = null;
  return new Plugin<SuggestionState>({
    key: suggestionPluginKey,
    state: {
      init: () => EMPTY_SUGGESTION_STATE,
      apply(tr, value, _oldState, newState) {
        let next = value;
        if (tr.docChanged) {
          const inserted = insertedText(tr);
          const { selection } = newState;
          const atCaret = inserted && selection.empty && selection.head === inserted.at + inserted.text.length;
          next = atCaret ? typeThrough(value, inserted.at, inserted.text) : clearItems(value);
          next = { ...next, lastInsert: atCaret ? { end: selection.head, text: inserted.text } : null };
        } else if (tr.selectionSet && (!newState.selection.empty || newState.selection.head !== value.pos)) {
          next = clearItems(value);
        }
        const action = tr.getMeta(suggestionPluginKey) as SuggestionAction | undefined;
        return action ? reduceSuggestion(next, action) : next;
      },
    },
    props: {
      decorations(state) {
        const ghost = drawnGhost(state, controller?.blocked(state) ?? false);
        return ghost ? DecorationSet.create(state.doc, [ghostDecoration(ghost.pos, ghost.text)]) : null;
      },
      attributes(state): Record<string, string> {
        if (!options.getConfig().enabled) return {};
        const s = getSuggestionState(state);
        return s.listOpen && s.items.length
          ? { 'aria-autocomplete': 'both', 'aria-controls': listId, 'aria-activedescendant': optionId(listId, s.selected) }
          : { 'aria-autocomplete': 'both' };
      },
      handleKeyDown(view, event) {
        // Every key belongs to the IME while it composes (Tab, Enter, arrows and digits pick its candidates).
        if (view.composing || isImeKeyEvent(event)) return false;
        if (!options.getConfig().enabled || !view.editable || controller?.blocked(view.state)) return false;
        const s = getSuggestionState(view.state);
        const effect = resolveKey(s, keyName(event));
        if (!effect) return false;
        if (effect.type === 'accept') return acceptText(view, effect.text);
        view.dispatch(withAction(view.state.tr, effect.action));
        return true;
      },
      handleDOMEvents: {
        // Runs before ProseMirror's own handler, i.e. before any composed text is in the DOM: the ghost goes
        // now, so Chrome never composes next to a widget.
        compositionstart(view) {
          if (!getSuggestionState(view.state).composing) view.dispatch(withAction(view.state.tr, { type: 'composition', composing: true }));
          return false;
        },
        compositionend() {
          setTimeout(() => controller?.compositionEnded(), AFTER_COMPOSITION_MS);
          return false;
        },
        blur(view) {
          if (getSuggestionState(view.state).listOpen) view.dispatch(withAction(view.state.tr, { type: 'closeList' }));
          return false;
        },
      },
    },
    view(view) {
      controller = new SuggestionController(view, options, listId);
      return controller;
    },
  });
}
