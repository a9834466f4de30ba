/**
 * Exact and near duplicates among archive documents. Exact: SHA-256 of the text with all whitespace
 * removed (the same speech saved as .docx and .txt hashes the same). Near: Jaccard similarity of the
 * texts' 5-character shingle sets ≥ 0.9 — the same speech saved twice with small edits; a MinHash
 * signature, looked up by band, finds the candidates, the exact Jaccard of the two sets confirms.
 */

export const SHINGLE_CHARS = 5;
/** Share of shingles two texts must have in common to count as the same speech. */
export const NEAR_DUPLICATE_JACCARD = 0.9;
/** MinHash estimates above this are checked exactly (the estimate's spread at 64 hashes is about ±0.04). */
const MINHASH_FILTER = 0.8;
export const SIGNATURE_HASHES = 64;

/** The text compared: whitespace (spaces, indents, blank lines) removed. */
export function comparableText(text: string): string {
  return text.replace(/[\s\u3000\ufeff]+/g, '');
}

export async function contentHash(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(comparableText(text)));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** FNV-1a hashes (32-bit) of every 5-character window, sorted and distinct; a shorter text is one shingle. */
export function shingleHashes(text: string): Uint32Array {
  const s = comparableText(text);
  const last = Math.max(0, s.length - SHINGLE_CHARS);
  const all = new Uint32Array(last + 1);
  for (let i = 0; i <= last; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < Math.min(s.length, i + SHINGLE_CHARS); j++) h = Math.imul(h ^ s.charCodeAt(j), 0x01000193);
    all[i] = h >>> 0;
  }
  all.sort();
  let n = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[n++] = all[i];
  return all.slice(0, n);
}

/** Fixed odd multipliers and offsets of the signature's hash family (deterministic, so signatures stay comparable). */
const FAMILY_A = new Uint32Array(SIGNATURE_HASHES);
const FAMILY_B = new Uint32Array(SIGNATURE_HASHES);
for (let i = 0; i < SIGNATURE_HASHES; i++) {
  let x = Math.imul(i + 1, 0x9e3779b1) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
  FAMILY_A[i] = (x | 1) >>> 0;
  FAMILY_B[i] = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0;
}

export function minHashSignature(shingles: ArrayLike<number>): number[] {
  const sig = new Array<number>(SIGNATURE_HASHES);
  for (let k = 0; k < SIGNATURE_HASHES; k++) {
    const a = FAMILY_A[k];
    const b = FAMILY_B[k];
    let min = 0xffffffff;
    for (let i = 0; i < shingles.length; i++) {
      const v = (Math.imul(shingles[i], a) + b) >>> 0;
      if (v < min) min = v;
    }
    sig[k] = min;
  }
  return sig;
}

export function estimatedJaccard(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || !a.length) return 0;
  let same = 0;
  for (let k = 0; k < a.length; k++) if (a[k] === b[k]) same++;
  return same / a.length;
}

/** Jaccard similarity of two sorted, distinct shingle arrays (one merge pass). */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { shared++; i++; j++; } else if (a[i] < b[j]) i++; else j++;
  }
  const union = a.length + b.length - shared;
  return union ? shared / union : 1;
}

/** A text already accepted, for the checks of the texts after it. */
export interface Fingerprint { hash: string; signature: readonly number[]; text: string; title: string }

/** What a candidate brings to the check: its hash and signature, and its shingles when already computed. */
export interface CandidatePrint { hash: string; signature: readonly number[]; shingles?: Uint32Array; text?: string }

/** The near-duplicate test of one known document: estimate ≥ 0.8, then exact Jaccard ≥ 0.9 (candidate's shingles computed once). */
function nearCheck(candidate: CandidatePrint, shinglesOf: (k: Fingerprint) => Uint32Array): (k: Fingerprint) => boolean {
  let own = candidate.shingles;
  return (k) => {
    if (estimatedJaccard(candidate.signature, k.signature) < MINHASH_FILTER) return false;
    own ??= shingleHashes(candidate.text ?? '');
    return jaccard(own, shinglesOf(k)) >= NEAR_DUPLICATE_JACCARD;
  };
}

/**
 * Locality-sensitive banding of the signature: 16 bands of 4 hashes. Two signatures whose estimate is
 * ≥ 0.8 differ in at most 12 of 64 places, so at least 4 bands are equal: every pair the estimate filter
 * would pass shares a band, and a lookup costs 16 map reads, not one comparison per known document.
 */
const BANDS = 16;
const BAND_ROWS = SIGNATURE_HASHES / BANDS;

function bandKeys(signature: readonly number[]): string[] {
  const keys: string[] = [];
  for (let b = 0; b < BANDS; b++) keys.push(`${b}:${signature.slice(b * BAND_ROWS, (b + 1) * BAND_ROWS).join(',')}`);
  return keys;
}

/**
 * The known documents of an import, indexed for duplicate checks: exact copies by hash, near copies by
 * signature band; only the few a band flags are compared, their shingles computed on first need.
 */
export class DuplicateIndex {
  private readonly byHash = new Map<string, Fingerprint>();
  private readonly byBand = new Map<string, Fingerprint[]>();
  private readonly shingles = new WeakMap<Fingerprint, Uint32Array>();

  constructor(known: Iterable<Fingerprint> = []) {
    for (const k of known) this.add(k);
  }

  add(known: Fingerprint): void {
    if (!this.byHash.has(known.hash)) this.byHash.set(known.hash, known);
    if (known.signature.length !== SIGNATURE_HASHES) return;
    for (const key of bandKeys(known.signature)) {
      const list = this.byBand.get(key);
      if (list) list.push(known); else this.byBand.set(key, [known]);
    }
  }

  /** What `candidate` duplicates: an exact copy (same hash) or a near one (Jaccard ≥ 0.9), else null. */
  find(candidate: CandidatePrint): { kind: 'duplicate' | 'near-duplicate'; of: Fingerprint } | null {
    const same = this.byHash.get(candidate.hash);
    if (same) return { kind: 'duplicate', of: same };
    if (candidate.signature.length !== SIGNATURE_HASHES) return null;
    const seen = new Set<Fingerprint>();
    const near = nearCheck(candidate, (k) => this.shinglesOf(k));
    for (const key of bandKeys(candidate.signature)) {
      for (const k of this.byBand.get(key) ?? []) {
        if (seen.has(k)) continue;
        seen.add(k);
        if (near(k)) return { kind: 'near-duplicate', of: k };
      }
    }
    return null;
  }

  private shinglesOf(k: Fingerprint): Uint32Array {
    let s = this.shingles.get(k);
    if (!s) this.shingles.set(k, (s = shingleHashes(k.text)));
    return s;
  }
}

/** Finds what `candidate` duplicates among `known` by comparing with each (a one-off check; an import keeps a DuplicateIndex). */
export function findDuplicate(candidate: CandidatePrint, known: readonly Fingerprint[]): { kind: 'duplicate' | 'near-duplicate'; of: Fingerprint } | null {
  for (const k of known) if (k.hash === candidate.hash) return { kind: 'duplicate', of: k };
  const near = nearCheck(candidate, (k) => shingleHashes(k.text));
  for (const k of known) if (near(k)) return { kind: 'near-duplicate', of: k };
  return null;
}

/** The hash and signature an archive document carries, with its shingles. */
export async function fingerprintText(text: string): Promise<{ hash: string; signature: number[]; shingles: Uint32Array }> {
  const shingles = shingleHashes(text);
  return { hash: await contentHash(text), signature: minHashSignature(shingles), shingles };
}
