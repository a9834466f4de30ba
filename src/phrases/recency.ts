/**
 * Recency: the writer writes for a reference year (this year by default), and of two alternatives the
 * corpus wrote at the same point, the one documents of that time wrote is likelier than one only older (or
 * later) documents wrote — 「以习近平同志为总书记的党中央」 (2013–2016) gave way to 「…为核心的党中央」. Each
 * document weighs 2^(−|reference year − its year| / half-life); a document of unknown year weighs 1.
 * Recency moves confidence *between* the alternatives a query found (`shareByRecency`), never the total:
 * an old continuation with no current alternative keeps its confidence (the writer's own 2015 speech is
 * still the only source of its own formulation). Pure, no DOM.
 */
import type { PhraseIndex } from './build';
import { nextDocStamp } from './search';

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
  nextDocStamp(scratch);
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

/** No alternative is made surer than this by recency alone. */
const MAX_RECENCY_CONFIDENCE = 0.99;

/**
 * The confidences `p` of a query's alternatives after recency: each is scaled by its head documents' mean
 * weight `w` to the power `strength`, and all by one factor that keeps their sum, so an alternative gains
 * what the others lose (capped below 1). An alternative alone, or among ones as recent, keeps its
 * confidence; an old one beside a likely current one sinks. A weight ≤ 0 (unknown) counts as 1.
 */
export function shareByRecency(p: readonly number[], w: readonly number[], strength: number): number[] {
  if (strength === 0 || p.length < 2) return [...p];
  let total = 0;
  let weighted = 0;
  const scaled = p.map((pi, i) => {
    const s = pi * (w[i] > 0 ? w[i] : 1) ** strength;
    total += pi;
    weighted += s;
    return s;
  });
  if (weighted <= 0) return [...p];
  return scaled.map((s) => Math.min(MAX_RECENCY_CONFIDENCE, (s * total) / weighted));
}
