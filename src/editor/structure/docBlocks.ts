/**
 * The bridge from the ProseMirror document to the pure structure module: the document's textblocks as
 * `StructureBlock`s (with the position of each block's first character, so a finding's offsets become
 * document positions), and the top-level blocks as levels for section moves.
 * Inline nodes that are not text count as one character (U+FFFC), so offsets map one to one.
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import { SECTION_HEADING } from '../../document/schema';
import { computeSectionNumbers, isSectionLevel, type SectionLevel, type StructureBlock } from '../../structure';

export interface DocTextblocks {
  blocks: StructureBlock[];
  /** Document position of each block's first character. */
  starts: number[];
}

function levelOf(node: PMNode): SectionLevel | null {
  return node.type.name === SECTION_HEADING && isSectionLevel(node.attrs.level) ? node.attrs.level : null;
}

function textOf(node: PMNode): string {
  let text = '';
  node.forEach((child) => {
    text += child.isText ? child.text ?? '' : '\uFFFC'.repeat(child.nodeSize);
  });
  return text;
}

/** Every textblock in document order, section headings with the number they show. */
export function docTextblocks(doc: PMNode): DocTextblocks {
  const blocks: StructureBlock[] = [];
  const starts: number[] = [];
  const levels: Array<SectionLevel | null> = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    blocks.push({ text: textOf(node) });
    starts.push(pos + 1);
    levels.push(levelOf(node));
    return false;
  });
  computeSectionNumbers(levels).forEach((value, i) => {
    const level = levels[i];
    if (level && value !== null) blocks[i].section = { level, value };
  });
  return { blocks, starts };
}

/** The top-level blocks: each one's level (null for a non-heading) and start position; `end` is the content size. */
export function topLevelBlocks(doc: PMNode): { levels: Array<SectionLevel | null>; starts: number[]; end: number } {
  const levels: Array<SectionLevel | null> = [];
  const starts: number[] = [];
  doc.forEach((node, offset) => {
    levels.push(levelOf(node));
    starts.push(offset);
  });
  return { levels, starts, end: doc.content.size };
}

/**
 * The selected blocks as a template body: one line per textblock, a heading written with its number so
 * that it comes back at its level. An empty selection gives the whole document.
 */
export function selectionAsTemplateBody(doc: PMNode, from: number, to: number): string {
  const [start, end] = from === to ? [0, doc.content.size] : [from, to];
  const lines: string[] = [];
  doc.nodesBetween(start, end, (node, pos) => {
    if (!node.isTextblock) return true;
    const text = node.textBetween(Math.max(0, start - pos - 1), Math.min(node.content.size, end - pos - 1), '', '');
    const number = node.type.name === SECTION_HEADING ? String(node.attrs.number ?? '') : '';
    lines.push(number + text);
    return false;
  });
  return lines.join('\n').replace(/^\n+|\n+$/g, '');
}
