/**
 * Exact and near duplicates among archive documents. Exact: SHA-256 of the text with all whitespace
 * removed (the same speech saved as .docx and .txt hashes the same). Near: Jaccard similarity of the
 * texts' 5-character shingle sets ≥ 0.9 — the same speech saved twice with small edits; a MinHash
 * signature filters candidates, the exact Jaccard of the two sets confirms.
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

/** FNV-1a hashes (32-bit) of every 5-character window; a shorter text is one shingle. */
export function shingleHashes(text: string): Set<number> {
  const s = comparableText(text);
  const out = new Set<number>();
  const last = Math.max(0, s.length - SHINGLE_CHARS);
  for (let i = 0; i <= last; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < Math.min(s.length, i + SHINGLE_CHARS); j++) h = Math.imul(h ^ s.charCodeAt(j), 0x01000193);
    out.add(h >>> 0);
  }
  return out;
}

/** Fixed odd multipliers and offsets of the signature's hash family (deterministic, so signatures stay comparable). */
const FAMILY = Array.from({ length: SIGNATURE_HASHES }, (_, i) => {
  let x = Math.imul(i + 1, 0x9e3779b1) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
  return { a: (x | 1) >>> 0, b: Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0 };
});

export function minHashSignature(shingles: ReadonlySet<number>): number[] {
  const sig = new Array<number>(SIGNATURE_HASHES).fill(0xffffffff);
  for (const h of shingles) {
    for (let k = 0; k < SIGNATURE_HASHES; k++) {
      const v = (Math.imul(h, FAMILY[k].a) + FAMILY[k].b) >>> 0;
      if (v < sig[k]) sig[k] = v;
    }
  }
  return sig;
}

export function estimatedJaccard(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || !a.length) return 0;
  let same = 0;
  for (let k = 0; k < a.length; k++) if (a[k] === b[k]) same++;
  return same / a.length;
}

export function jaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const h of small) if (large.has(h)) shared++;
  const union = a.size + b.size - shared;
  return union ? shared / union : 1;
}

/** A text already accepted, for the checks of the texts after it. */
export interface Fingerprint { hash: string; signature: readonly number[]; text: string; title: string }

/**
 * Finds what `text` duplicates among `known`: an exact copy (same hash) or a near one (Jaccard ≥ 0.9).
 * `known`'s shingle sets are computed only for the few a signature flags.
 */
export function findDuplicate(
  candidate: { hash: string; signature: readonly number[]; shingles: ReadonlySet<number> },
  known: readonly Fingerprint[],
): { kind: 'duplicate' | 'near-duplicate'; of: Fingerprint } | null {
  for (const k of known) if (k.hash === candidate.hash) return { kind: 'duplicate', of: k };
  for (const k of known) {
    if (estimatedJaccard(candidate.signature, k.signature) < MINHASH_FILTER) continue;
    if (jaccard(candidate.shingles, shingleHashes(k.text)) >= NEAR_DUPLICATE_JACCARD) return { kind: 'near-duplicate', of: k };
  }
  return null;
}

/** The hash and signature an archive document carries. */
export async function fingerprintText(text: string): Promise<{ hash: string; signature: number[]; shingles: Set<number> }> {
  const shingles = shingleHashes(text);
  return { hash: await contentHash(text), signature: minHashSignature(shingles), shingles };
}
