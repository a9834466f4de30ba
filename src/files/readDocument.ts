/** The text of a document file the writer picks: Word (.docx) or plain text (UTF-8 or GBK). */
import { decodeTextFile } from './textFile';
import { readWordText } from './wordImport';

export const DOCUMENT_FILE_ACCEPT = '.txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface ReadDocument { title: string; text: string; format: 'Word' | 'UTF-8' | 'GBK' }

export async function readDocumentFile(name: string, bytes: Uint8Array): Promise<ReadDocument> {
  const title = name.replace(/\.[^.]+$/, '');
  if (/\.docx?$/i.test(name)) return { title, text: await readWordText(bytes), format: 'Word' };
  const { text, encoding } = decodeTextFile(bytes);
  return { title, text, format: encoding };
}
