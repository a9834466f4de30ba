/**
 * The text of a document file the writer picks: Word (.docx) or plain text (UTF-8 or GBK). Its title is
 * the Word document's own (a centred first line), else the file name.
 */
import { decodeTextFile } from './textFile';
import { readWordDocument } from './wordImport';

export const DOCUMENT_FILE_ACCEPT = '.txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface ReadDocument { title: string; text: string; format: 'Word' | 'UTF-8' | 'GBK' }

export async function readDocumentFile(name: string, bytes: Uint8Array): Promise<ReadDocument> {
  const fileTitle = name.replace(/\.[^.]+$/, '');
  if (/\.docx?$/i.test(name)) {
    const { title, text } = await readWordDocument(bytes);
    return { title: title ?? fileTitle, text, format: 'Word' };
  }
  const { text, encoding } = decodeTextFile(bytes);
  return { title: fileTitle, text, format: encoding };
}
