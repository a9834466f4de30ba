/**
 * Plain text (a .txt file, the text of a Word document) → the editor's document: one paragraph per
 * line, and lines that open with 一、（一）1.（1） become numbered section headings (their typed numbers
 * are recomputed by the editor). Leading indentation (全角空格, tabs) is dropped: the page indents.
 */
import { SECTION_HEADING, type DocJSON } from '../document/schema';
import { parseStructuredText } from '../structure';

export function structuredTextToDoc(text: string): DocJSON {
  const content = parseStructuredText(text).map((line) => {
    const body = line.text.trim();
    const inline = body ? [{ type: 'text', text: body }] : undefined;
    return line.kind === 'section'
      ? { type: SECTION_HEADING, attrs: { level: line.level }, ...(inline ? { content: inline } : {}) }
      : { type: 'paragraph', ...(inline ? { content: inline } : {}) };
  });
  return { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] };
}
