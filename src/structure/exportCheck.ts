/**
 * What the draft check says before the draft leaves as a file: unfilled placeholders ({{…}}, XX, ××) and
 * numbering problems, counted, and the question put to the writer. Other findings do not stop an export.
 */
import type { Finding } from './check';

export interface ExportCheck {
  placeholders: number;
  numbering: number;
  /** 「还有 3 处未填，仍要导出？」 */
  question: string;
}

/** The export question for `findings`, or null when nothing is left to fill or renumber. */
export function exportCheck(findings: readonly Finding[]): ExportCheck | null {
  const placeholders = findings.filter((f) => f.kind === 'placeholder').length;
  const numbering = findings.filter((f) => f.kind === 'duplicate' || f.kind === 'skipped' || f.kind === 'order').length;
  if (!placeholders && !numbering) return null;
  const parts = [placeholders ? `${placeholders} 处未填` : '', numbering ? `${numbering} 处编号问题` : ''].filter(Boolean);
  return { placeholders, numbering, question: `还有 ${parts.join('、')}，仍要导出？` };
}
