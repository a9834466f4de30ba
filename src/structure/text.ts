/**
 * Plain text to structure and back: the format of template bodies, of pasted text and of exports. One
 * paragraph per line; a line that opens with 一、（一）1.（1） is a section heading of that level (its typed
 * number is dropped, the editor computes it). Pure.
 */
import { recognizeSectionMarker, type SectionLevel } from './levels';

export type StructuredLine = { kind: 'section'; level: SectionLevel; text: string } | { kind: 'paragraph'; text: string };

/** Parses text into headings and paragraphs; blank lines are dropped, trailing spaces trimmed. */
export function parseStructuredText(text: string): StructuredLine[] {
  const lines: StructuredLine[] = [];
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.trimEnd();
    if (line.trim() === '') continue;
    const marker = recognizeSectionMarker(line);
    if (marker) lines.push({ kind: 'section', level: marker.level, text: line.slice(marker.length) });
    else lines.push({ kind: 'paragraph', text: line });
  }
  return lines;
}

/** True when at least one line of `text` would become a section heading. */
export function hasSectionLines(text: string): boolean {
  return parseStructuredText(text).some((line) => line.kind === 'section');
}
