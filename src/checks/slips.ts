/**
 * 提法校对: places where the draft is one character away from a formulation the corpus writes the same way
 * in many documents, while the draft's own version is rare or absent there.
 *
 * Method, on the suffix array: at each character d of a clause, with left context L (the draft's 1–4
 * characters before d) and right context R (the characters after d, grown while the corpus still backs it),
 * look for corpus strings L·x·R. For a substitution x is a character that sounds like d (an IME slip:
 * `pinyin.ts`) — one range search for L, then one block search per homophone and per character of R.
 * Insertions (L·R in the corpus, L·d·R in the draft), deletions (L·x·R against the draft's L·R) and adjacent
 * swaps (L·b·a·R against L·a·b·R) need no pinyin evidence, so they ask for longer contexts.
 * A finding needs: the corrected string in ≥ minDocs documents, the draft's in ≤ maxOriginalDocs and far
 * fewer, and enough context on both sides. Pure, no DOM.
 */
import type { PhraseIndex } from '../phrases/build';
import { blockOf, countDocs, findRange } from '../phrases/search';
import { clauses, docsOfPattern, evidenceOf } from './evidence';
import { HomophoneTable, isHan } from './pinyin';
import type { CheckDocMeta, CheckFinding } from './types';

export interface SlipTuning {
  /** The corrected form is written in at least this many documents. */
  minDocs: number;
  /** The draft's own form is written in at most this many documents. */
  maxOriginalDocs: number;
  /** Corrected documents ≥ this × max(1, the draft form's documents). */
  docRatio: number;
  /** Homophone substitution: left + right context characters at least. */
  minContextChars: number;
  /** Insertion, deletion, swap (no pinyin evidence): left + right context characters at least. */
  minEditContextChars: number;
  maxLeftChars: number;
  maxRightChars: number;
}

export const DEFAULT_SLIP_TUNING: SlipTuning = {
  minDocs: 5,
  maxOriginalDocs: 1,
  docRatio: 5,
  minContextChars: 4,
  minEditContextChars: 5,
  maxLeftChars: 4,
  maxRightChars: 6,
};

/** Ranks scanned when counting documents (exact below it). */
const DOC_SCAN_RANKS = 4096;
/** A deletion search lists what follows L only when L occurs at most this often. */
const DELETION_MAX_RANKS = 4096;
/** Left context of a substitution: at least this many characters (shorter ones back nothing specific). */
const MIN_LEFT_CHARS = 2;
/** Left contexts tried per character: the longest one the corpus backs and the next shorter one. */
const MAX_LEFT_LEVELS = 2;

/** Quotation marks around a term: a fixed formulation, where a missing or extra character is a slip. */
const TERM_MARKS: Record<number, number> = { 0x201c: 0x201d, 0x300c: 0x300d, 0x300a: 0x300b };
/** Longest quoted term (characters between the marks) checked for missing or extra characters. */
const MAX_TERM_CHARS = 12;

/** 1 at each character inside a short quoted term (“四个全面”, 「两个确立」, 《…》). */
export function quotedTerms(codes: Uint16Array): Uint8Array {
  const out = new Uint8Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const close = TERM_MARKS[codes[i]];
    if (close === undefined) continue;
    let j = i + 1;
    while (j < codes.length && j - i - 1 <= MAX_TERM_CHARS && codes[j] !== close && codes[j] !== 10) j++;
    if (j < codes.length && codes[j] === close && j - i - 1 <= MAX_TERM_CHARS) out.fill(1, i + 1, j);
  }
  return out;
}

/** Pairs of adjacent codes occurring at least `min` times in the index (keys `a * 65536 + b`). */
export function frequentPairs(index: PhraseIndex, min: number): Set<number> {
  const { codes } = index;
  const keys = new Uint32Array(Math.max(0, codes.length - 1));
  for (let i = 0; i + 1 < codes.length; i++) keys[i] = codes[i] * 0x10000 + codes[i + 1];
  keys.sort();
  const out = new Set<number>();
  for (let i = 0; i < keys.length; ) {
    let j = i + 1;
    while (j < keys.length && keys[j] === keys[i]) j++;
    if (j - i >= min) out.add(keys[i]);
    i = j;
  }
  return out;
}

interface Candidate {
  start: number;
  end: number;
  suggestion: string;
  lo: number;
  hi: number;
  docs: number;
  /** The formulation around the slip: `[from, to)` of the draft. */
  from: number;
  to: number;
  what: string;
}

export class SlipFinder {
  readonly homophones: HomophoneTable;
  readonly tuning: SlipTuning;
  /** Code pairs the corpus writes at least minDocs times, as `first << 16 | second` (unsigned). */
  private readonly pairs: Set<number>;

  constructor(readonly index: PhraseIndex, readonly meta: readonly CheckDocMeta[], tuning: Partial<SlipTuning> = {}) {
    this.tuning = { ...DEFAULT_SLIP_TUNING, ...tuning };
    this.homophones = new HomophoneTable(index);
    this.pairs = frequentPairs(index, this.tuning.minDocs);
  }

  /** Findings for `text` (`codes` its normalised codes), in text order, at most one per character. */
  find(text: string, codes: Uint16Array): CheckFinding[] {
    const found: Candidate[] = [];
    const quoted = quotedTerms(codes);
    for (const [cs, ce] of clauses(codes)) {
      // R may include the clause's closing mark (「意识，」), never the next clause.
      const rEnd = ce < codes.length && codes[ce] !== 10 ? ce + 1 : ce;
      for (let i = cs; i < ce; i++) {
        if (!isHan(codes[i])) continue;
        const c = this.substitution(codes, cs, i, rEnd) ?? this.swap(codes, cs, i, rEnd) ?? (quoted[i] === 1 ? this.insertion(codes, cs, i, rEnd) ?? this.deletion(codes, cs, i, rEnd) : null);
        if (c && !found.some((f) => f.start < c.end && c.start < f.end)) found.push(c);
      }
    }
    return found.sort((a, b) => a.start - b.start).map((c) => this.toFinding(text, c));
  }

  private toFinding(text: string, c: Candidate): CheckFinding {
    const evidence = evidenceOf(this.index, this.meta, c.lo, c.hi);
    const original = text.slice(c.start, c.end);
    const draftForm = text.slice(c.from, c.to);
    const corpusForm = text.slice(c.from, c.start) + c.suggestion + text.slice(c.end, c.to);
    const years = evidence.years.length > 0 ? `，${evidence.years[evidence.years.length - 1]}–${evidence.years[0]} 年` : '';
    return {
      kind: '提法',
      start: c.start,
      end: c.end,
      text: original,
      suggestion: c.suggestion,
      message: `「${draftForm}」疑为「${corpusForm}」（${c.what}）：语料中 ${evidence.docs} 篇文档这样写${years}`,
      evidence,
    };
  }

  private docs(lo: number, hi: number): number {
    return hi > lo ? countDocs(this.index, lo, hi, DOC_SCAN_RANKS) : 0;
  }

  /** Grows `[lo, hi)` (suffixes sharing `depth` codes) by the draft's codes from `from`, while ≥ minDocs documents back it. */
  private extend(codes: Uint16Array, lo: number, hi: number, depth: number, from: number, to: number): [number, number, number] {
    const { minDocs, maxRightChars } = this.tuning;
    let k = 0;
    while (from + k < to && k < maxRightChars) {
      const [a, b] = blockOf(this.index, lo, hi, depth + k, codes[from + k]);
      if (b - a < minDocs || countDocs(this.index, a, b, DOC_SCAN_RANKS, minDocs) < minDocs) break;
      lo = a;
      hi = b;
      k++;
    }
    return [lo, hi, k];
  }

  /** The draft's form is rare and the corrected one far more common. */
  private accepted(codes: Uint16Array, from: number, to: number, correctedDocs: number): boolean {
    const { maxOriginalDocs, docRatio, minDocs } = this.tuning;
    if (correctedDocs < minDocs) return false;
    const original = docsOfPattern(this.index, codes, from, to, maxOriginalDocs + 1);
    return original <= maxOriginalDocs && correctedDocs >= docRatio * Math.max(1, original);
  }

  /**
   * Homophones x of `codes[i]` whose pairs with the previous and the next code are both frequent in the
   * corpus: two set lookups each discard most homophones before any search in the suffix array.
   */
  private plausible(codes: Uint16Array, i: number): number[] {
    const before = codes[i - 1] * 0x10000;
    const after = i + 1 < codes.length ? codes[i + 1] : -1;
    const out: number[] = [];
    for (const x of this.homophones.of(codes[i])) {
      if (this.pairs.has(before + x) && (after < 0 || this.pairs.has(x * 0x10000 + after))) out.push(x);
    }
    return out;
  }

  private substitution(codes: Uint16Array, cs: number, i: number, rEnd: number): Candidate | null {
    const { minDocs, minContextChars, maxLeftChars } = this.tuning;
    if (i - cs < MIN_LEFT_CHARS) return null;
    const xs = this.plausible(codes, i);
    if (xs.length === 0) return null;
    let levels = 0;
    for (let kL = Math.min(maxLeftChars, i - cs); kL >= MIN_LEFT_CHARS && levels < MAX_LEFT_LEVELS; kL--) {
      const [lo, hi] = findRange(this.index, codes, i - kL, i);
      if (hi - lo < minDocs) continue;
      levels++;
      let best: { x: number; lo: number; hi: number; kR: number; docs: number } | null = null;
      for (const x of xs) {
        const [a, b] = blockOf(this.index, lo, hi, kL, x);
        if (b - a < minDocs) continue;
        const [ra, rb, kR] = this.extend(codes, a, b, kL + 1, i + 1, rEnd);
        if (kR < 1 || kL + kR < minContextChars) continue;
        const docs = this.docs(ra, rb);
        if (!best || kR > best.kR || (kR === best.kR && docs > best.docs)) best = { x, lo: ra, hi: rb, kR, docs };
      }
      if (!best) continue;
      if (!this.accepted(codes, i - kL, i + 1 + best.kR, best.docs)) return null;
      return { start: i, end: i + 1, suggestion: String.fromCharCode(best.x), lo: best.lo, hi: best.hi, docs: best.docs, from: i - kL, to: i + 1 + best.kR, what: '同音字' };
    }
    return null;
  }

  /** Left context `[i - kL, i)` of at least 2 characters inside the clause, or null. */
  private leftFor(cs: number, i: number): number {
    return Math.min(this.tuning.maxLeftChars, i - cs);
  }

  private swap(codes: Uint16Array, cs: number, i: number, rEnd: number): Candidate | null {
    const { minDocs, minEditContextChars } = this.tuning;
    if (i + 1 >= rEnd || !isHan(codes[i + 1]) || codes[i] === codes[i + 1]) return null;
    const kL = this.leftFor(cs, i);
    if (kL < 1) return null;
    const [a, b] = [codes[i], codes[i + 1]];
    if (!this.pairs.has(codes[i - 1] * 0x10000 + b) || !this.pairs.has(b * 0x10000 + a) || (i + 2 < codes.length && !this.pairs.has(a * 0x10000 + codes[i + 2]))) return null;
    const pattern = codes.slice(i - kL, i + 2);
    pattern[kL] = codes[i + 1];
    pattern[kL + 1] = codes[i];
    const [lo, hi] = findRange(this.index, pattern, 0, pattern.length);
    if (hi - lo < minDocs) return null;
    const [ra, rb, kR] = this.extend(codes, lo, hi, kL + 2, i + 2, rEnd);
    if (kL < 1 || kR < 1 || kL + kR < minEditContextChars) return null;
    const docs = this.docs(ra, rb);
    if (!this.accepted(codes, i - kL, i + 2 + kR, docs)) return null;
    return { start: i, end: i + 2, suggestion: String.fromCharCode(codes[i + 1], codes[i]), lo: ra, hi: rb, docs, from: i - kL, to: i + 2 + kR, what: '字序颠倒' };
  }

  /** The draft has an extra character at i: the corpus writes L·R. */
  private insertion(codes: Uint16Array, cs: number, i: number, rEnd: number): Candidate | null {
    const { minDocs, minEditContextChars } = this.tuning;
    const kL = this.leftFor(cs, i);
    if (kL < 2) return null;
    const [lo, hi] = findRange(this.index, codes, i - kL, i);
    if (hi - lo < minDocs) return null;
    const [ra, rb, kR] = this.extend(codes, lo, hi, kL, i + 1, rEnd);
    if (kR < 2 || kL + kR < minEditContextChars) return null;
    const docs = this.docs(ra, rb);
    if (!this.accepted(codes, i - kL, i + 1 + kR, docs)) return null;
    // Shown as the two characters around the extra one, so the replacement is visible.
    return { start: i - 1, end: i + 1, suggestion: String.fromCharCode(codes[i - 1]), lo: ra, hi: rb, docs, from: i - kL, to: i + 1 + kR, what: '多字' };
  }

  /** The draft lacks a character before i: the corpus writes L·x·R where the draft has L·R. */
  private deletion(codes: Uint16Array, cs: number, i: number, rEnd: number): Candidate | null {
    const { minDocs, minEditContextChars } = this.tuning;
    const kL = this.leftFor(cs, i);
    if (kL < 2) return null;
    const [lo, hi] = findRange(this.index, codes, i - kL, i);
    if (hi - lo < minDocs || hi - lo > DELETION_MAX_RANKS) return null;
    let best: { x: number; lo: number; hi: number; kR: number; docs: number } | null = null;
    for (let r = lo; r < hi; ) {
      const x = this.index.codes[this.index.sa[r] + kL];
      const [a, b] = blockOf(this.index, r, hi, kL, x);
      r = b;
      if (b - a < minDocs || !isHan(x)) continue;
      const [ra, rb, kR] = this.extend(codes, a, b, kL + 1, i, rEnd);
      if (kR < 2 || kL + kR < minEditContextChars) continue;
      const docs = this.docs(ra, rb);
      if (!best || kR > best.kR || (kR === best.kR && docs > best.docs)) best = { x, lo: ra, hi: rb, kR, docs };
    }
    if (!best || !this.accepted(codes, i - kL, i + best.kR, best.docs)) return null;
    return { start: i - 1, end: i, suggestion: String.fromCharCode(codes[i - 1], best.x), lo: best.lo, hi: best.hi, docs: best.docs, from: i - kL, to: i + best.kR, what: '漏字' };
  }
}
