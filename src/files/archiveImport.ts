/**
 * One file of an archive import → an `ImportCandidate`: read (readDocument.ts), refused when empty or
 * too large, its title (the document's own, else its first short line, else the file name) and its date
 * (from the text, else the file's). Duplicates are checked later, against everything (state/ownDocuments.ts).
 */
import { detectDate } from '../archive/dates';
import { ImportRefusal, type ImportCandidate } from '../archive/types';
import { readDocumentFile } from './readDocument';

/** Largest file an archive import reads (bytes): a speech is far smaller; a bigger file is likely not one. */
export const MAX_ARCHIVE_FILE_BYTES = 20 * 1024 * 1024;
/** A first line up to this long (characters) is taken for a text file's title. */
const TITLE_LINE_CHARS = 40;

export interface ArchiveFileSource {
  /** The path inside the chosen folder ('县委/2023/讲话.docx'), or the name. */
  path: string;
  size: number;
  lastModified: number;
  bytes(): Promise<Uint8Array>;
  /** The file itself when there is one: a worker reads it without the page copying its bytes. */
  blob?: Blob;
}

/** The folder part of a relative path ('县委/2023/讲话.docx' → '县委/2023'; '' for a bare name). */
export function folderOf(path: string): string {
  const parts = path.split(/[\\/]/).filter(Boolean);
  parts.pop();
  return parts.join('/');
}

export async function readArchiveFile(source: ArchiveFileSource): Promise<ImportCandidate> {
  const name = source.path.replace(/^.*[\\/]/, '');
  if (source.size > MAX_ARCHIVE_FILE_BYTES) {
    throw new ImportRefusal('too-large', `文件过大（${(source.size / 1048576).toFixed(1)} MB，上限 ${MAX_ARCHIVE_FILE_BYTES / 1048576} MB）。`);
  }
  if (source.size === 0) throw new ImportRefusal('empty', '文件是空的。');
  let bytes: Uint8Array;
  try {
    bytes = await source.bytes();
  } catch {
    throw new ImportRefusal('unreadable', '无法读取文件（可能已被移动或无权限）。');
  }
  const read = await readDocumentFile(name, bytes);
  const text = read.text.replace(/\r\n?/g, '\n').replace(/^\ufeff/, '').trim();
  if (!text.replace(/[\s\u3000]/g, '')) throw new ImportRefusal('empty', '文件里没有文字（为空或只有空白）。');
  const fileTitle = name.replace(/\.[^.]+$/, '');
  let title = read.title;
  if (read.format !== 'Word' || title === fileTitle) {
    const first = text.split('\n', 1)[0].trim();
    if (first && first.length <= TITLE_LINE_CHARS && !/[。；：:]$/.test(first)) title = first;
  }
  const { date, year } = detectDate(text, source.lastModified);
  return { title: title || fileTitle, text, sourceName: name, folder: folderOf(source.path), date, year };
}
