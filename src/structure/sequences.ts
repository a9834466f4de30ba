/**
 * Numbered sequences in a draft: the section numbers of each level (headings and hand-typed 一、（一）
 * 1.（1） at the start of a paragraph) and the enumerations in the running text (一是, 一要, 第一，,
 * （一）). Owns how numbers are grouped into sequences; the draft check reads the groups for mistakes and
 * the renumber command rewrites them. Pure.
 *
 * Grouping rules, taken from how the corpus speeches are written:
 * - a section sequence lives under its parent: a number of a higher level closes every deeper sequence;
 * - an enumeration that opens paragraphs (一是… ¶ 二是… ¶) runs across paragraphs until the next section;
 * - inside a paragraph, 一是 starts a nested run (「（一）…。一是…二是…」), which ends with the paragraph;
 * - inside a paragraph with no nested run, a marker that continues the paragraph-level run belongs to it
 *   (「四是…。四是…」 in the seed speech is the same run, and so a duplicate).
 */
import type { StructureBlock } from './blocks';
import { enumerationLabel, findEnumerationMarkers, type EnumerationKind } from './enumerations';
import { formatSectionNumber, recognizeSectionMarker, type SectionLevel } from './levels';

export type SequenceKind = { type: 'section'; level: SectionLevel } | { type: 'enumeration'; kind: EnumerationKind };

export interface SequenceMember {
  block: number;
  /** Offsets of the marker in the block's text; 0–0 for a heading whose number is computed. */
  from: number;
  to: number;
  numberFrom: number;
  numberTo: number;
  value: number;
  /** The number is computed by a heading node, not typed. */
  computed: boolean;
}

export interface Sequence {
  kind: SequenceKind;
  members: SequenceMember[];
}

/** How a member of this sequence reads: 「二、」「（二）」「二是」「第二」. */
export function sequenceLabel(kind: SequenceKind, value: number): string {
  return kind.type === 'section' ? formatSectionNumber(kind.level, value) : enumerationLabel(kind.kind, value);
}

function lastValue(sequence: Sequence | undefined): number {
  return sequence?.members[sequence.members.length - 1]?.value ?? 0;
}

/** Groups every numbered marker of `blocks[from, to)` into sequences, in document order of their first member. */
export function findSequences(blocks: readonly StructureBlock[], from = 0, to = blocks.length): Sequence[] {
  const sequences: Sequence[] = [];
  const open = (kind: SequenceKind): Sequence => {
    const sequence: Sequence = { kind, members: [] };
    sequences.push(sequence);
    return sequence;
  };
  const sections: Array<Sequence | undefined> = [];
  let outer = new Map<EnumerationKind, Sequence>();

  for (let block = from; block < to; block++) {
    const { text, section } = blocks[block];
    const typed = section ? null : recognizeSectionMarker(text);
    const level = section?.level ?? typed?.level;
    if (level !== undefined) {
      sections.length = level + 1; // a higher level closes the deeper sequences
      const sequence = (sections[level] ??= open({ type: 'section', level }));
      const value = section?.value ?? typed!.value;
      const length = typed?.length ?? 0;
      const numberTo = typed ? text.slice(0, length).trimEnd().length : 0;
      sequence.members.push({ block, from: 0, to: numberTo, numberFrom: 0, numberTo, value, computed: !typed });
      outer = new Map();
    }

    const inner = new Map<EnumerationKind, Sequence>();
    for (const marker of findEnumerationMarkers(text)) {
      const member: SequenceMember = { block, from: marker.from, to: marker.to, numberFrom: marker.numberFrom, numberTo: marker.numberTo, value: marker.value, computed: false };
      const kind: SequenceKind = { type: 'enumeration', kind: marker.kind };
      let sequence: Sequence;
      if (marker.atStart) {
        const current = outer.get(marker.kind);
        sequence = current && marker.value !== 1 ? current : open(kind);
        outer.set(marker.kind, sequence);
      } else {
        const nested = inner.get(marker.kind);
        const paragraphRun = outer.get(marker.kind);
        if (nested && marker.value !== 1) sequence = nested;
        else if (!nested && marker.value !== 1 && paragraphRun && marker.value >= lastValue(paragraphRun)) sequence = paragraphRun;
        else {
          sequence = open(kind);
          inner.set(marker.kind, sequence);
        }
      }
      sequence.members.push(member);
    }
  }
  return sequences.filter((s) => s.members.length > 0);
}
