/**
 * The query: from the text before the cursor to ranked suggestions. Owns context back-off (the longest
 * suffix of the current paragraph that the corpus has seen), the enumeration of the continuations that
 * follow it, their extension while the corpus agrees, and the assembly of `Suggestion`s. Delegates range
 * arithmetic to `search.ts`, ordering to `rank.ts`, confidence to `confidence.ts`, words to `chunks.ts`.
 * Pure, no DOM; never crosses a paragraph (`\n`) or a document (separator code).
 *
 * Worst case: a 1–2 character context in a 10 M corpus matches ~10⁵ positions. Nothing here is linear in
 * the range: continuations of a large range are found from `CONTINUATION_SAMPLE_SIZE` evenly spaced ranks
 * (the range is sorted by continuation, so even spacing samples blocks in proportion to their size) and
 * then measured exactly by binary search; document counts scan at most `DOC_SCAN_CAP` ranks.
 */
import type { PhraseIndex } from './build';
import { splitIntoChunks } from './chunks';
import { estimateConfidence, type ContinuationEvidence } from './confidence';
import { currentParagraph, DOC_SEPARATOR_CODE, normalizeCodes, PARAGRAPH_BREAK_CODE, SENTENCE_END_CHARS } from './normalize';
import { compareBlocks } from './rank';
import { blockOf, codeAt, countDocs, docsOfRange, findRange } from './search';
import type { SuggestOptions, Suggestion } from './types';

/** Knobs of the query; the defaults are the measured ones (see README). */
export interface QueryTuning {
  /** Longest context tried (code units before the cursor). */
  maxContextChars: number;
  /** Shorter contexts are never used: a 1-character context matches unrelated sentences. */
  minContextChars: number;
  /** The context must occur in at least this many documents. */
  minContextDocs: number;
  /** Extension goes on while at least this share of the matches agree on the next character (> 0.5). */
  extendAgreement: number;
  /** Suggestions stop at this length even when the corpus still agrees. */
  maxSuggestionChars: number;
  /** Shorter suggestions save nothing and are not offered. */
  minSuggestionChars: number;
  /** Context length at which the local support of a continuation is measured (see `localSupport`). */
  localContextChars: number;
}

export const DEFAULT_QUERY_TUNING: QueryTuning = {
  maxContextChars: 24,
  minContextChars: 2,
  minContextDocs: 2,
  extendAgreement: 0.8,
  maxSuggestionChars: 32,
  minSuggestionChars: 2,
  localContextChars: 3,
};

/** Ranges at most this large are walked block by block; larger ones are sampled. */
export const CONTINUATION_SCAN_CAP = 64;
/** Ranks sampled to find the continuations of a large range. */
export const CONTINUATION_SAMPLE_SIZE = 64;
/** Ranks scanned, at most, to count the distinct documents of a range. */
export const DOC_SCAN_CAP = 512;
/** Sources listed per suggestion. */
export const MAX_SOURCES = 3;
/** Shorter contexts tried when every match of the longest one ends its paragraph. */
export const MAX_EMPTY_BACKOFFS = 3;

const DEFAULT_LIMIT = 5;
const SENTENCE_END_CODES = new Set(Array.from(SENTENCE_END_CHARS, (c) => c.charCodeAt(0)));

function endsParagraph(code: number): boolean {
  return code === DOC_SEPARATOR_CODE || code === PARAGRAPH_BREAK_CODE;
}

interface Block {
  code: number;
  lo: number;
  hi: number;
  docs: number;
  count: number;
  length: number;
}

/** The continuations (first character blocks) of the range `[lo, hi)` at `depth`, best first. */
function continuationBlocks(index: PhraseIndex, lo: number, hi: number, depth: number): Block[] {
  const codes: number[] = [];
  if (hi - lo <= CONTINUATION_SCAN_CAP) {
    for (let r = lo; r < hi; ) {
      const code = codeAt(index, r, depth);
      codes.push(code);
      r = blockOf(index, r, hi, depth, code)[1];
    }
  } else {
    const step = (hi - lo) / CONTINUATION_SAMPLE_SIZE;
    for (let x = lo; x < hi; x += step) {
      const code = codeAt(index, Math.floor(x), depth);
      if (codes[codes.length - 1] !== code) codes.push(code);
    }
  }
  const blocks: Block[] = [];
  for (const code of codes) {
    if (endsParagraph(code)) continue;
    const [blo, bhi] = blockOf(index, lo, hi, depth, code);
    blocks.push({ code, lo: blo, hi: bhi, docs: countDocs(index, blo, bhi, DOC_SCAN_CAP), count: bhi - blo, length: 0 });
  }
  return blocks.sort(compareBlocks);
}

/** A continuation extended while the matches agree; `ranges[i]` is the range after i + 1 characters. */
interface Extension {
  length: number;
  ranges: Array<[number, number]>;
}

function extend(index: PhraseIndex, block: Block, depth: number, tuning: QueryTuning): Extension {
  const ranges: Array<[number, number]> = [[block.lo, block.hi]];
  let [lo, hi] = ranges[0];
  let last = block.code;
  while (ranges.length < tuning.maxSuggestionChars && !SENTENCE_END_CODES.has(last)) {
    const d = depth + ranges.length;
    // With agreement > 1/2 the only possible majority is the block holding the middle rank.
    const code = codeAt(index, (lo + hi) >>> 1, d);
    if (endsParagraph(code)) break;
    const [blo, bhi] = blockOf(index, lo, hi, d, code);
    if (bhi - blo < tuning.extendAgreement * (hi - lo)) break;
    lo = blo;
    hi = bhi;
    last = code;
    ranges.push([lo, hi]);
  }
  return { length: ranges.length, ranges };
}

/** The longest context (suffix of `codes`) seen with enough support, and its range; null when none. */
function longestContext(index: PhraseIndex, codes: Uint16Array, tuning: QueryTuning): { length: number; lo: number; hi: number } | null {
  const end = codes.length;
  let a = tuning.minContextChars;
  let b = Math.min(end, tuning.maxContextChars);
  let best: { length: number; lo: number; hi: number } | null = null;
  while (a <= b) {
    const k = (a + b) >>> 1;
    const [lo, hi] = findRange(index, codes, end - k, end);
    const supported = hi > lo && (tuning.minContextDocs <= 1 || countDocs(index, lo, hi, DOC_SCAN_CAP, tuning.minContextDocs) >= tuning.minContextDocs);
    if (supported) {
      best = { length: k, lo, hi };
      a = k + 1;
    } else {
      b = k - 1;
    }
  }
  return best;
}

/**
 * Support of `head` after only the last `chars` codes of the context: how standard the continuation is
 * locally, whatever longer passage the context happens to share with one document.
 */
function localSupport(index: PhraseIndex, codes: Uint16Array, head: Uint16Array, chars: number): { count: number; headCount: number } {
  const s = Math.min(chars, codes.length);
  let [lo, hi] = findRange(index, codes, codes.length - s, codes.length);
  const count = hi - lo;
  for (let j = 0; j < head.length && hi > lo; j++) [lo, hi] = blockOf(index, lo, hi, s + j, head[j]);
  return { count, headCount: hi - lo };
}

const PUNCTUATION = /[\p{P}\p{S}\s]/u;
function isPunctuation(code: number): boolean {
  return PUNCTUATION.test(String.fromCharCode(code));
}

/** Length of the first acceptable part of a suggestion: whole chunks, at least `minChars` long. */
function headLength(chunks: readonly string[], minChars: number): number {
  let n = 0;
  for (const c of chunks) {
    n += c.length;
    if (n >= minChars) return n;
  }
  return n;
}

/** A suggestion before confidence is attached, with the evidence the confidence is estimated from. */
export interface Candidate {
  suggestion: Omit<Suggestion, 'confidence'>;
  evidence: ContinuationEvidence;
}

/**
 * The best `limit` continuations of the text before the cursor, in rank order, with their evidence.
 * Exposed for the evaluation and the tests; the editor uses `suggestFromIndex`.
 */
export function findCandidates(index: PhraseIndex, textBeforeCursor: string, limit: number, tuning: QueryTuning = DEFAULT_QUERY_TUNING): Candidate[] {
  const paragraph = currentParagraph(textBeforeCursor);
  if (paragraph.length < tuning.minContextChars || index.sa.length === 0 || limit <= 0) return [];
  const codes = normalizeCodes(paragraph);
  let context = longestContext(index, codes, tuning);
  let blocks: Block[] = [];
  for (let tries = 0; context && tries <= MAX_EMPTY_BACKOFFS; tries++) {
    blocks = continuationBlocks(index, context.lo, context.hi, context.length);
    if (blocks.length > 0 || context.length <= tuning.minContextChars) break;
    const k = context.length - 1;
    const [lo, hi] = findRange(index, codes, codes.length - k, codes.length);
    context = { length: k, lo, hi };
  }
  if (!context || blocks.length === 0) return [];

  const k = context.length;
  const contextCount = blocks.reduce((n, b) => n + b.count, 0);
  const contextDocs = countDocs(index, context.lo, context.hi, DOC_SCAN_CAP);
  const out: Candidate[] = [];
  for (const block of blocks.slice(0, limit)) {
    const ext = extend(index, block, k, tuning);
    if (ext.length < tuning.minSuggestionChars) continue;
    const [lo, hi] = ext.ranges[ext.length - 1];
    const pos = index.sa[lo];
    const doc = index.docs[index.docOf[pos]];
    const from = pos - doc.start + k;
    const text = doc.text.slice(from, from + ext.length);
    const chunks = splitIntoChunks(text);
    const head = headLength(chunks, tuning.minSuggestionChars);
    const [hlo, hhi] = ext.ranges[head - 1];
    const local = localSupport(index, codes, index.codes.subarray(pos + k, pos + k + head), tuning.localContextChars);
    out.push({
      suggestion: {
        text,
        chunks,
        count: hi - lo,
        docCount: countDocs(index, lo, hi, DOC_SCAN_CAP),
        contextLength: k,
        sources: docsOfRange(index, lo, hi, MAX_SOURCES, DOC_SCAN_CAP).map((d) => ({ id: index.docs[d].id, title: index.docs[d].title })),
      },
      evidence: {
        contextLength: k,
        contextCount,
        contextDocs,
        headCount: hhi - hlo,
        headDocs: countDocs(index, hlo, hhi, DOC_SCAN_CAP),
        localCount: local.count,
        localHeadCount: local.headCount,
        afterPunctuation: isPunctuation(codes[codes.length - 1]),
      },
    });
  }
  return out;
}

/**
 * Ranked suggestions for the text before the cursor, searched in `index`: at most `options.limit`
 * (default 5) of the best-ranked continuations, those below `options.minConfidence` left out.
 */
export function suggestFromIndex(
  index: PhraseIndex,
  textBeforeCursor: string,
  options: SuggestOptions = {},
  tuning: QueryTuning = DEFAULT_QUERY_TUNING,
): Suggestion[] {
  const minConfidence = options.minConfidence ?? 0;
  const out: Suggestion[] = [];
  for (const c of findCandidates(index, textBeforeCursor, options.limit ?? DEFAULT_LIMIT, tuning)) {
    const confidence = estimateConfidence(c.evidence);
    if (confidence >= minConfidence) out.push({ ...c.suggestion, confidence });
  }
  return out;
}
