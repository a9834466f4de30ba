/**
 * 提法时效: formulations that were right once and are outdated for a draft of the reference year.
 * Two sources:
 * - the rule file `timeliness.json` (schema `timeliness.schema.json`, validated by `parseTimelinessRules`):
 *   old form, current form or advice, since when, and the corpus document that first writes the current
 *   form; `onlyIn` / `notIn` look at the sentence so that a review (「回顾“十四五”」) does not fire;
 * - corpus evidence: a formulation of the draft that ≥ STALE_MIN_DOCS dated documents write, the latest of
 *   them ≥ STALE_YEARS before the reference year, with what recent documents write after the same words.
 * Pure, no DOM.
 */
import type { PhraseIndex } from '../phrases/build';
import { blockOf, countDocs, findRange } from '../phrases/search';
import { clauses, documentsOf } from './evidence';
import { isHan } from './pinyin';
import shippedRules from './timeliness.json';
import type { CheckDocMeta, CheckFinding } from './types';

export interface TimelinessRule {
  id: string;
  old: string;
  pattern?: string;
  current: string | null;
  advice?: string;
  since: string;
  reason: string;
  citation: { file: string; title: string; year: number; quote: string };
  onlyIn?: string;
  notIn?: string;
  examples: { fires: string[]; quiet: string[] };
}

/** Throws a Chinese error naming the first problem; returns the rules when the file is sound. */
export function parseTimelinessRules(value: unknown): TimelinessRule[] {
  const file = value as { version?: unknown; rules?: unknown };
  if (!file || typeof file !== 'object' || file.version !== 1 || !Array.isArray(file.rules)) throw new Error('时效规则文件格式不正确：应为 {"version":1,"rules":[…]}');
  const ids = new Set<string>();
  const allowed = new Set(['id', 'old', 'pattern', 'current', 'advice', 'since', 'reason', 'citation', 'onlyIn', 'notIn', 'examples']);
  for (const r of file.rules as TimelinessRule[]) {
    const name = `时效规则「${(r as { id?: unknown })?.id ?? '?'}」`;
    if (!r || typeof r !== 'object') throw new Error('时效规则不是对象');
    if (typeof r.id !== 'string' || !/^[a-z0-9-]+$/.test(r.id)) throw new Error(`${name}的 id 不正确`);
    if (ids.has(r.id)) throw new Error(`${name}重复`);
    ids.add(r.id);
    for (const k of Object.keys(r)) if (!allowed.has(k)) throw new Error(`${name}含未知字段 ${k}`);
    if (typeof r.old !== 'string' || r.old.length < 2) throw new Error(`${name}缺少旧提法`);
    if (r.current !== null && typeof r.current !== 'string') throw new Error(`${name}的现行提法应为文字或 null`);
    if (r.current === null && typeof r.advice !== 'string') throw new Error(`${name}没有现行提法时须给出建议`);
    if (typeof r.since !== 'string' || !/^[0-9]{4}(-(0[1-9]|1[0-2]))?$/.test(r.since)) throw new Error(`${name}的起始时间应为 YYYY 或 YYYY-MM`);
    if (typeof r.reason !== 'string' || r.reason.length === 0) throw new Error(`${name}缺少说明`);
    const c = r.citation;
    if (!c || typeof c.file !== 'string' || typeof c.title !== 'string' || !Number.isInteger(c.year) || typeof c.quote !== 'string') throw new Error(`${name}的出处不完整`);
    for (const key of ['pattern', 'onlyIn', 'notIn'] as const) {
      const source = r[key];
      if (source === undefined) continue;
      try {
        new RegExp(source, 'u');
      } catch {
        throw new Error(`${name}的 ${key} 不是有效的正则表达式`);
      }
    }
    if (!r.examples || !Array.isArray(r.examples.fires) || r.examples.fires.length === 0 || !Array.isArray(r.examples.quiet)) throw new Error(`${name}缺少示例`);
  }
  return file.rules as TimelinessRule[];
}

/** The rules shipped with the app. */
export const SHIPPED_TIMELINESS_RULES: readonly TimelinessRule[] = parseTimelinessRules(shippedRules);

/** Corpus evidence: the formulation is written in at least this many dated documents… */
const STALE_MIN_DOCS = 4;
/** …in at least this many different years (an established formulation, not one year's topic)… */
const STALE_MIN_YEARS = 3;
/** …the newest of them at least this many years before the reference year… */
const STALE_YEARS = 5;
/** …and it is at least this long (shorter repeats are words, not formulations). */
const STALE_MIN_CHARS = 8;
/** Recent documents: at most this many years before the reference year. */
const RECENT_YEARS = 2;
const STALE_ALTERNATIVES = 3;

const SENTENCE_END = /[。！？；\n]/u;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** 「2016 年 10 月」 for `2016-10`, 「2021 年」 for `2021`. */
function sinceLabel(since: string): string {
  return since.length > 4 ? `${since.slice(0, 4)} 年 ${Number(since.slice(5, 7))} 月` : `${since} 年`;
}

/** Year from which the old form is outdated. */
function sinceYear(since: string): number {
  return Number(since.slice(0, 4));
}

interface CompiledRule {
  rule: TimelinessRule;
  pattern: RegExp;
  onlyIn?: RegExp;
  notIn?: RegExp;
}

export class TimelinessFinder {
  private readonly rules: CompiledRule[];

  constructor(readonly index: PhraseIndex, readonly meta: readonly CheckDocMeta[], rules: readonly TimelinessRule[] = SHIPPED_TIMELINESS_RULES) {
    this.rules = rules.map((rule) => ({
      rule,
      pattern: new RegExp(rule.pattern ?? escapeRegExp(rule.old), 'gu'),
      onlyIn: rule.onlyIn ? new RegExp(rule.onlyIn, 'u') : undefined,
      notIn: rule.notIn ? new RegExp(rule.notIn, 'u') : undefined,
    }));
  }

  find(text: string, codes: Uint16Array, year: number): CheckFinding[] {
    const found = this.byRules(text, year);
    for (const f of this.byCorpus(text, codes, year)) if (!found.some((g) => g.start < f.end && f.start < g.end)) found.push(f);
    return found.sort((a, b) => a.start - b.start);
  }

  /** Rule findings: each match whose sentence passes `onlyIn` / `notIn`, in a draft of `year` ≥ the rule's year. */
  byRules(text: string, year: number): CheckFinding[] {
    const found: CheckFinding[] = [];
    for (const { rule, pattern, onlyIn, notIn } of this.rules) {
      if (year < sinceYear(rule.since)) continue;
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
        if (m[0].length === 0) {
          pattern.lastIndex++;
          continue;
        }
        const start = m.index;
        const end = start + m[0].length;
        const sentence = sentenceAround(text, start, end);
        if ((onlyIn && !onlyIn.test(sentence)) || (notIn && notIn.test(sentence))) continue;
        if (found.some((f) => f.start < end && start < f.end)) continue;
        const fix = rule.current ? `建议改为「${rule.current}」` : rule.advice;
        found.push({
          kind: '时效',
          start,
          end,
          text: m[0],
          suggestion: rule.current && !rule.advice ? rule.current : null,
          message: `「${m[0]}」已不是现行提法（${sinceLabel(rule.since)}起）：${rule.reason}。${fix}${rule.current && rule.advice ? `；${rule.advice}` : ''}。出处：${rule.citation.title}（${rule.citation.year}）`,
          evidence: { docs: 1, years: [rule.citation.year], titles: [rule.citation.title] },
        });
      }
    }
    return found;
  }

  /**
   * Whole clauses (a natural boundary: the writer's punctuation on both sides) that the corpus last wrote
   * long before `year`, with what recent documents write instead.
   */
  byCorpus(text: string, codes: Uint16Array, year: number): CheckFinding[] {
    const found: CheckFinding[] = [];
    for (const [cs, ce] of clauses(codes)) {
      if (ce - cs < STALE_MIN_CHARS || !isHan(codes[cs])) continue;
      let [lo, hi] = findRange(this.index, codes, cs, cs + 1);
      let k = 1;
      while (cs + k < ce) {
        const [a, b] = blockOf(this.index, lo, hi, k, codes[cs + k]);
        if (b - a < STALE_MIN_DOCS || countDocs(this.index, a, b, 4096, STALE_MIN_DOCS) < STALE_MIN_DOCS) break;
        lo = a;
        hi = b;
        k++;
      }
      if (cs + k < ce) continue;
      const f = this.stale(text, codes, cs, ce, lo, hi, year);
      if (f) found.push(f);
    }
    return found;
  }

  private stale(text: string, codes: Uint16Array, start: number, end: number, lo: number, hi: number, year: number): CheckFinding | null {
    const docs = documentsOf(this.index, lo, hi);
    const years = docs.map((d) => this.meta[d]?.year ?? null);
    // An undated document may be recent: no claim about when the corpus last wrote it.
    if (years.some((y) => y === null)) return null;
    const dated = years as number[];
    const last = Math.max(...dated);
    if (dated.length < STALE_MIN_DOCS || new Set(dated).size < STALE_MIN_YEARS || last > year - STALE_YEARS) return null;
    const alternatives = this.recentAlternatives(codes, start, end, year);
    const phrase = text.slice(start, end);
    return {
      kind: '时效',
      start,
      end,
      text: phrase,
      suggestion: null,
      message: `此提法在语料中最后见于 ${last} 年（${dated.length} 篇文档，${Math.min(...dated)}–${last} 年）${alternatives.length > 0 ? `；近年文档在此处写作：${alternatives.map((a) => `「${a.text}」（${a.docs} 篇）`).join('、')}` : ''}`,
      evidence: { docs: dated.length, years: [...new Set(dated)].sort((a, b) => b - a), titles: docs.slice(0, 3).map((d) => this.meta[d]?.title ?? this.index.docs[d].title) },
    };
  }

  /** What recent documents write after the phrase's first two characters, by recent documents. */
  private recentAlternatives(codes: Uint16Array, start: number, end: number, year: number): { text: string; docs: number }[] {
    const lead = Math.min(2, end - start);
    const [lo, hi] = findRange(this.index, codes, start, start + lead);
    const want = end - start;
    const byText = new Map<string, Set<number>>();
    const scan = Math.min(hi, lo + 20_000);
    for (let r = lo; r < scan; r++) {
      const d = this.index.docOfRank[r];
      const y = this.meta[d]?.year;
      if (y === null || y === undefined || y < year - RECENT_YEARS) continue;
      const doc = this.index.docs[d];
      const p = this.index.sa[r] - doc.start;
      let e = p + lead;
      while (e < doc.text.length && e - p < want + 4 && !SENTENCE_END.test(doc.text[e]) && !'，、：'.includes(doc.text[e])) e++;
      const t = doc.text.slice(p, e);
      if (t.length <= lead) continue;
      (byText.get(t) ?? byText.set(t, new Set()).get(t)!).add(d);
    }
    return [...byText].map(([t, ds]) => ({ text: t, docs: ds.size })).filter((a) => a.docs >= 2).sort((a, b) => b.docs - a.docs).slice(0, STALE_ALTERNATIVES);
  }
}

/** The sentence of `text` containing `[start, end)`. */
export function sentenceAround(text: string, start: number, end: number): string {
  let s = start;
  while (s > 0 && !SENTENCE_END.test(text[s - 1])) s--;
  let e = end;
  while (e < text.length && !SENTENCE_END.test(text[e])) e++;
  return text.slice(s, e);
}
