/**
 * Renumbering. Section headings carry no typed number: `computeSectionNumbers` derives every heading's
 * number from document order (a level-1 heading restarts the levels below it, and so on). Enumerations are
 * typed text, so `renumberEnumerations` returns the edits that make each run count 一、二、三 again. Pure.
 */
import type { StructureBlock } from './blocks';
import { formatEnumerationNumber } from './enumerations';
import type { SectionLevel } from './levels';
import { findSequences } from './sequences';

/** For each block, its section number (1, 2, …) within its parent, or null for a block that is not a heading. */
export function computeSectionNumbers(levels: ReadonlyArray<SectionLevel | null | undefined>): Array<number | null> {
  const counters = [0, 0, 0, 0, 0];
  return levels.map((level) => {
    if (!level) return null;
    counters[level] += 1;
    for (let deeper = level + 1; deeper <= 4; deeper++) counters[deeper] = 0;
    return counters[level];
  });
}

/** Replace `block`'s text between `from` and `to` with `text`. */
export interface TextEdit {
  block: number;
  from: number;
  to: number;
  text: string;
}

/**
 * The edits that renumber every enumeration run (一是/一要/第一/段中（一）) in `blocks[from, to)`: the
 * n-th member of a run gets the number n. Section numbers are not touched (headings compute theirs).
 * Edits come in document order; apply them from last to first so that offsets stay valid.
 */
export function renumberEnumerations(blocks: readonly StructureBlock[], from = 0, to = blocks.length): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const sequence of findSequences(blocks, from, to)) {
    if (sequence.kind.type !== 'enumeration') continue;
    const kind = sequence.kind.kind;
    sequence.members.forEach((member, index) => {
      if (member.value === index + 1) return;
      edits.push({ block: member.block, from: member.numberFrom, to: member.numberTo, text: formatEnumerationNumber(kind, index + 1) });
    });
  }
  return edits.sort((a, b) => a.block - b.block || a.from - b.from);
}

/** Applies edits to plain blocks (the editor applies them to the document instead). */
export function applyTextEdits(blocks: readonly StructureBlock[], edits: readonly TextEdit[]): StructureBlock[] {
  const result = blocks.map((b) => ({ ...b }));
  for (const edit of [...edits].reverse()) {
    const block = result[edit.block];
    block.text = block.text.slice(0, edit.from) + edit.text + block.text.slice(edit.to);
  }
  return result;
}
