/**
 * Corpus evidence of a suffix-array range: how many documents, which years (newest first) and a few
 * titles, from the documents' metadata. Also the sentence clauses of a draft that every finder walks.
 * Pure, no DOM.
 */
import type { PhraseIndex } from '../phrases/build';
import { countDocs, findRange } from '../phrases/search';
import type { CheckDocMeta, Evidence } from './types';

/** Ranks scanned to list a range's documents (the count itself is exact up to `countDocs`'s cap). */
const EVIDENCE_SCAN_RANKS = 20_000;
const EVIDENCE_TITLES = 3;

/** Distinct document numbers of `[lo, hi)` (at most EVIDENCE_SCAN_RANKS ranks read). */
export function documentsOf(index: PhraseIndex, lo: number, hi: number): number[] {
  const seen = new Set<number>();
  const end = Math.min(hi, lo + EVIDENCE_SCAN_RANKS);
  for (let r = lo; r < end; r++) seen.add(index.docOfRank[r]);
  return [...seen];
}

export function evidenceOf(index: PhraseIndex, meta: readonly CheckDocMeta[], lo: number, hi: number): Evidence {
  const docs = documentsOf(index, lo, hi);
  const byYear = docs.slice().sort((a, b) => (meta[b]?.year ?? 0) - (meta[a]?.year ?? 0));
  const years = [...new Set(byYear.map((d) => meta[d]?.year).filter((y): y is number => typeof y === 'number'))];
  return { docs: countDocs(index, lo, hi, EVIDENCE_SCAN_RANKS), years, titles: byYear.slice(0, EVIDENCE_TITLES).map((d) => meta[d]?.title ?? index.docs[d].title) };
}

/** Documents containing `codes[from..to)`. */
export function docsOfPattern(index: PhraseIndex, codes: Uint16Array, from: number, to: number, enough = Infinity): number {
  const [lo, hi] = findRange(index, codes, from, to);
  return hi > lo ? countDocs(index, lo, hi, EVIDENCE_SCAN_RANKS, enough) : 0;
}

/** Characters that end a clause for the finders (the clause's context never runs past one). */
export const CLAUSE_END_CHARS = '\n。！？；，、：';
const CLAUSE_END = new Uint8Array(0x10000);
for (const ch of CLAUSE_END_CHARS) CLAUSE_END[ch.charCodeAt(0)] = 1;

export function isClauseEnd(code: number): boolean {
  return CLAUSE_END[code] === 1;
}

/** `[start, end)` of each clause of `codes` (ends excluded), skipping empty ones. */
export function clauses(codes: Uint16Array): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 0; i <= codes.length; i++) {
    if (i === codes.length || CLAUSE_END[codes[i]] === 1) {
      if (i > start) out.push([start, i]);
      start = i + 1;
    }
  }
  return out;
}
