/**
 * Reads archive files in a small pool of Web Workers (archiveReadWorker.ts): the file's bytes, mammoth,
 * decoding and the fingerprint (hash, MinHash signature) never touch the main thread — a source that
 * has its File hands the worker that handle, not a copy. Where workers cannot start, files are read on
 * the main thread instead. The reader's result is what state/ownDocuments.ts' import expects.
 */
import { contentHash, minHashSignature, shingleHashes } from '../archive/duplicates';
import { ImportRefusal, type ImportCandidate, type SkipKind } from '../archive/types';
import { MAX_ARCHIVE_FILE_BYTES, readArchiveFile, type ArchiveFileSource } from './archiveImport';

/** One file to read: a Blob (a File: the worker takes its size and date from it) or bytes with theirs. */
export type ReadRequest = { id: number; path: string } & ({ file: Blob } | { file: ArrayBuffer; size: number; lastModified: number });
export type ReadResponse =
  | { id: number; ok: true; candidate: ImportCandidate; fingerprint: { hash: string; signature: number[] } }
  | { id: number; ok: false; kind: SkipKind; message: string };

export interface ReadFile extends ImportCandidate {
  fingerprint: { hash: string; signature: number[] };
}

/** Workers in the pool: the machine's cores less one for the page, at least one, at most two. */
const POOL_SIZE = Math.max(1, Math.min(2, (globalThis.navigator?.hardwareConcurrency ?? 2) - 1));
/** Files queued in each worker, so that it never waits for the page between two files. */
const QUEUED_PER_WORKER = 3;

export interface ArchiveReader {
  read(source: ArchiveFileSource): Promise<ReadFile>;
  /** Files worth reading ahead, so the pool stays busy. */
  readonly parallel: number;
  close(): void;
}

async function readHere(source: ArchiveFileSource): Promise<ReadFile> {
  const candidate = await readArchiveFile(source);
  const signature = minHashSignature(shingleHashes(candidate.text));
  return { ...candidate, fingerprint: { hash: await contentHash(candidate.text), signature } };
}

export function createArchiveReader(): ArchiveReader {
  let workers: Worker[] = [];
  try {
    workers = Array.from({ length: POOL_SIZE }, () => new Worker(new URL('./archiveReadWorker.ts', import.meta.url), { type: 'module' }));
  } catch {
    workers = [];
  }
  if (!workers.length) return { read: readHere, parallel: 1, close() {} };
  const waiting = new Map<number, { resolve(r: ReadFile): void; reject(e: unknown): void }>();
  let nextId = 1;
  let turn = 0;
  for (const worker of workers) {
    worker.onmessage = (e: MessageEvent<ReadResponse>) => {
      const r = e.data;
      const w = waiting.get(r.id);
      if (!w) return;
      waiting.delete(r.id);
      if (r.ok) w.resolve({ ...r.candidate, fingerprint: r.fingerprint });
      else w.reject(new ImportRefusal(r.kind, r.message));
    };
  }
  return {
    parallel: workers.length * QUEUED_PER_WORKER,
    async read(source) {
      const id = nextId++;
      let request: ReadRequest;
      if (source.blob) {
        request = { id, path: source.path, file: source.blob };
      } else {
        // Refusals by size need no worker.
        if (source.size === 0 || source.size > MAX_ARCHIVE_FILE_BYTES) return readHere(source);
        let bytes: Uint8Array;
        try {
          bytes = await source.bytes();
        } catch {
          throw new ImportRefusal('unreadable', '无法读取文件（可能已被移动或无权限）。');
        }
        const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
        request = { id, path: source.path, file, size: source.size, lastModified: source.lastModified };
      }
      const worker = workers[turn++ % workers.length];
      return new Promise<ReadFile>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage(request, request.file instanceof ArrayBuffer ? [request.file] : []);
      });
    },
    close() {
      for (const w of workers) w.terminate();
      for (const w of waiting.values()) w.reject(new ImportRefusal('failed', '导入已停止。'));
      waiting.clear();
    },
  };
}
