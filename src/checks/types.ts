/**
 * Shapes of the checks: a finding, the corpus evidence behind it, and the metadata (title, year) of the
 * indexed documents. Shapes only — no logic — so the worker, the CLI and the panel can share them.
 */

export type CheckKind = '提法' | '时效' | '引文' | '编号' | '占位';

/** Which corpus documents back a finding: how many, their years (newest first) and a few titles. */
export interface Evidence {
  docs: number;
  years: number[];
  titles?: string[];
}

export interface CheckFinding {
  kind: CheckKind;
  /** UTF-16 offsets into the checked text (after `\r\n` → `\n`). */
  start: number;
  end: number;
  /** The draft's text at `[start, end)`. */
  text: string;
  /** What to put at `[start, end)` instead, or null when there is nothing to replace (advice, info). */
  suggestion: string | null;
  /** One sentence in Chinese for the check panel. */
  message: string;
  evidence?: Evidence;
  /** 引文 only: the verdict and, for 有出入, the character-level differences. */
  quotation?: QuotationVerdict;
}

/** 引文核对's verdict on one quotation. */
export interface QuotationVerdict {
  status: '原文一致' | '有出入' | '未找到原文';
  source?: { title: string; year: number | null };
  /** The closest source passage (有出入). */
  original?: string;
  diff?: DiffOp[];
}

/** One step of a character-level diff of the draft's quotation against the source. */
export interface DiffOp {
  op: 'same' | 'missing' | 'extra' | 'changed';
  /** Draft characters (empty for `missing`). */
  draft: string;
  /** Source characters (empty for `extra`). */
  source: string;
}

/** Metadata of the document with the same number in the index. */
export interface CheckDocMeta {
  title: string;
  year: number | null;
}
