/**
 * Files the writer hands the archive, as import sources: a picker's or a folder input's FileList (with
 * `webkitRelativePath`), or a drop (DataTransferItem.webkitGetAsEntry, folders walked recursively).
 */
import type { ArchiveFileSource } from '../../files/archiveImport';

/**
 * A picked or dropped file as an import source. Its size and date are read only when asked for: for the
 * files of a folder input each is a round trip to the file system, which the reading worker makes instead.
 */
export function fileSource(file: File, path = file.webkitRelativePath || file.name): ArchiveFileSource {
  return {
    path,
    get size() { return file.size; },
    get lastModified() { return file.lastModified; },
    bytes: async () => new Uint8Array(await file.arrayBuffer()),
    blob: file,
  };
}

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

async function walk(entry: FileSystemEntry, out: ArchiveFileSource[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push(fileSource(file, entry.fullPath.replace(/^\//, '')));
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries returns at most 100 entries per call: read until it returns none.
  for (let batch = await readEntries(reader); batch.length; batch = await readEntries(reader)) {
    for (const child of batch) await walk(child, out);
  }
}

/** The files of a drop, folders included; entries are taken synchronously, before the event ends. */
export async function droppedSources(data: DataTransfer): Promise<ArchiveFileSource[]> {
  const items = [...data.items].filter((item) => item.kind === 'file');
  const entries = items.map((item) => item.webkitGetAsEntry?.() ?? null);
  const plainFiles = items.map((item) => item.getAsFile());
  const out: ArchiveFileSource[] = [];
  for (let i = 0; i < items.length; i++) {
    const entry = entries[i];
    if (entry) await walk(entry, out);
    else if (plainFiles[i]) out.push(fileSource(plainFiles[i]!));
  }
  if (!items.length) for (const file of data.files) out.push(fileSource(file));
  return out;
}

/** Whether a drag carries files (not text from the page). */
export function dragHasFiles(data: DataTransfer | null): boolean {
  return !!data && [...data.types].includes('Files');
}
