/**
 * Suffix array construction by SA-IS (Nong, Zhang & Chan 2009): linear time whatever the repetition in
 * the text. Owns only the sorting of suffixes of an integer string; knows nothing of documents or
 * suggestions. Pure, no DOM, no allocation beyond typed arrays.
 *
 * Why SA-IS rather than prefix doubling: the benchmark corpora (and a writer's imports) repeat whole
 * sentences many times, so the longest common prefix is long and doubling needs many O(n) radix passes;
 * SA-IS does a fixed amount of work per character (≈1.5 s for 10 M characters in Node on this machine).
 */

function bucketBounds(s: Int32Array, n: number, alphabetSize: number, ends: boolean, out: Int32Array): void {
  out.fill(0, 0, alphabetSize);
  for (let i = 0; i < n; i++) out[s[i]]++;
  let sum = 0;
  for (let c = 0; c < alphabetSize; c++) {
    sum += out[c];
    out[c] = ends ? sum : sum - out[c];
  }
}

function induceL(s: Int32Array, sa: Int32Array, isS: Uint8Array, n: number, k: number, bkt: Int32Array): void {
  bucketBounds(s, n, k, false, bkt);
  for (let i = 0; i < n; i++) {
    const j = sa[i] - 1;
    if (j >= 0 && isS[j] === 0) sa[bkt[s[j]]++] = j;
  }
}

function induceS(s: Int32Array, sa: Int32Array, isS: Uint8Array, n: number, k: number, bkt: Int32Array): void {
  bucketBounds(s, n, k, true, bkt);
  for (let i = n - 1; i >= 0; i--) {
    const j = sa[i] - 1;
    if (j >= 0 && isS[j] === 1) sa[--bkt[s[j]]] = j;
  }
}

/**
 * Sorts the suffixes of `s[0..n)` into `sa[0..n)`. Requires `s[n-1] === 0` and every other value in
 * `1..alphabetSize-1` (a unique smallest sentinel at the end).
 */
function sais(s: Int32Array, sa: Int32Array, n: number, alphabetSize: number): void {
  const isS = new Uint8Array(n);
  isS[n - 1] = 1;
  for (let i = n - 2; i >= 0; i--) {
    isS[i] = s[i] < s[i + 1] || (s[i] === s[i + 1] && isS[i + 1] === 1) ? 1 : 0;
  }
  const isLms = (i: number): boolean => i > 0 && isS[i] === 1 && isS[i - 1] === 0;
  const bkt = new Int32Array(alphabetSize);

  // 1. Sort LMS substrings by one induction pass.
  bucketBounds(s, n, alphabetSize, true, bkt);
  sa.fill(-1, 0, n);
  for (let i = 1; i < n; i++) if (isLms(i)) sa[--bkt[s[i]]] = i;
  induceL(s, sa, isS, n, alphabetSize, bkt);
  induceS(s, sa, isS, n, alphabetSize, bkt);

  // 2. Name the sorted LMS substrings.
  let n1 = 0;
  for (let i = 0; i < n; i++) if (isLms(sa[i])) sa[n1++] = sa[i];
  sa.fill(-1, n1, n);
  let name = 0;
  let prev = -1;
  for (let i = 0; i < n1; i++) {
    const pos = sa[i];
    let differs = false;
    for (let d = 0; d < n; d++) {
      if (prev === -1 || s[pos + d] !== s[prev + d] || isS[pos + d] !== isS[prev + d]) {
        differs = true;
        break;
      }
      if (d > 0 && (isLms(pos + d) || isLms(prev + d))) break;
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

  // 4. Induce the full order from the sorted LMS suffixes.
  for (let i = 1, j = 0; i < n; i++) if (isLms(i)) s1[j++] = i;
  for (let i = 0; i < n1; i++) sa[i] = s1[sa[i]];
  sa.fill(-1, n1, n);
  bucketBounds(s, n, alphabetSize, true, bkt);
  for (let i = n1 - 1; i >= 0; i--) {
    const j = sa[i];
    sa[i] = -1;
    sa[--bkt[s[j]]] = j;
  }
  induceL(s, sa, isS, n, alphabetSize, bkt);
  induceS(s, sa, isS, n, alphabetSize, bkt);
}

/**
 * Suffix array of `codes` (values 1..65535; 0 is reserved for the internal sentinel): positions
 * `0..codes.length-1` ordered by the suffix starting there, comparing code units.
 */
export function buildSuffixArray(codes: Uint16Array): Int32Array {
  const n = codes.length + 1;
  const s = new Int32Array(n);
  let max = 0;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c === 0) throw new Error('buildSuffixArray: code 0 is reserved for the sentinel');
    s[i] = c;
    if (c > max) max = c;
  }
  const sa = new Int32Array(n);
  sais(s, sa, n, max + 1);
  return sa.slice(1); // drop the sentinel suffix, which always sorts first
}
