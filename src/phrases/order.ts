/**
 * Stage 5 of the query (`query.ts`): the order. Continuations of a context are ranked by how many distinct
 * documents continue it with them (a formulation many documents share is a standard one; one document
 * repeating itself is not), then by occurrences, then by length. Candidates from several contexts and the
 * draft are merged so that alternatives stay distinct (each starts with a different character), and the
 * one of best expected saving is offered first. Pure, no DOM.
 */
import type { Candidate } from './candidates';
import type { QueryTuning } from './config';

/** What ranking looks at: the support of a continuation's first character. */
export interface RankedBlock {
  docs: number;
  count: number;
  length: number;
}

/** Comparator for `Array.prototype.sort`: best first. */
export function compareBlocks(a: RankedBlock, b: RankedBlock): number {
  return b.docs - a.docs || b.count - a.count || b.length - a.length;
}

/**
 * Adds `c` to `out` unless an alternative starting with the same character saves more (alternatives stay
 * distinct). The same text from elsewhere replaces the one in `out` only when `sameText` says so.
 */
export function mergeCandidate(out: Candidate[], c: Candidate, sameText = false): void {
  const i = out.findIndex((o) => o.suggestion.text[0] === c.suggestion.text[0]);
  if (i < 0) out.push(c);
  else if (c.expectedSaving > out[i].expectedSaving && (sameText || c.suggestion.text !== out[i].suggestion.text)) out[i] = c;
}

/** Index of the candidate of best expected saving. */
function bestBySaving(candidates: readonly Candidate[]): number {
  let best = 0;
  for (let i = 1; i < candidates.length; i++) if (candidates[i].expectedSaving > candidates[best].expectedSaving) best = i;
  return best;
}

/** The candidates at or above `minConfidence`, in the order they are offered (see `suggestFromIndex`). */
export function orderCandidates(pool: readonly Candidate[], minConfidence: number, tuning: QueryTuning): Candidate[] {
  const kept = pool.filter((c) => c.suggestion.confidence >= minConfidence);
  if (tuning.pickBySaving && kept.length > 1) {
    const b = bestBySaving(kept);
    if (b > 0) kept.unshift(kept.splice(b, 1)[0]);
  }
  return kept;
}
