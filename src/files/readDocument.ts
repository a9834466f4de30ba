/**
 * The text of a document file the writer picks: Word (.docx), plain text (UTF-8, UTF-16 or GBK) or
 * Markdown (.md, its markup dropped). Its title is the Word document's own (a centred first line), else
 * the file name. Formats that cannot be read (.doc, .wps, PDF, images) are refused with a Chinese reason
 * (an `ImportRefusal`, whose kind the import summary counts).
 */
import { ImportRefusal } from '../archive/types';
import { decodeTextFile, type TextEncodingName } from './textFile';
import { readWordDocument } from './wordImport';

export const DOCUMENT_FILE_ACCEPT = '.txt,.docx,.md,text/plain,text/markdown,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface ReadDocument { title: string; text: string; format: 'Word' | 'Markdown' | TextEncodingName }

const REFUSED: { pattern: RegExp; reason: string }[] = [
  { pattern: /\.(doc|dot)$/i, reason: '这是旧版 Word（.doc）文件，请在 Word 中另存为 .docx 后再导入。' },
  { pattern: /\.(wps|wpt)$/i, reason: '这是 WPS（.wps）文件，请在 WPS 中另存为 .docx 后再导入。' },
  { pattern: /\.pdf$/i, reason: 'PDF 文件无法导入，请改用 Word（.docx）或文本文件。' },
  { pattern: /\.(png|jpe?g|gif|bmp|tiff?|webp|heic)$/i, reason: '图片文件无法导入，请改用 Word（.docx）或文本文件。' },
];

/** Markdown → plain text: headings' #, emphasis marks, list bullets and link targets dropped. */
export function markdownToText(md: string): string {
  return md
    .replace(/^```[^\n]*\n?/gm, '')
    .replace(/^\s{0,3}#{1,6}\s+/gm, '')
    .replace(/^\s{0,3}>\s?/gm, '')
    .replace(/^[ \t]*[-*+][ \t]+/gm, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|_|`)(?=\S)([^\n]*?\S)\1/g, '$2');
}

export async function readDocumentFile(name: string, bytes: Uint8Array): Promise<ReadDocument> {
  const fileTitle = name.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  for (const r of REFUSED) if (r.pattern.test(name)) throw new ImportRefusal('unsupported', r.reason);
  if (/\.docx$/i.test(name)) {
    try {
      const { title, text } = await readWordDocument(bytes);
      return { title: title ?? fileTitle, text, format: 'Word' };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new ImportRefusal(/过大/.test(message) ? 'too-large' : /已损坏/.test(message) ? 'unreadable' : 'unsupported', message);
    }
  }
  const { text, encoding } = decodeTextFile(bytes);
  if (/\.(md|markdown)$/i.test(name)) return { title: fileTitle, text: markdownToText(text), format: 'Markdown' };
  return { title: fileTitle, text, format: encoding };
}
