/**
 * Recency: the writer writes for a reference year (this year by default), and a formulation the corpus
 * wrote in documents of that time is likelier than one only older (or later) documents wrote —
 * 「以习近平同志为总书记的党中央」 (2013–2016) gave way to 「…为核心的党中央」. Each document weighs
 * 2^(−|reference year − its year| / half-life); a document of unknown year (the writer's own) weighs 1.
 * A candidate's *recency lift* is the log of its documents' mean weight over the context's: > 0 when the
 * head comes from more recent documents than the context's other continuations. Pure, no DOM.
 */
import type { PhraseIndex } from './build';

/** Years over which a document's weight halves. */
export const RECENCY_HALF_LIFE_YEARS = 4;

const cache = new WeakMap<PhraseIndex, { year: number; weights: Float64Array | null }>();

/**
 * Each document's weight for `referenceYear` (cached per index and year); null without a reference year
 * or when no document of the index has a year (every weight would be 1).
 */
export function recencyWeights(index: PhraseIndex, referenceYear: number | undefined): Float64Array | null {
  if (!referenceYear) return null;
  const hit = cache.get(index);
  if (hit && hit.year === referenceYear) return hit.weights;
  const years = index.docYears;
  let weights: Float64Array | null = null;
  if (years.some((y) => y > 0)) {
    weights = new Float64Array(years.length);
    for (let d = 0; d < years.length; d++) weights[d] = years[d] > 0 ? 2 ** (-Math.abs(referenceYear - years[d]) / RECENCY_HALF_LIFE_YEARS) : 1;
  }
  cache.set(index, { year: referenceYear, weights });
  return weights;
}

/**
 * Mean weight of the distinct documents among the suffixes of `[lo, hi)` (scanning at most `scanCap`
 * evenly spaced ranks, as `countDocs` does); 0 for an empty range.
 */
export function meanDocWeight(index: PhraseIndex, lo: number, hi: number, scanCap: number, weights: Float64Array): number {
  const { docOfRank, scratch } = index;
  const stamp = ++scratch.stamp;
  if (stamp === 0xffffffff) {
    scratch.docMarks.fill(0);
    scratch.stamp = 1;
  }
  const marks = scratch.docMarks;
  const step = hi - lo > scanCap ? (hi - lo) / scanCap : 1;
  let n = 0;
  let sum = 0;
  for (let x = lo; x < hi; x += step) {
    const d = docOfRank[Math.floor(x)];
    if (marks[d] !== scratch.stamp) {
      marks[d] = scratch.stamp;
      n++;
      sum += weights[d];
    }
  }
  return n > 0 ? sum / n : 0;
}

/** log(head's mean document weight / context's): the candidate's recency lift (0 when either is unknown). */
export function recencyLift(headMeanWeight: number, contextMeanWeight: number): number {
  return headMeanWeight > 0 && contextMeanWeight > 0 ? Math.log(headMeanWeight / contextMeanWeight) : 0;
}

/** `confidence` with `perLift` × `lift` added to its log-odds. */
export function withRecency(confidence: number, lift: number, perLift: number): number {
  if (lift === 0 || perLift === 0 || confidence <= 0 || confidence >= 1) return confidence;
  const logOdds = Math.log(confidence / (1 - confidence)) + perLift * lift;
  return 1 / (1 + Math.exp(-logOdds));
}
