/**
 * The draft check: duplicate, skipped and out-of-order numbers in every sequence (see sequences.ts) and
 * unfilled placeholders (see placeholders.ts). Each finding names the block and the offsets to jump to,
 * and says in the writer's words what is wrong and what the number should be. Pure.
 */
import { linesToBlocks, type StructureBlock } from './blocks';
import { findPlaceholders } from './placeholders';
import { findSequences, sequenceLabel, type Sequence, type SequenceKind } from './sequences';

export type FindingKind = 'duplicate' | 'skipped' | 'order' | 'placeholder';

export interface Finding {
  kind: FindingKind;
  /** Index of the block in the list the check was given, and offsets in its text. */
  block: number;
  from: number;
  to: number;
  /** One sentence in Chinese for the check panel. */
  message: string;
  /** For a numbering finding: the sequence it belongs to (the panel offers the matching fix). */
  sequence?: SequenceKind;
}

/** Short names of the kinds, for grouping in the panel. */
export const FINDING_KIND_NAMES: Record<FindingKind, string> = {
  duplicate: '编号重复',
  skipped: '编号跳号',
  order: '编号顺序',
  placeholder: '未填占位',
};

function sequenceFindings(sequence: Sequence): Finding[] {
  const findings: Finding[] = [];
  const label = (value: number) => `「${sequenceLabel(sequence.kind, value)}」`;
  let previous = 0;
  for (const member of sequence.members) {
    const at = { block: member.block, from: member.from, to: member.to, sequence: sequence.kind };
    const expected = previous + 1;
    if (member.value === previous) {
      findings.push({ kind: 'duplicate', ...at, message: `${label(member.value)}重复出现，这里应为${label(expected)}` });
    } else if (member.value > expected) {
      const missing = member.value - expected === 1 ? label(expected) : `${label(expected)}至${label(member.value - 1)}`;
      findings.push({
        kind: 'skipped',
        ...at,
        message: previous === 0 ? `${label(member.value)}前缺少${missing}` : `${label(previous)}之后是${label(member.value)}，缺少${missing}`,
      });
    } else if (member.value < previous) {
      findings.push({ kind: 'order', ...at, message: `${label(member.value)}出现在${label(previous)}之后，顺序有误，这里应为${label(expected)}` });
    }
    previous = Math.max(previous, member.value);
  }
  return findings;
}

/** Every finding in the draft, in document order. */
export function checkDraft(blocks: readonly StructureBlock[]): Finding[] {
  const findings = findSequences(blocks).flatMap(sequenceFindings);
  blocks.forEach((block, index) => {
    for (const placeholder of findPlaceholders(block.text)) {
      findings.push({ kind: 'placeholder', block: index, from: placeholder.from, to: placeholder.to, message: `未填写的占位符「${placeholder.text}」` });
    }
  });
  return findings.sort((a, b) => a.block - b.block || a.from - b.from);
}

/** The check over plain text, one paragraph per line; `from`/`to` become offsets in the whole text. */
export function checkText(text: string): Finding[] {
  const { blocks, lineStarts } = linesToBlocks(text);
  return checkDraft(blocks).map((f) => ({ ...f, from: lineStarts[f.block] + f.from, to: lineStarts[f.block] + f.to }));
}
