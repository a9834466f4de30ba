/**
 * Reads a Word document (.docx) with `mammoth` (loaded only when needed): its text, one paragraph per
 * line, and its title when the document opens with one — a centred first paragraph or one in the Title
 * style, as speeches are laid out. A file that is not a .docx (an old .doc, a renamed file) is refused
 * with a Chinese message.
 */
export const MAX_WORD_FILE_BYTES = 30 * 1024 * 1024;
/** Longest first paragraph still taken for a title, in characters. */
export const MAX_TITLE_CHARS = 80;

export interface WordDocument {
  /** The centred first paragraph, or null when the document does not open with a title. */
  title: string | null;
  /** The text after the title. */
  text: string;
}

/** The part of mammoth's document model read here (mammoth/lib/documents.js). */
interface MammothElement { type: string; value?: string; alignment?: string | null; styleName?: string | null; children?: MammothElement[] }

/** Raw text as mammoth's extractRawText writes it: a tab for a tab, a blank line after each paragraph. */
function rawText(element: MammothElement): string {
  if (element.type === 'text') return element.value ?? '';
  if (element.type === 'tab') return '\t';
  return (element.children ?? []).map(rawText).join('') + (element.type === 'paragraph' ? '\n\n' : '');
}

function isTitleParagraph(element: MammothElement, text: string): boolean {
  if (element.type !== 'paragraph' || text.length > MAX_TITLE_CHARS) return false;
  return element.alignment === 'center' || /^(title|标题)$/i.test(element.styleName ?? '');
}

export async function readWordDocument(bytes: Uint8Array): Promise<WordDocument> {
  if (bytes.length > MAX_WORD_FILE_BYTES) throw new Error(`文件过大（${(bytes.length / 1048576).toFixed(1)} MB），请拆分后再导入。`);
  // A .docx is a zip archive: it starts with "PK". An old binary .doc starts with D0 CF 11 E0.
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf) throw new Error('这是旧版 Word（.doc）文件，请在 Word 中另存为 .docx 后再导入。');
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new Error('这不是 Word（.docx）文件，无法导入。');
  const mammoth = await import('mammoth');
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  // mammoth's browser build reads `arrayBuffer`; its Node build (the unit tests) reads `buffer`.
  const NodeBuffer = (globalThis as { Buffer?: { from(data: ArrayBuffer): unknown } }).Buffer;
  const input = NodeBuffer ? { buffer: NodeBuffer.from(arrayBuffer) } : { arrayBuffer };
  let body: MammothElement[] = [];
  try {
    // mammoth's raw-text reader drops paragraph alignment; its document model keeps it. The model is
    // taken here and an empty document handed on, so no HTML is built.
    await mammoth.convertToHtml(input as { arrayBuffer: ArrayBuffer }, {
      transformDocument: (document: MammothElement) => {
        body = document.children ?? [];
        return { ...document, children: [] };
      },
    });
  } catch {
    throw new Error('Word 文件已损坏，无法读取其中的文字。');
  }
  const texts = body.map(rawText);
  const first = texts.findIndex((text) => text.trim() !== '');
  let title: string | null = null;
  if (first >= 0 && isTitleParagraph(body[first], texts[first].trim())) {
    title = texts[first].trim();
    texts.splice(0, first + 1);
  }
  return { title, text: texts.join('').replace(/\n{2,}/g, '\n') };
}
