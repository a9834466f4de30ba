/**
 * The one shape every structure function reads: a draft as a list of paragraphs. The editor builds it
 * from the document (one entry per top-level block), the tests and the plain-text check from lines.
 */
import type { SectionLevel } from './levels';

export interface StructureBlock {
  /** The paragraph's text; for a section heading, its title without the number. */
  text: string;
  /** Set for a section heading node: its level and the number it currently shows. */
  section?: { level: SectionLevel; value: number };
}

/** Splits plain text into one block per line and remembers where each line starts. */
export function linesToBlocks(text: string): { blocks: StructureBlock[]; lineStarts: number[] } {
  const blocks: StructureBlock[] = [];
  const lineStarts: number[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    lineStarts.push(start);
    blocks.push({ text: line.endsWith('\r') ? line.slice(0, -1) : line });
    start += line.length + 1;
  }
  return { blocks, lineStarts };
}
