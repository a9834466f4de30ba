/**
 * Public types of the phrase-suggestion extension: what it asks (a provider, usually the phrase engine's
 * worker client), how it is configured (read live, so settings apply without rebuilding the editor) and
 * the options with their defaults. Shapes and constants only — no logic, no DOM.
 */
import type { EditorState } from '@tiptap/pm/state';
import type { Suggestion, SuggestOptions } from '../../phrases/types';

/** Anything that answers "what could follow this text?" — the phrase engine's client fits. */
export interface SuggestionProvider {
  /** Resolves to suggestions best first, or `null` when a later question superseded this one. */
  suggest(textBeforeCursor: string, options?: SuggestOptions): Promise<Suggestion[] | null>;
}

/** The writer's settings as the extension needs them; read on every question. */
export interface SuggestionConfig {
  /** Off: no questions, no ghost text, no keys taken. */
  enabled: boolean;
  /** The top suggestion is drawn as ghost text only at or above this confidence (0..1). */
  minConfidence: number;
  /** Alternatives offered in the Alt+↓ list go down to this confidence (≤ `minConfidence`). */
  listMinConfidence: number;
  /** Also offer what the draft itself wrote before (the engine's draft memory). */
  draftMemory: boolean;
  /** The year the writer writes for: recent documents' evidence counts for more (the engine's recency). */
  referenceYear?: number;
}

/** Options of `phraseSuggestion()`. */
export interface PhraseSuggestionOptions {
  provider: SuggestionProvider;
  getConfig(): SuggestionConfig;
  /** Called with a listener that must run whenever `getConfig()` may have changed; returns an unsubscribe. */
  subscribe?(listener: () => void): () => void;
  /**
   * True while another part of the editor owns the keyboard (e.g. the slash menu of `@tiptap/suggestion`):
   * then no ghost is drawn and no key is taken. The default recognises any active `@tiptap/suggestion`.
   */
  isBlocked?(state: EditorState): boolean;
}

/** Alternatives in the Alt+↓ list (and asked of the provider); the number keys 1…N pick them. */
export const MAX_LIST_ITEMS = 5;
