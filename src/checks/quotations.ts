/**
 * 引文核对: a quotation in the draft (“…” after 指出/强调/提出/要求/说/明确…, or after a 《…》 title) looked up
 * in the writer's study material first, then in the corpus: 原文一致 (with source and year), 有出入 (a
 * character-level diff against the closest source passage) or 未找到原文 (said plainly).
 *
 * Closest passage: the quotation's longest pieces that the suffix array finds (each ≥ MIN_PIECE_CHARS) vote
 * for an alignment (source position − offset in the quotation); the best-voted one is aligned with the
 * quotation by an edit-distance DP whose ends are free in the source. Pure, no DOM.
 */
import { buildPhraseIndex, type PhraseIndex } from '../phrases/build';
import { blockOf, findRange } from '../phrases/search';
import type { CheckDocMeta, CheckFinding, DiffOp, QuotationVerdict } from './types';

/** A document the writer marked as 学习材料 (an authoritative original). */
export interface StudyDocument {
  title: string;
  year: number | null;
  text: string;
}

export interface QuotationOptions {
  studyMaterial?: readonly StudyDocument[];
}

/** Shorter quoted spans are terms (“四个意识”), checked by 提法校对, not quotations. */
const MIN_QUOTE_CHARS = 10;
const MAX_QUOTE_CHARS = 600;
const MIN_PIECE_CHARS = 6;
/** A piece found more often than this is a stock phrase: it votes for no particular passage. */
const MAX_PIECE_RANKS = 64;
/** Edits per quoted character above which the passage is not its source. */
const MAX_EDIT_RATE = 0.3;
/** Slack (characters) on each side of the voted passage, for insertions and deletions. */
const PASSAGE_SLACK_CHARS = 8;

const TRIGGER = /(?:指出|强调|提出|要求|说|明确|指示|讲|写道|所说|阐明|深刻指出|明确指出)[：:，,]?\s*$/u;
const AFTER_TITLE = /》[^“”\n。]{0,8}$/u;

/** `[start, end)` of each quotation's text (inside the marks) that follows a trigger or a 《…》 title. */
export function findQuotations(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (let i = text.indexOf('“'); i >= 0; i = text.indexOf('“', i + 1)) {
    const close = text.indexOf('”', i + 1);
    if (close < 0) break;
    const para = text.indexOf('\n', i + 1);
    if (para >= 0 && para < close) continue;
    const len = close - i - 1;
    const before = text.slice(Math.max(0, i - 12), i);
    if (len >= MIN_QUOTE_CHARS && len <= MAX_QUOTE_CHARS && (TRIGGER.test(before) || AFTER_TITLE.test(before))) out.push([i + 1, close]);
    i = close;
  }
  return out;
}

interface Match {
  index: PhraseIndex;
  meta: readonly CheckDocMeta[];
  doc: number;
  /** Passage in the document's text. */
  from: number;
  to: number;
  distance: number;
  ops: Op[];
}

export class QuotationFinder {
  private studyCache: { docs: readonly StudyDocument[]; index: PhraseIndex; meta: CheckDocMeta[] } | null = null;

  constructor(readonly index: PhraseIndex, readonly meta: readonly CheckDocMeta[]) {}

  find(text: string, codes: Uint16Array, options: QuotationOptions = {}): CheckFinding[] {
    const sources: { index: PhraseIndex; meta: readonly CheckDocMeta[] }[] = [];
    if (options.studyMaterial && options.studyMaterial.length > 0) sources.push(this.study(options.studyMaterial));
    sources.push({ index: this.index, meta: this.meta });
    return findQuotations(text).map(([start, end]) => {
      let best: Match | null = null;
      for (const s of sources) {
        const m = closestPassage(s.index, s.meta, codes, start, end);
        if (m && (!best || m.distance < best.distance)) best = m;
        if (best && best.distance === 0) break;
      }
      return toFinding(text, start, end, best);
    });
  }

  private study(docs: readonly StudyDocument[]): { index: PhraseIndex; meta: CheckDocMeta[] } {
    if (this.studyCache?.docs !== docs) {
      const index = buildPhraseIndex(docs.map((d, i) => ({ id: `study-${i}`, title: d.title, pack: 'study', text: d.text })));
      this.studyCache = { docs, index, meta: docs.map((d) => ({ title: d.title, year: d.year })) };
    }
    return this.studyCache;
  }
}

function toFinding(text: string, start: number, end: number, m: Match | null): CheckFinding {
  const quoted = text.slice(start, end);
  const base = { kind: '引文' as const, start, end, text: quoted };
  if (!m) {
    const verdict: QuotationVerdict = { status: '未找到原文' };
    return { ...base, suggestion: null, message: '未找到原文：语料和学习材料中没有找到这段引文，请对照权威原文核对', quotation: verdict };
  }
  const source = { title: m.meta[m.doc]?.title ?? m.index.docs[m.doc].title, year: m.meta[m.doc]?.year ?? null };
  const cite = `《${source.title}》${source.year ? `（${source.year} 年）` : ''}`;
  const evidence = { docs: 1, years: source.year ? [source.year] : [], titles: [source.title] };
  if (m.distance === 0) {
    return { ...base, suggestion: null, message: `原文一致：出自${cite}`, evidence, quotation: { status: '原文一致', source } };
  }
  const original = m.index.docs[m.doc].text.slice(m.from, m.to);
  const diff = diffOps(m.ops, quoted, original);
  const changes = diff.filter((d) => d.op !== 'same').slice(0, 5).map(describe).join('；');
  return {
    ...base,
    suggestion: original,
    message: `有出入：与${cite}原文相比，${changes}`,
    evidence,
    quotation: { status: '有出入', source, original, diff },
  };
}

function describe(d: DiffOp): string {
  if (d.op === 'missing') return `缺「${d.source}」`;
  if (d.op === 'extra') return `多「${d.draft}」`;
  return `「${d.draft}」原文为「${d.source}」`;
}

/** The passage of `index` closest to `codes[start, end)`, or null when nothing is close enough. */
export function closestPassage(index: PhraseIndex, meta: readonly CheckDocMeta[], codes: Uint16Array, start: number, end: number): Match | null {
  const votes = new Map<number, number>();
  let p = start;
  while (p < end) {
    let [lo, hi] = findRange(index, codes, p, p + 1);
    let k = 1;
    while (p + k < end && hi > lo) {
      const [a, b] = blockOf(index, lo, hi, k, codes[p + k]);
      if (b <= a) break;
      lo = a;
      hi = b;
      k++;
    }
    if (k >= MIN_PIECE_CHARS && hi > lo && hi - lo <= MAX_PIECE_RANKS) {
      for (let r = lo; r < hi; r++) {
        const diagonal = index.sa[r] - (p - start);
        votes.set(diagonal, (votes.get(diagonal) ?? 0) + k);
      }
    }
    p += Math.max(1, k);
  }
  if (votes.size === 0) return null;
  // Nearby diagonals (an insertion or deletion shifts the rest) add up.
  let bestDiagonal = 0;
  let bestVotes = -1;
  for (const [d] of votes) {
    let v = 0;
    for (let s = -PASSAGE_SLACK_CHARS; s <= PASSAGE_SLACK_CHARS; s++) v += votes.get(d + s) ?? 0;
    if (v > bestVotes) {
      bestVotes = v;
      bestDiagonal = d;
    }
  }
  const doc = docOfPosition(index, bestDiagonal);
  const d = index.docs[doc];
  const length = end - start;
  const from = Math.max(0, bestDiagonal - d.start - PASSAGE_SLACK_CHARS);
  const to = Math.min(d.text.length, bestDiagonal - d.start + length + PASSAGE_SLACK_CHARS);
  const passage = index.codes.subarray(d.start + from, d.start + to);
  const aligned = align(codes.subarray(start, end), passage);
  if (aligned.distance > MAX_EDIT_RATE * length) return null;
  return { index, meta, doc, from: from + aligned.from, to: from + aligned.to, distance: aligned.distance, ops: aligned.ops };
}

function docOfPosition(index: PhraseIndex, position: number): number {
  let lo = 0;
  let hi = index.docs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (index.docs[mid].start <= position) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export type Op = 'same' | 'missing' | 'extra' | 'changed';

/**
 * Edit distance of `q` against the best substring of `s` (free start and end in `s`), with the operations
 * from q's point of view: `missing` = a source character the quotation lacks, `extra` = one it adds.
 */
export function align(q: Uint16Array, s: Uint16Array): { distance: number; from: number; to: number; ops: Op[] } {
  const n = q.length;
  const m = s.length;
  const w = m + 1;
  const cost = new Int32Array((n + 1) * w);
  for (let i = 1; i <= n; i++) cost[i * w] = i;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const sub = cost[(i - 1) * w + j - 1] + (q[i - 1] === s[j - 1] ? 0 : 1);
      const del = cost[(i - 1) * w + j] + 1; // quotation character not in the source
      const ins = cost[i * w + j - 1] + 1; // source character missing from the quotation
      cost[i * w + j] = Math.min(sub, del, ins);
    }
  }
  let to = 0;
  for (let j = 1; j <= m; j++) if (cost[n * w + j] < cost[n * w + to]) to = j;
  const ops: Op[] = [];
  let i = n;
  let j = to;
  while (i > 0) {
    if (j > 0 && cost[i * w + j] === cost[(i - 1) * w + j - 1] + (q[i - 1] === s[j - 1] ? 0 : 1)) {
      ops.push(q[i - 1] === s[j - 1] ? 'same' : 'changed');
      i--;
      j--;
    } else if (cost[i * w + j] === cost[(i - 1) * w + j] + 1) {
      ops.push('extra');
      i--;
    } else {
      ops.push('missing');
      j--;
    }
  }
  return { distance: cost[n * w + to], from: j, to, ops: ops.reverse() };
}

/** Runs of equal operations as draft / source text. */
export function diffOps(ops: readonly Op[], draftText: string, sourceText: string): DiffOp[] {
  const out: DiffOp[] = [];
  let qi = 0;
  let si = 0;
  for (const op of ops) {
    const draft = op === 'missing' ? '' : draftText[qi++];
    const source = op === 'extra' ? '' : sourceText[si++];
    const last = out[out.length - 1];
    if (last && last.op === op) {
      last.draft += draft;
      last.source += source;
    } else out.push({ op, draft, source });
  }
  return out;
}
