/**
 * Suffix array construction by SA-IS (Nong, Zhang & Chan 2009): linear time whatever the repetition in
 * the text. Owns only the sorting of suffixes of an integer string; knows nothing of documents or
 * suggestions. Pure, no DOM, no allocation beyond typed arrays.
 *
 * Why SA-IS rather than prefix doubling: the benchmark corpora (and a writer's imports) repeat whole
 * sentences many times, so the longest common prefix is long and doubling needs many O(n) radix passes;
 * SA-IS does a fixed amount of work per character.
 *
 * What keeps it fast: the codes are first renumbered to the ones that occur (a few thousand, not 65,536), so
 * the bucket arrays stay in cache; each position's type (S or L) is stored in bit 0 of its value, so the
 * induction passes read one array at a random position, not two; each entry's sign says whether the pass
 * induces from it, so the text is read at random only for suffixes that do, and the LMS suffixes are found
 * and placed without reading it; the passes read the text ahead of the scan (a software prefetch); the bucket
 * sizes are counted once per level. The suffix array of a string is unique, so none of this changes the result.
 */

/** A string being sorted, each value `code << 1 | type`: 16 bits wide at the top level while the codes allow (half the memory the induction passes read at random), 32 in the recursion. */
type Text = Uint16Array | Int32Array;

/** `bkt[c]` = first slot of bucket c. */
function bucketStarts(counts: Int32Array, bkt: Int32Array, k: number): void {
  let sum = 0;
  for (let c = 0; c < k; c++) {
    bkt[c] = sum;
    sum += counts[c];
  }
}

/** `bkt[c]` = one past the last slot of bucket c. */
function bucketEnds(counts: Int32Array, bkt: Int32Array, k: number): void {
  let sum = 0;
  for (let c = 0; c < k; c++) {
    sum += counts[c];
    bkt[c] = sum;
  }
}

/**
 * How far ahead of the scan the induction passes touch the text: the value is read at random, and reading
 * it this many entries early lets the processor fetch many of those lines at once instead of waiting for
 * each (JavaScript has no prefetch instruction).
 */
const AHEAD = 32;
/** Where those early reads go, so the compiler cannot drop them as unused. */
const ahead = { sink: 0 };

/*
 * Entries of `sa` during the induction passes carry a flag in their sign: a value x > 0 is a suffix whose
 * predecessor x - 1 the current pass places, x ≤ 0 (~p, or -1 for an empty slot or position 0) one it skips.
 * The flag is set when a suffix is placed, from its predecessor's type, which sits next to the value just read
 * (same cache line); so a pass reads the text at random only for the suffixes that do induce one, and never
 * to test a type.
 */

/** Induces the L-type suffixes from the sorted ones in `sa` (left to right), then flips every entry's flag for `induceS`. `s` holds code << 1 | type. */
function induceL(s: Text, sa: Int32Array, n: number, counts: Int32Array, bkt: Int32Array, k: number): void {
  bucketStarts(counts, bkt, k);
  let sink = 0;
  for (let i = 0; i < n; i++) {
    const q = sa[i + AHEAD < n ? i + AHEAD : i];
    sink ^= s[q > 0 ? q - 1 : 0];
    const p = sa[i];
    // An entry this pass induces from has an L-type predecessor, so the S pass skips it, and the reverse.
    sa[i] = ~p;
    if (p <= 0) continue;
    const j = p - 1;
    sa[bkt[s[j] >> 1]++] = j > 0 && (s[j - 1] & 1) === 0 ? j : ~j;
  }
  ahead.sink ^= sink;
}

/** Induces the S-type suffixes from the entries `induceL` left (right to left); an LMS suffix it places is stored as ~j. */
function induceS(s: Text, sa: Int32Array, n: number, counts: Int32Array, bkt: Int32Array, k: number): void {
  bucketEnds(counts, bkt, k);
  let sink = 0;
  for (let i = n - 1; i >= 0; i--) {
    const q = sa[i >= AHEAD ? i - AHEAD : i];
    sink ^= s[q > 0 ? q - 1 : 0];
    const p = sa[i];
    if (p <= 0) continue;
    const j = p - 1;
    sa[--bkt[s[j] >> 1]] = j > 0 && (s[j - 1] & 1) === 1 ? j : ~j;
  }
  ahead.sink ^= sink;
}

/**
 * Sorts the suffixes of `s[0..n)` into `sa[0..n)`. Requires `s[n-1] === 0` and every other value in
 * `1..alphabetSize-1` (a unique smallest sentinel at the end). Overwrites `s` (each value gains its type in
 * bit 0): the caller's copy, or the recursion's names inside `sa`, which step 4 overwrites anyway.
 */
function sais(s: Text, sa: Int32Array, n: number, alphabetSize: number): void {
  // Types, right to left: S when smaller than the next, or equal and the next is S; the sentinel is S.
  s[n - 1] = (s[n - 1] << 1) | 1;
  for (let i = n - 2; i >= 0; i--) {
    const c = s[i];
    const next = s[i + 1];
    const nc = next >> 1;
    s[i] = (c << 1) | (c < nc || (c === nc && (next & 1) === 1) ? 1 : 0);
  }
  const counts = new Int32Array(alphabetSize);
  for (let i = 0; i < n; i++) counts[s[i] >> 1]++;
  const bkt = new Int32Array(alphabetSize);

  // 1. Sort LMS substrings by one induction pass.
  bucketEnds(counts, bkt, alphabetSize);
  sa.fill(-1, 0, n);
  for (let i = 1; i < n; i++) if ((s[i] & 1) === 1 && (s[i - 1] & 1) === 0) sa[--bkt[s[i] >> 1]] = i;
  induceL(s, sa, n, counts, bkt, alphabetSize);
  // Where each bucket's S-type part starts: the LMS suffixes are the entries below -1 there.
  const sStarts = bkt.slice();
  induceS(s, sa, n, counts, bkt, alphabetSize);

  // 2. Name the sorted LMS substrings (equal values compare code and type at once).
  let n1 = 0;
  for (let c = 0, end = 0; c < alphabetSize; c++) {
    end += counts[c];
    for (let i = sStarts[c]; i < end; i++) {
      const x = sa[i];
      if (x < -1) sa[n1++] = ~x;
    }
  }
  sa.fill(-1, n1, n);
  let name = 0;
  let prev = -1;
  for (let i = 0; i < n1; i++) {
    const pos = sa[i];
    let differs = prev === -1;
    // Both substrings end at their next LMS position; the unique sentinel ends every comparison.
    for (let d = 0; !differs; d++) {
      const a = s[pos + d];
      if (a !== s[prev + d]) differs = true;
      else if (d > 0 && (a & 1) === 1 && (s[pos + d - 1] & 1) === 0) break;
    }
    if (differs) {
      name++;
      prev = pos;
    }
    sa[n1 + (pos >> 1)] = name - 1;
  }
  for (let i = n - 1, j = n - 1; i >= n1; i--) if (sa[i] >= 0) sa[j--] = sa[i];

  // 3. Sort the LMS suffixes: directly when names are unique, else recursively.
  const s1 = sa.subarray(n - n1, n);
  if (name < n1) sais(s1, sa.subarray(0, n1), n1, name);
  else for (let i = 0; i < n1; i++) sa[s1[i]] = i;

  // 4. Induce the full order from the sorted LMS suffixes. They go to their buckets' tails, last first; being
  // sorted, they are ordered by first code, so each bucket's count of LMS positions says which are its own.
  bkt.fill(0);
  for (let i = 1, j = 0; i < n; i++) {
    if ((s[i] & 1) === 1 && (s[i - 1] & 1) === 0) {
      s1[j++] = i;
      bkt[s[i] >> 1]++;
    }
  }
  for (let i = 0; i < n1; i++) sa[i] = s1[sa[i]];
  sa.fill(-1, n1, n);
  for (let c = alphabetSize - 1, end = n, from = n1; c >= 0; c--) {
    for (let m = bkt[c], to = end; m > 0; m--) {
      const j = sa[--from];
      sa[from] = -1;
      sa[--to] = j;
    }
    end -= counts[c];
  }
  induceL(s, sa, n, counts, bkt, alphabetSize);
  induceS(s, sa, n, counts, bkt, alphabetSize);
  for (let i = 0; i < n; i++) {
    const x = sa[i];
    if (x < 0) sa[i] = ~x;
  }
}

/**
 * Suffix array of `codes` (values 1..65535; 0 is reserved for the internal sentinel): positions
 * `0..codes.length-1` ordered by the suffix starting there, comparing code units.
 */
export function buildSuffixArray(codes: Uint16Array): Int32Array {
  const n = codes.length + 1;
  // Each code's rank among the codes that occur (from 1), which keeps the order of the codes.
  const rank = new Int32Array(0x10000);
  for (let i = 0; i < codes.length; i++) rank[codes[i]] = 1;
  if (rank[0] !== 0) throw new Error('buildSuffixArray: code 0 is reserved for the sentinel');
  let alphabetSize = 1;
  for (let c = 1; c < 0x10000; c++) if (rank[c] !== 0) rank[c] = alphabetSize++;
  // Values gain their type in bit 0 (`sais`), so 16 bits hold them while fewer than 2¹⁵ codes occur.
  const s = alphabetSize <= 0x8000 ? new Uint16Array(n) : new Int32Array(n);
  for (let i = 0; i < codes.length; i++) s[i] = rank[codes[i]];
  const sa = new Int32Array(n);
  sais(s, sa, n, alphabetSize);
  // Drop the sentinel suffix, which always sorts first: a view, not a copy of 4 bytes per character.
  return sa.subarray(1);
}
