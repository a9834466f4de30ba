/**
 * Ranking of candidate continuations. Owns the order in which alternatives are offered: by how many
 * distinct documents continue the context with them (a formulation many documents share is a standard
 * one; one document repeating itself is not), then by occurrences, then by length. Alternatives are
 * distinct by construction (each starts with a different character), so ranking never has to drop
 * variants of one prefix. Pure, no DOM.
 */

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
