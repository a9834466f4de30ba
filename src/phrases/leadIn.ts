/**
 * Lead-in similarity: how much the text the corpus wrote just before an occurrence of the context looks
 * like the text the draft wrote just before it. The context is an exact match of the last few characters;
 * the words before it (a fuzzy, longer context) tell which of its continuations fits this passage: after
 * 「水环境质量持续向好，土壤」 the occurrences whose lead-in also speaks of water quality go on like the draft
 * will. Measured as the share of the draft's lead-in character pairs (bigrams, `LEAD_IN_CHARS` before the
 * context) found in an occurrence's lead-in, averaged over up to `LEAD_IN_SAMPLES` evenly spaced occurrences.
 * The acceptance model (`confidence.ts`) reads the head's similarity minus the context's — whether the
 * occurrences that go on with the head are the ones that resemble the draft — over the whole lead-in and
 * over its last `NEAR_LEAD_IN_CHARS`, and the head's own similarity. Added as terms of the refitted model,
 * they raised the AUC of the offered candidate from 0.830 to 0.833 on the reports it was fitted on and from
 * 0.821 to 0.825 on the speeches it never saw (see README for what that bought).
 *
 * Cost: one set of ≤ 60 pairs per query, then ≤ 16 × 60 lookups per range. Pure, no DOM.
 */
import type { PhraseIndex } from './build';

/** Characters before the context compared. */
export const LEAD_IN_CHARS = 60;
/** The nearer part of the lead-in, compared on its own. */
export const NEAR_LEAD_IN_CHARS = 20;
/** Occurrences of a range sampled. */
export const LEAD_IN_SAMPLES = 16;

/** The draft's lead-in: the character pairs of the `LEAD_IN_CHARS` normalised codes before the context. */
export type LeadIn = ReadonlySet<number>;

const pair = (a: number, b: number): number => a * 65536 + b;

/** The pairs of `codes` (normalised, the text just before the context). */
export function leadInOf(codes: Uint16Array, chars = LEAD_IN_CHARS): LeadIn {
  const pairs = new Set<number>();
  for (let p = Math.max(1, codes.length - chars + 1); p < codes.length; p++) pairs.add(pair(codes[p - 1], codes[p]));
  return pairs;
}

/** Share of `leadIn`'s pairs found in the text before corpus position `start` (same document only). */
function similarityAt(index: PhraseIndex, start: number, leadIn: LeadIn, chars: number): number {
  const doc = index.docOf[start];
  const stop = Math.max(1, start - chars + 1);
  let hits = 0;
  for (let p = start - 1; p >= stop && index.docOf[p - 1] === doc; p--) {
    if (leadIn.has(pair(index.codes[p - 1], index.codes[p]))) hits++;
  }
  return hits / leadIn.size;
}

/** Mean lead-in similarity of the occurrences in suffix-array range [lo, hi) (0 when either is empty). */
export function leadInSimilarity(index: PhraseIndex, lo: number, hi: number, leadIn: LeadIn, chars = LEAD_IN_CHARS): number {
  const n = Math.min(LEAD_IN_SAMPLES, hi - lo);
  if (n <= 0 || leadIn.size === 0) return 0;
  let sum = 0;
  for (let t = 0; t < n; t++) sum += similarityAt(index, index.sa[lo + Math.floor(((hi - lo) * t) / n)], leadIn, chars);
  return sum / n;
}
