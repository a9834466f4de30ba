/**
 * Lead-in similarity: how much the text the corpus wrote just before an occurrence of the context looks
 * like the text the draft wrote just before it. The context is an exact match of the last few characters;
 * the words before it (a fuzzy, longer context) tell which of its continuations fits this passage: after
 * 「水环境质量持续向好，土壤」 the occurrences whose lead-in also speaks of water quality go on like the draft
 * will. Measured as the share of the draft's lead-in character pairs (bigrams) found in an occurrence's
 * lead-in, over the `LEAD_IN_CHARS` before the context and over its nearest `NEAR_LEAD_IN_CHARS`, for up
 * to `LEAD_IN_SAMPLES` evenly spaced occurrences of a range: their mean, and the best of them.
 *
 * The acceptance model (`confidence.ts`) reads the head's figures minus the context's — whether the
 * occurrences that go on with the head are the ones that resemble the draft — and the head's own mean share
 * (`leadInShare`, shrunk towards the prior when the lead-in is short). Written by hand: a few lines over the
 * index's own arrays, on the query's hot path.
 *
 * Cost: one pass over at most `LEAD_IN_CHARS` corpus characters per sampled occurrence, each looked up first
 * in a 2 KB bitmap of the draft's pairs' hashes (most corpus pairs stop there) and then in a small
 * open-addressing table. Pure, no DOM.
 */
import type { PhraseIndex } from './build';

/** Characters before the context compared. */
export const LEAD_IN_CHARS = 200;
/** The nearer part of the lead-in, also compared on its own. */
export const NEAR_LEAD_IN_CHARS = 20;
/** Occurrences of a range sampled. */
export const LEAD_IN_SAMPLES = 16;

/** Mean share of the lead-in's pairs the offered candidates' occurrences hold (reports, fit-confidence samples, 200 characters). */
export const LEAD_IN_PRIOR_SHARE = 0.11;
/** Weight of that prior, in pairs: a lead-in of a few characters (「同志们：」) says little either way. */
export const LEAD_IN_PRIOR_PAIRS = 20;

/** The character pair ending at code unit `p` of `codes` (p ≥ 1), as a set key. */
const pairAt = (codes: Uint16Array, p: number): number => (codes[p - 1] << 16) | codes[p];

/** Bits of the prefilter: 2¹⁴, for at most a few hundred pairs (2 KB, stays in cache). */
const PREFILTER_SHIFT = 32 - 14;
const PREFILTER_WORDS = (1 << 14) / 32;
/** The prefilter bit of a pair (a hash other than the table's, so that the two do not fail together). */
const prefilterBit = (key: number): number => Math.imul(key, 0x85ebca6b) >>> PREFILTER_SHIFT;

/**
 * A set of character pairs (`a << 16 | b`), open addressing: the lookup is the hot path of the query. Refilled
 * in place (`fill`) for each context a query scores, so a query allocates none.
 */
class PairSet {
  size = 0;
  private readonly keys: Int32Array;
  /** A slot is taken when its stamp is the current one: refilling clears nothing. */
  private readonly stamps: Uint32Array;
  private stamp = 0;
  private readonly shift: number;
  /** One bit per hash of a pair held: most corpus pairs are not in the lead-in, and one read says so. */
  private readonly seen = new Uint32Array(PREFILTER_WORDS);

  /** An empty set for the pairs of up to `chars` code units. */
  constructor(readonly chars: number) {
    let bits = 4;
    while (1 << bits < chars * 4) bits++;
    this.keys = new Int32Array(1 << bits);
    this.stamps = new Uint32Array(1 << bits);
    this.shift = 32 - bits;
  }

  /** Holds the distinct pairs of the last `chars` code units of `codes`, and nothing else. */
  fill(codes: Uint16Array): this {
    if (++this.stamp === 0xffffffff) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
    this.seen.fill(0);
    this.size = 0;
    for (let p = Math.max(1, codes.length - this.chars + 1); p < codes.length; p++) this.add(pairAt(codes, p));
    return this;
  }

  has(key: number): boolean {
    const h = prefilterBit(key);
    if ((this.seen[h >>> 5] & (1 << (h & 31))) === 0) return false;
    for (let slot = this.slotOf(key); this.stamps[slot] === this.stamp; slot = (slot + 1) & (this.keys.length - 1)) {
      if (this.keys[slot] === key) return true;
    }
    return false;
  }

  private add(key: number): void {
    let slot = this.slotOf(key);
    for (; this.stamps[slot] === this.stamp; slot = (slot + 1) & (this.keys.length - 1)) if (this.keys[slot] === key) return;
    this.keys[slot] = key;
    this.stamps[slot] = this.stamp;
    this.size++;
    const h = prefilterBit(key);
    this.seen[h >>> 5] |= 1 << (h & 31);
  }

  private slotOf(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.shift;
  }
}

/** The draft's lead-in to the context: its character pairs, all and nearest. */
export interface LeadIn {
  all: PairSet;
  near: PairSet;
  /**
   * Hits already counted for an occurrence (rank → all hits << 16 | near hits) in `index`, since the last
   * fill: the head ranges of a context's candidates lie inside its range, and a small range is sampled whole.
   */
  hits: Map<number, number>;
  index: PhraseIndex | null;
}

/** Lead-in similarity of a range: mean shares (all, nearest) and the best share (all) of its sampled occurrences. */
export interface LeadInSimilarity {
  mean: number;
  nearMean: number;
  best: number;
}

/**
 * The lead-in of `codes`: the normalised text just before the context (its last `LEAD_IN_CHARS` count).
 * Written into `reuse` when given (what it held is dropped): a query reads one context's lead-in at a time.
 */
export function leadInOf(codes: Uint16Array, reuse?: LeadIn): LeadIn {
  const leadIn = reuse ?? { all: new PairSet(LEAD_IN_CHARS), near: new PairSet(NEAR_LEAD_IN_CHARS), hits: new Map<number, number>(), index: null };
  leadIn.all.fill(codes);
  leadIn.near.fill(codes);
  leadIn.hits.clear();
  leadIn.index = null;
  return leadIn;
}

const NONE: LeadInSimilarity = { mean: 0, nearMean: 0, best: 0 };

/** Lead-in similarity of the occurrences in suffix-array range [lo, hi) (zeros when either is empty). */
export function leadInSimilarity(index: PhraseIndex, lo: number, hi: number, leadIn: LeadIn): LeadInSimilarity {
  const n = Math.min(LEAD_IN_SAMPLES, hi - lo);
  if (n <= 0 || leadIn.all.size === 0) return NONE;
  const { codes, docOfRank, docs, sa } = index;
  const all = leadIn.all;
  const near = leadIn.near;
  if (leadIn.index !== index) {
    leadIn.hits.clear();
    leadIn.index = index;
  }
  const memo = leadIn.hits;
  let sum = 0;
  let nearSum = 0;
  let best = 0;
  for (let t = 0; t < n; t++) {
    const rank = lo + Math.floor(((hi - lo) * t) / n);
    let hits = 0;
    let nearHits = 0;
    const known = memo.get(rank);
    if (known !== undefined) {
      hits = known >>> 16;
      nearHits = known & 0xffff;
    } else {
      const start = sa[rank];
      // Pairs (p − 1, p) wholly before the context and within the occurrence's own document.
      const stop = Math.max(docs[docOfRank[rank]].start + 1, start - LEAD_IN_CHARS + 1);
      const nearStop = Math.max(stop, start - NEAR_LEAD_IN_CHARS + 1);
      let p = start - 1;
      for (; p >= nearStop; p--) {
        const key = pairAt(codes, p);
        // The near pairs are some of all's (the last NEAR_LEAD_IN_CHARS of the same codes): a miss in all is one in near.
        if (all.has(key)) {
          hits++;
          if (near.has(key)) nearHits++;
        }
      }
      for (; p >= stop; p--) if (all.has(pairAt(codes, p))) hits++;
      memo.set(rank, (hits << 16) | nearHits);
    }
    const share = hits / all.size;
    sum += share;
    nearSum += near.size ? nearHits / near.size : 0;
    if (share > best) best = share;
  }
  return { mean: sum / n, nearMean: nearSum / n, best };
}

/**
 * `share` (a mean share of `leadIn`'s pairs) shrunk towards the prior by the lead-in's size: the prior where
 * the draft has no lead-in yet (its first words), nearly `share` itself over a whole lead-in.
 */
export function leadInShare(share: number, leadIn: LeadIn): number {
  const pairs = leadIn.all.size;
  return (share * pairs + LEAD_IN_PRIOR_SHARE * LEAD_IN_PRIOR_PAIRS) / (pairs + LEAD_IN_PRIOR_PAIRS);
}
