/**
 * Public types of the phrase engine: the documents it learns from, the suggestions it returns and the
 * options of a query, and how much text a query carries. This module owns the shapes only — no logic, no
 * DOM — so that the editor, the Web Worker and the evaluation CLI can all import it without pulling in
 * the engine.
 */

/**
 * Text before the cursor a query carries (the editor and the simulated writer send this much, across
 * paragraphs): the context comes from the current paragraph, document affinity from its last 2,000
 * characters (`affinity.ts`), the draft memory from all of it (`draftMemory.ts`: a whole report is about
 * 20,000 characters, and the draft repeats itself across all of it).
 */
export const BEFORE_CURSOR_WINDOW_CHARS = 20_000;

/** A document the engine learns from: a corpus speech or report, or one of the writer's own imports. */
export interface PhraseDocument {
  id: string;
  title: string;
  pack: string;
  /** Plain text, paragraphs separated by `\n` (`\r\n` is accepted and normalised). */
  text: string;
  /** The year the document was given or adopted, when known (recency, the source line's years). */
  year?: number | null;
}

/** Where a suggestion was seen, shown to the writer so a formulation can be traced to its document. */
export interface SuggestionSource {
  id: string;
  title: string;
  /** The document's year, when known. */
  year?: number;
}

/** One proposed continuation of the text before the cursor (a 提法, in the writer's words). */
export interface Suggestion {
  /** What to insert, as the corpus wrote it (not the normalised form). */
  text: string;
  /** `text` split into words for word-by-word acceptance; quoted terms (“四个意识”) stay whole. */
  chunks: string[];
  /** Occurrences of context + text in the index. */
  count: number;
  /** Distinct documents containing context + text. */
  docCount: number;
  /** Length (UTF-16 code units) of the context the suggestion was predicted from. */
  contextLength: number;
  /** Estimated probability (0..1) that the writer accepts at least the first word. */
  confidence: number;
  /** Up to a few documents the suggestion came from, most relevant first. */
  sources: SuggestionSource[];
  /** Earliest and latest year of the documents containing it (those with a known year); absent when none has one. */
  years?: { from: number; to: number };
  /** Where it was learnt: the indexed documents, or the draft's own earlier text (`docCount` is then 0). */
  origin: 'corpus' | 'draft';
}

/** Options of one query. */
export interface SuggestOptions {
  /** At most this many suggestions (default 5). */
  limit?: number;
  /** Suggestions whose confidence is below this are dropped (default 0: keep all). */
  minConfidence?: number;
  /** Also offer what the draft itself wrote before after the same words (default true; `draftMemory.ts`). */
  draftMemory?: boolean;
  /**
   * The last this-many characters before the cursor came in one input — a word a pinyin IME committed
   * (default 1). The query then also asks at the positions inside that word and offers the rest of what it
   * would have offered there, when the word typed it (see `suggestFromIndex`).
   */
  committedChars?: number;
  /**
   * The year the writer writes for (`recency.ts`): evidence from documents of years near it counts for more.
   * Absent: no recency (every document counts alike).
   */
  referenceYear?: number;
}
