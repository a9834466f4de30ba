/**
 * The query: from the text before the cursor to ranked suggestions, in five stages with one module each —
 * contexts (`contexts.ts`: the longest suffix of the paragraph the corpus has seen, and its continuations)
 * → candidates (`candidates.ts`: each continuation extended and cut) → evidence (`evidence.ts`) →
 * confidence (`confidence.ts`) → order (`order.ts`). This module only runs them. Pure, no DOM; never
 * crosses a paragraph (`\n`) or a document (separator code).
 *
 * Not re-entrant: the evidence stage reads the lead-in into module-level scratch buffers and the
 * confidence stage fills one module-level tree-input vector, so one query must finish before the next
 * starts (the worker runs one at a time; so do the evaluation and the scripts).
 */
import { documentAffinity } from './affinity';
import type { PhraseIndex } from './build';
import { contextCandidates, draftCandidate, typedThrough, type Candidate } from './candidates';
import { DEFAULT_ENGINE_CONFIG, type EngineConfig } from './config';
import { continuationBlocks, extraContexts, localContext, mainContext } from './contexts';
import type { Surroundings } from './evidence';
import { currentParagraph, normalizeCodes } from './normalize';
import { mergeCandidate, orderCandidates } from './order';
import { recencyWeights, shareByRecency } from './recency';
import type { SuggestOptions, Suggestion } from './types';

/** Suggestions returned when `SuggestOptions.limit` is not given. */
const DEFAULT_LIMIT = 5;
/** Continuations considered per query when the first suggestion is picked by expected saving. */
export const CANDIDATE_POOL = 5;
/** Continuations taken from each extra context. */
export const EXTRA_CONTEXT_CANDIDATES = 2;
/**
 * Positions inside a committed word that are asked too (`SuggestOptions.committedChars`). A pinyin IME commits
 * a word at a time, so its writer is never at 「增强“四」 to see 「个意识”、坚定“四个自信”…」 there; the
 * acceptance model, fitted on a writer who types character by character and takes every right suggestion,
 * holds a formulation the writer has just typed into less likely at 「增强“四个」 (a writer who got there
 * that way had passed it by). What the query would have offered inside the word, once the word has typed its
 * beginning, is what a writer typing character by character would still see as a ghost they typed through.
 */
export const COMMITTED_LOOKBACK_CHARS = 4;

/** The corpus candidates' confidences (and expected savings) shared out again by their recency (`shareByRecency`). */
function withRecency(candidates: Candidate[], strength: number): void {
  const corpus = candidates.filter((c) => c.source === 'corpus');
  const shared = shareByRecency(corpus.map((c) => c.suggestion.confidence), corpus.map((c) => c.evidence.recencyWeight), strength);
  corpus.forEach((c, i) => {
    const before = c.suggestion.confidence;
    if (shared[i] === before) return;
    c.suggestion = { ...c.suggestion, confidence: shared[i] };
    c.expectedSaving = before > 0 ? (c.expectedSaving * shared[i]) / before : 0;
  });
}

/**
 * Candidates of the main context in rank order, then those of the extra contexts (see `QueryTuning`) and
 * the draft's own continuation: one whose first character no earlier candidate has is added, one that
 * starts like an earlier one replaces it when it is a different text of higher expected saving.
 * Alternatives stay distinct. With a `referenceYear`, recent documents' evidence counts for more (`recency.ts`).
 */
export function findCandidates(
  index: PhraseIndex,
  textBeforeCursor: string,
  limit: number,
  config: EngineConfig = DEFAULT_ENGINE_CONFIG,
  referenceYear?: number,
): Candidate[] {
  const { tuning } = config;
  const paragraph = currentParagraph(textBeforeCursor);
  if (paragraph.length < tuning.minContextChars || index.sa.length === 0 || limit <= 0) return [];
  const codes = normalizeCodes(paragraph);
  const out: Candidate[] = [];
  const local = localContext(index, codes, tuning.localContextChars);
  const main = mainContext(index, codes, tuning);
  if (main) {
    const recency = tuning.recencyStrength !== 0 ? recencyWeights(index, referenceYear) : null;
    const surroundings: Surroundings = { before: textBeforeCursor, affinity: documentAffinity(index, textBeforeCursor), local, recency };
    out.push(...contextCandidates(index, codes, main.context, main.blocks, limit, surroundings, config));
    for (const context of extraContexts(index, codes, main.context, tuning)) {
      const blocks = continuationBlocks(index, context.lo, context.hi, context.length);
      for (const c of contextCandidates(index, codes, context, blocks, EXTRA_CONTEXT_CANDIDATES, surroundings, config)) mergeCandidate(out, c);
    }
    if (recency) withRecency(out, tuning.recencyStrength);
  }
  if (tuning.draftMemory) {
    const c = draftCandidate(index, textBeforeCursor, local, config);
    if (c) mergeCandidate(out, c);
  }
  return out;
}

/**
 * Ranked suggestions for the text before the cursor, searched in `index`: at most `options.limit`
 * (default 5), those below `options.minConfidence` left out. The first is the one of best expected
 * saving (when `tuning.pickBySaving`); the others follow in rank order (documents, occurrences, length).
 */
export function suggestFromIndex(index: PhraseIndex, textBeforeCursor: string, options: SuggestOptions = {}, config: EngineConfig = DEFAULT_ENGINE_CONFIG): Suggestion[] {
  const minConfidence = options.minConfidence ?? 0;
  const limit = options.limit ?? DEFAULT_LIMIT;
  if (options.draftMemory !== undefined) config = { ...config, tuning: { ...config.tuning, draftMemory: options.draftMemory } };
  const { tuning } = config;
  const poolSize = Math.max(limit, tuning.pickBySaving ? CANDIDATE_POOL : 0);
  const pool = findCandidates(index, textBeforeCursor, poolSize, config, options.referenceYear);
  const inside = Math.min((options.committedChars ?? 1) - 1, COMMITTED_LOOKBACK_CHARS);
  for (let typed = 1; typed <= inside; typed++) {
    for (const c of findCandidates(index, textBeforeCursor.slice(0, -typed), poolSize, config, options.referenceYear)) {
      const rest = typedThrough(c, textBeforeCursor.slice(-typed), tuning.minSuggestionChars);
      // The same text with the confidence it had where the word began beats the one asked at its end.
      if (rest) mergeCandidate(pool, rest, true);
    }
  }
  return orderCandidates(pool, minConfidence, tuning).slice(0, limit).map((c) => c.suggestion);
}
