/**
 * Reads archive files in a small pool of Web Workers (archiveReadWorker.ts): mammoth, decoding and the
 * shingle fingerprint run off the main thread, two files at a time. Where workers cannot start, files are
 * read on the main thread instead. The reader's result is what state/ownDocuments.ts' import expects.
 */
import { fingerprintText } from '../archive/duplicates';
import { ImportRefusal, type ImportCandidate, type SkipKind } from '../archive/types';
import { readArchiveFile, type ArchiveFileSource } from './archiveImport';

export interface ReadRequest { id: number; path: string; size: number; lastModified: number; bytes: ArrayBuffer }
export type ReadResponse =
  | { id: number; ok: true; candidate: ImportCandidate; fingerprint: { hash: string; signature: number[]; shingles: number[] } }
  | { id: number; ok: false; kind: SkipKind; message: string };

export interface ReadFile extends ImportCandidate {
  fingerprint: { hash: string; signature: number[]; shingles: Set<number> };
}

/** Workers in the pool: the machine's cores less one for the page, at least one, at most two. */
const POOL_SIZE = Math.max(1, Math.min(2, (globalThis.navigator?.hardwareConcurrency ?? 2) - 1));

export interface ArchiveReader {
  read(source: ArchiveFileSource): Promise<ReadFile>;
  /** Files worth reading ahead, so the pool stays busy. */
  readonly parallel: number;
  close(): void;
}

async function readHere(source: ArchiveFileSource): Promise<ReadFile> {
  const candidate = await readArchiveFile(source);
  return { ...candidate, fingerprint: await fingerprintText(candidate.text) };
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
      if (r.ok) w.resolve({ ...r.candidate, fingerprint: { ...r.fingerprint, shingles: new Set(r.fingerprint.shingles) } });
      else w.reject(new ImportRefusal(r.kind, r.message));
    };
  }
  return {
    parallel: workers.length * 2,
    async read(source) {
      if (source.size > 0 && source.size <= 64 * 1024 * 1024) {
        let bytes: Uint8Array;
        try {
          bytes = await source.bytes();
        } catch {
          throw new ImportRefusal('unreadable', '无法读取文件（可能已被移动或无权限）。');
        }
        const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
        const id = nextId++;
        const worker = workers[turn++ % workers.length];
        return new Promise<ReadFile>((resolve, reject) => {
          waiting.set(id, { resolve, reject });
          worker.postMessage({ id, path: source.path, size: source.size, lastModified: source.lastModified, bytes: buffer } satisfies ReadRequest, [buffer]);
        });
      }
      return readHere(source);
    },
    close() {
      for (const w of workers) w.terminate();
      for (const w of waiting.values()) w.reject(new ImportRefusal('failed', '导入已停止。'));
      waiting.clear();
    },
  };
}
