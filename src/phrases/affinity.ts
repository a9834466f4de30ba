/**
 * Document affinity: which training documents the draft has been following. Owns the scan of the text
 * before the cursor (up to `AFFINITY_WINDOW_CHARS`, across paragraphs) for its last `AFFINITY_CLAUSES`
 * clause ends, the longest match (≤ `AFFINITY_MATCH_CHARS`, within its paragraph) of the text ending at
 * each, and the documents of the specific ones (≥ `AFFINITY_MIN_MATCH_CHARS` long, in ≤
 * `AFFINITY_MAX_DOCS` documents): each such clause adds 1 to the score of each of its documents. Reports of
 * different provinces share templates and speeches copy each other, so a continuation supported by a
 * document the draft has just been following is likelier than its counts alone say (a term of the
 * acceptance model, `confidence.ts`).
 *
 * Cost: a clause end's match depends only on the text ending there, so it is cached per index by that
 * text (`AFFINITY_CACHE_SIZE` entries, cleared when full); as the writer types, each query finds at most
 * one new clause end. Pure, no DOM.
 */
import type { PhraseIndex } from './build';
import { normalizeInto, PARAGRAPH_BREAK } from './normalize';
import { docsOfRange, longestSuffixRange } from './search';

/** Text before the cursor a query may look at for affinity (the editor and the evaluation send this much). */
export const AFFINITY_WINDOW_CHARS = 2000;
/** Clause ends looked at, the most recent first. */
export const AFFINITY_CLAUSES = 8;
/** Longest match tried at a clause end (code units). */
export const AFFINITY_MATCH_CHARS = 24;
/** Shorter matches say nothing about a document (every report has 「要坚持」). */
export const AFFINITY_MIN_MATCH_CHARS = 8;
/** A match in more documents is a standard phrase, not a sign of following one document. */
export const AFFINITY_MAX_DOCS = 4;
/** Ranks of a range scanned for its documents. */
export const AFFINITY_SCAN_CAP = 64;
/** Cached clause ends per index. */
export const AFFINITY_CACHE_SIZE = 8192;

const CLAUSE_END_CHARS = '，、。！？；：,;:!?';
const CLAUSE_END_CODE = new Uint8Array(0x10000);
for (const c of CLAUSE_END_CHARS) CLAUSE_END_CODE[c.charCodeAt(0)] = 1;
const caches = new WeakMap<PhraseIndex, Map<string, readonly number[]>>();

/** Documents (index numbers) of the longest specific match of `codes[from..end)`'s suffixes; [] if none. */
function matchDocs(index: PhraseIndex, codes: Uint16Array, from: number, end: number): readonly number[] {
  const range = longestSuffixRange(index, codes, from, end, AFFINITY_MIN_MATCH_CHARS);
  if (!range) return [];
  const docs = docsOfRange(index, range[0], range[1], AFFINITY_MAX_DOCS + 1, AFFINITY_SCAN_CAP);
  return docs.length <= AFFINITY_MAX_DOCS ? docs : [];
}

/**
 * Affinity score of each document (index number → clauses of the last `AFFINITY_CLAUSES` it matched
 * specifically) for the text before the cursor (its last `AFFINITY_WINDOW_CHARS`; the clause being typed
 * has no end yet and is left out: it is the query's own context).
 *
 * The window is normalised a paragraph at a time from its end, and only as far back as the clause ends it
 * needs (usually the last paragraph or two of 2,000 characters): normalisation restarts at each line break
 * (`normalizeInto`) and no match crosses one, so each paragraph's codes are those of the whole window.
 */
export function documentAffinity(index: PhraseIndex, textBeforeCursor: string): Map<number, number> {
  const scores = new Map<number, number>();
  let cache = caches.get(index);
  if (!cache) caches.set(index, (cache = new Map()));
  const windowStart = Math.max(0, textBeforeCursor.length - AFFINITY_WINDOW_CHARS);
  let found = 0;
  for (let end = textBeforeCursor.length; end > windowStart && found < AFFINITY_CLAUSES; ) {
    const start = Math.max(windowStart, textBeforeCursor.lastIndexOf(PARAGRAPH_BREAK, end - 1) + 1);
    if (end - start >= AFFINITY_MIN_MATCH_CHARS) {
      const codes = paragraphScratch.subarray(0, normalizeInto(textBeforeCursor.slice(start, end), paragraphScratch, 0));
      found += scoreClauseEnds(index, codes, AFFINITY_CLAUSES - found, cache, scores);
    }
    end = start - 1;
  }
  return scores;
}

/** Room for the longest paragraph of a window. */
const paragraphScratch = new Uint16Array(AFFINITY_WINDOW_CHARS);

/** Adds to `scores` the documents of the last `wanted` specific clause ends of one paragraph; returns how many it looked at. */
function scoreClauseEnds(index: PhraseIndex, codes: Uint16Array, wanted: number, cache: Map<string, readonly number[]>, scores: Map<number, number>): number {
  let found = 0;
  for (let end = codes.length; end > 0 && found < wanted; end--) {
    if (!CLAUSE_END_CODE[codes[end - 1]]) continue;
    const from = Math.max(0, end - AFFINITY_MATCH_CHARS);
    if (end - from < AFFINITY_MIN_MATCH_CHARS) continue;
    found++;
    const key = String.fromCharCode.apply(null, codes.subarray(from, end) as unknown as number[]);
    let docs = cache.get(key);
    if (!docs) {
      if (cache.size >= AFFINITY_CACHE_SIZE) cache.clear();
      docs = matchDocs(index, codes, from, end);
      cache.set(key, docs);
    }
    for (const d of docs) scores.set(d, (scores.get(d) ?? 0) + 1);
  }
  return found;
}

/** The highest affinity score among the documents of the range `[lo, hi)` (0 when none is followed). */
export function rangeAffinity(index: PhraseIndex, lo: number, hi: number, scores: ReadonlyMap<number, number>): number {
  if (scores.size === 0) return 0;
  let best = 0;
  const step = hi - lo > AFFINITY_SCAN_CAP ? (hi - lo) / AFFINITY_SCAN_CAP : 1;
  for (let x = lo; x < hi; x += step) {
    const s = scores.get(index.docOfRank[Math.floor(x)]) ?? 0;
    if (s > best) best = s;
  }
  return best;
}
