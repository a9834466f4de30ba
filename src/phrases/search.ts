/**
 * Range primitives over the suffix array: the range of suffixes starting with a pattern, the block of a
 * range whose next character is a given code, and the number of distinct documents in a range. Owns the
 * binary searches and the worst-case guards (capped scans); knows nothing of ranking. Pure, no DOM.
 *
 * Every function takes `[lo, hi)` as a range of suffix-array ranks. Inside a range whose suffixes share
 * their first `depth` codes, the suffixes are sorted by the code at `depth`, so one code per probe is
 * compared — a step of extension costs O(log range) probes, not O(length · log n).
 */
import type { PhraseIndex } from './build';

/** Ranks `[lo, hi)` of the suffixes that start with `pattern[from..to)`. */
export function findRange(index: PhraseIndex, pattern: Uint16Array, from: number, to: number): [number, number] {
  const { codes, sa, firstRank } = index;
  if (to <= from) return [0, sa.length];
  const m = to - from;
  // Inside the first code's block every suffix shares that code: the search compares from the second on.
  const first = pattern[from];
  let lo = firstRank[first];
  let hi = firstRank[first + 1];
  let end = hi;
  // Lower bound: the first rank whose suffix is not below the pattern.
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const p = sa[mid];
    let diff = 0;
    for (let j = 1; j < m && diff === 0; j++) diff = codes[p + j] - pattern[from + j];
    if (diff < 0) lo = mid + 1;
    else {
      hi = mid;
      // A suffix above the pattern bounds the upper search too.
      if (diff > 0) end = mid;
    }
  }
  const start = lo;
  // Upper bound: the first rank whose suffix is above the pattern (from the lower bound on).
  hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const p = sa[mid];
    let diff = 0;
    for (let j = 1; j < m && diff === 0; j++) diff = codes[p + j] - pattern[from + j];
    if (diff <= 0) lo = mid + 1;
    else hi = mid;
  }
  return [start, lo];
}

/**
 * The range of the longest suffix of `codes[from..end)` that the index holds, at least `minChars` long; null
 * when even that is absent. Binary search on the length: a suffix held implies every shorter one is.
 */
export function longestSuffixRange(index: PhraseIndex, codes: Uint16Array, from: number, end: number, minChars: number): [number, number] | null {
  let a = minChars;
  let b = end - from;
  let range: [number, number] | null = null;
  while (a <= b) {
    const k = (a + b) >>> 1;
    const [lo, hi] = findRange(index, codes, end - k, end);
    if (hi > lo) {
      range = [lo, hi];
      a = k + 1;
    } else b = k - 1;
  }
  return range;
}

/** The code following the shared prefix of length `depth` for the suffix at rank `r`. */
export function codeAt(index: PhraseIndex, r: number, depth: number): number {
  return index.codes[index.sa[r] + depth];
}

/**
 * The block `[blo, bhi)` of `[lo, hi)` whose code at `depth` equals `code` (empty when absent); the
 * range's suffixes must share their first `depth` codes.
 */
export function blockOf(index: PhraseIndex, lo: number, hi: number, depth: number, code: number): [number, number] {
  const { codes, sa } = index;
  let a = lo;
  let b = hi;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (codes[sa[mid] + depth] < code) a = mid + 1;
    else b = mid;
  }
  const start = a;
  b = hi;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (codes[sa[mid] + depth] <= code) a = mid + 1;
    else b = mid;
  }
  return [start, a];
}

/** A fresh stamp for marking documents seen in one scan (`scratch.docMarks`), the marks cleared when stamps wrap. */
export function nextDocStamp(scratch: PhraseIndex['scratch']): void {
  if (++scratch.stamp === 0xffffffff) {
    scratch.docMarks.fill(0);
    scratch.stamp = 1;
  }
}

/**
 * Distinct documents among the suffixes of `[lo, hi)`. Scans at most `scanCap` ranks: beyond that it
 * samples `scanCap` evenly spaced ranks, so the answer is a lower bound (used only for huge ranges,
 * i.e. 1–2 character contexts). Stops early once `enough` documents are seen.
 */
export function countDocs(index: PhraseIndex, lo: number, hi: number, scanCap: number, enough = Infinity): number {
  const { docOfRank, scratch } = index;
  nextDocStamp(scratch);
  const marks = scratch.docMarks;
  const size = hi - lo;
  const step = size > scanCap ? size / scanCap : 1;
  let distinct = 0;
  for (let x = lo; x < hi; x += step) {
    const d = docOfRank[Math.floor(x)];
    if (marks[d] !== scratch.stamp) {
      marks[d] = scratch.stamp;
      if (++distinct >= enough) break;
    }
  }
  return distinct;
}

/** Document numbers of the first `max` distinct documents among the first `scanCap` ranks of `[lo, hi)`. */
export function docsOfRange(index: PhraseIndex, lo: number, hi: number, max: number, scanCap: number): number[] {
  const seen: number[] = [];
  const end = Math.min(hi, lo + scanCap);
  for (let r = lo; r < end && seen.length < max; r++) {
    const d = index.docOfRank[r];
    if (!seen.includes(d)) seen.push(d);
  }
  return seen;
}

/**
 * Earliest and latest known year (`PhraseIndex.docYears`) of the documents among the suffixes of `[lo, hi)`,
 * sampling at most `scanCap` ranks as `countDocs` does; null when none has a year.
 */
export function yearSpan(index: PhraseIndex, lo: number, hi: number, scanCap: number): { from: number; to: number } | null {
  const { docOfRank, docYears } = index;
  const step = hi - lo > scanCap ? (hi - lo) / scanCap : 1;
  let from = 0x7fff;
  let to = 0;
  for (let x = lo; x < hi; x += step) {
    const year = docYears[docOfRank[Math.floor(x)]];
    if (year === 0) continue;
    if (year < from) from = year;
    if (year > to) to = year;
  }
  return to === 0 ? null : { from, to };
}
