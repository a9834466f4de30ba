/**
 * Stage 1 of the query (`query.ts`): the contexts. Finds the longest suffix of the current paragraph that
 * the corpus has seen (backing off while every match ends its paragraph), the extra contexts candidates may
 * also come from, the short local context where support is measured, and the continuations (first-character
 * blocks) that follow a context, best first. Pure, no DOM.
 *
 * Nothing here is linear in a range: a 1–2 character context in a 10 M corpus matches ~10⁵ positions, so
 * the continuations of a large range are found from `CONTINUATION_SAMPLE_SIZE` evenly spaced ranks (the
 * range is sorted by continuation, so even spacing samples blocks in proportion to their size) and then
 * measured exactly by binary search; document counts scan at most `DOC_SCAN_CAP` ranks.
 */
import type { PhraseIndex } from './build';
import { DOC_SEPARATOR_CODE, PARAGRAPH_BREAK_CODE } from './normalize';
import { compareBlocks } from './order';
import { blockOf, codeAt, countDocs, findRange } from './search';
import type { QueryTuning } from './config';

/** Ranges at most this large are walked block by block; larger ones are sampled. */
export const CONTINUATION_SCAN_CAP = 64;
/** Ranks sampled to find the continuations of a large range. */
export const CONTINUATION_SAMPLE_SIZE = 64;
/** Ranks scanned, at most, to count the distinct documents of a range. */
export const DOC_SCAN_CAP = 512;
/** Shorter contexts tried when every match of the longest one ends its paragraph. */
export const MAX_EMPTY_BACKOFFS = 3;

/** A context: its length (code units before the cursor) and its suffix-array range. */
export interface Context {
  length: number;
  lo: number;
  hi: number;
}

/** The range of the last `depth` codes of the context: where the local support of every candidate is measured. */
export interface LocalContext {
  depth: number;
  lo: number;
  hi: number;
}

/** One continuation of a context: the ranks `[lo, hi)` whose next code is `code`, and their support. */
export interface Block {
  code: number;
  lo: number;
  hi: number;
  docs: number;
  count: number;
  length: number;
}

export function endsParagraph(code: number): boolean {
  return code === DOC_SEPARATOR_CODE || code === PARAGRAPH_BREAK_CODE;
}

/** The continuations (first character blocks) of the range `[lo, hi)` at `depth`, best first. */
export function continuationBlocks(index: PhraseIndex, lo: number, hi: number, depth: number): Block[] {
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

/**
 * The longest context (suffix of `codes`, `minChars`..`maxChars` long) seen in at least `minDocs`
 * documents, and its range; null when none. Binary search on the length: support only shrinks as the
 * context grows.
 */
function longestContext(index: PhraseIndex, codes: Uint16Array, minChars: number, maxChars: number, minDocs: number): Context | null {
  const end = codes.length;
  let a = minChars;
  let b = Math.min(end, maxChars);
  let best: Context | null = null;
  while (a <= b) {
    const k = (a + b) >>> 1;
    const [lo, hi] = findRange(index, codes, end - k, end);
    const supported = hi > lo && (minDocs <= 1 || countDocs(index, lo, hi, DOC_SCAN_CAP, minDocs) >= minDocs);
    if (supported) {
      best = { length: k, lo, hi };
      a = k + 1;
    } else {
      b = k - 1;
    }
  }
  return best;
}

/** The main context and its continuations, backing off while every match ends its paragraph. */
export function mainContext(index: PhraseIndex, codes: Uint16Array, tuning: QueryTuning): { context: Context; blocks: Block[] } | null {
  let context = longestContext(index, codes, tuning.minContextChars, tuning.maxContextChars, tuning.minContextDocs);
  let blocks: Block[] = [];
  for (let tries = 0; context && tries <= MAX_EMPTY_BACKOFFS; tries++) {
    blocks = continuationBlocks(index, context.lo, context.hi, context.length);
    if (blocks.length > 0 || context.length <= tuning.minContextChars) break;
    const k = context.length - 1;
    const [lo, hi] = findRange(index, codes, codes.length - k, codes.length);
    context = { length: k, lo, hi };
  }
  return context && blocks.length > 0 ? { context, blocks } : null;
}

/** Extra contexts the candidates may come from: a longer one-document passage, a shorter standard one. */
export function extraContexts(index: PhraseIndex, codes: Uint16Array, main: Context, tuning: QueryTuning): Context[] {
  const out: Context[] = [];
  if (tuning.longContextExtraChars > 0) {
    const long = longestContext(index, codes, main.length + tuning.longContextExtraChars, tuning.maxContextChars, 1);
    if (long) out.push(long);
  }
  if (tuning.broadContextDocs > tuning.minContextDocs) {
    const broad = longestContext(index, codes, tuning.minContextChars, main.length - 1, tuning.broadContextDocs);
    if (broad) out.push(broad);
  }
  return out;
}

export function localContext(index: PhraseIndex, codes: Uint16Array, chars: number): LocalContext {
  const depth = Math.min(chars, codes.length);
  const [lo, hi] = findRange(index, codes, codes.length - depth, codes.length);
  return { depth, lo, hi };
}
