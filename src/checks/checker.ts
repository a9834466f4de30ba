/**
 * The proofreading entry point a worker calls: `createChecker(index, meta)` once per index, then
 * `check(text, { year, ignored })` after a pause in typing. Runs every finder (提法 slips, 时效 rules and
 * corpus evidence, 引文, and the 编号/占位 checks of src/structure) over the normalised text and returns
 * the findings in text order. Pure, no DOM.
 */
import type { PhraseIndex } from '../phrases/build';
import { cleanText, normalizeCodes } from '../phrases/normalize';
import { checkText } from '../structure/check';
import { QuotationFinder, type QuotationOptions } from './quotations';
import { SlipFinder, type SlipTuning } from './slips';
import { TimelinessFinder, type TimelinessRule } from './timeliness';
import type { CheckDocMeta, CheckFinding, CheckKind } from './types';

export interface CheckOptions {
  /** Reference year of the draft (default: the current year). */
  year?: number;
  /** Findings the writer dismissed (「忽略」): keys from `findingKey`. */
  ignored?: ReadonlySet<string> | readonly string[];
  /** Only these kinds (default all). */
  kinds?: readonly CheckKind[];
  /** The writer's own authoritative documents (学习材料), searched first for quotations. */
  studyMaterial?: QuotationOptions['studyMaterial'];
}

export interface CheckerOptions {
  slips?: Partial<SlipTuning>;
  /** Replaces the shipped timeliness rules (e.g. shipped + the office's own). */
  rules?: readonly TimelinessRule[];
}

export interface Checker {
  check(text: string, options?: CheckOptions): CheckFinding[];
}

/** Identity of a finding for 「忽略」: stable while the draft is edited elsewhere (kind, text, suggestion). */
export function findingKey(f: Pick<CheckFinding, 'kind' | 'text' | 'suggestion'>): string {
  return `${f.kind}\u0000${f.text}\u0000${f.suggestion ?? ''}`;
}

const STRUCTURE_KINDS: Record<string, CheckKind> = { duplicate: '编号', skipped: '编号', order: '编号', placeholder: '占位' };

export function createChecker(index: PhraseIndex, meta: readonly CheckDocMeta[], options: CheckerOptions = {}): Checker {
  const slips = new SlipFinder(index, meta, options.slips);
  const timeliness = new TimelinessFinder(index, meta, options.rules);
  const quotations = new QuotationFinder(index, meta);
  return {
    check(raw, opts = {}) {
      const text = cleanText(raw);
      const codes = normalizeCodes(text);
      const year = opts.year ?? new Date().getFullYear();
      const want = (k: CheckKind) => !opts.kinds || opts.kinds.includes(k);
      const findings: CheckFinding[] = [];
      if (want('提法')) findings.push(...slips.find(text, codes));
      if (want('时效')) findings.push(...timeliness.find(text, codes, year));
      if (want('引文')) findings.push(...quotations.find(text, codes, { studyMaterial: opts.studyMaterial }));
      if (want('编号') || want('占位')) {
        for (const f of checkText(text)) {
          const kind = STRUCTURE_KINDS[f.kind];
          if (want(kind)) findings.push({ kind, start: f.from, end: f.to, text: text.slice(f.from, f.to), suggestion: null, message: f.message });
        }
      }
      const ignored = new Set(opts.ignored ?? []);
      return findings.filter((f) => !ignored.has(findingKey(f))).sort((a, b) => a.start - b.start || a.end - b.end);
    },
  };
}
