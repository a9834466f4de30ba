/**
 * The writer's archive (我的文稿) as a zustand store over src/storage/userDocuments.ts: the list, the
 * import of many files at once (progress, cancel, duplicates against everything already there, writes
 * batched so that the editor stays usable), editing, switching on and off per document or folder,
 * removal with undo, the 学习材料 mark, the storage used. After a change the index rebuilds in the worker
 * (state/phraseIndex.ts) when own documents are on.
 *
 * Files are read by a function the caller passes (src/files/archiveImport.ts from the UI): this layer
 * does not import files/.
 */
import { create } from 'zustand';
import { DuplicateIndex, fingerprintText } from '../archive/duplicates';
import { importSummary } from '../archive/summary';
import { ImportRefusal, type ArchiveDocument, type ImportCandidate, type SkipKind } from '../archive/types';
import { openJianggaoDB } from '../storage/db';
import type { UserDocumentRecord } from '../storage/records';
import {
  addUserDocuments, deleteUserDocuments, listUserDocuments, OWN_DOCUMENTS_PACK, putUserDocuments, updateUserDocuments, type UserDocumentPatch,
} from '../storage/userDocuments';
import { rebuild } from './phraseIndex';
import { useSettings } from './settings';

export { OWN_DOCUMENTS_PACK } from '../storage/userDocuments';
export type { UserDocumentRecord } from '../storage/records';
export type { UserDocumentPatch } from '../storage/userDocuments';

/** Documents written per transaction during an import: few enough that each write is short. */
export const IMPORT_BATCH_DOCUMENTS = 25;
/** The import's progress is shown at most this often (ms): a re-render per file would cost the editor. */
export const PROGRESS_INTERVAL_MS = 100;

export interface NewOwnDocument { title: string; text: string }

/** A file read for the import, with its fingerprint when the reader computed it. */
export type ReadCandidate = ImportCandidate & { fingerprint?: { hash: string; signature: number[] } };

export interface ImportProgress { phase: 'reading' | 'indexing'; done: number; total: number }
export interface SkippedFile { path: string; kind: SkipKind; reason: string }
export interface ImportReport { added: number; skipped: SkippedFile[]; cancelled: boolean; summary: string }
export interface ImportOptions {
  /** Files read ahead of the checks (the reader's pool size times its queue). */
  parallel?: number;
  /** Called once no more reads are wanted (all done, or cancelled): the reader can stop its workers. */
  readingDone?: () => void;
}

interface OwnDocumentsState {
  documents: UserDocumentRecord[];
  loaded: boolean;
  progress: ImportProgress | null;
  lastReport: ImportReport | null;
  /** The documents of the last removal, for 撤销. */
  lastRemoved: UserDocumentRecord[];
  storage: { usage: number; quota: number } | null;
  reload(): Promise<void>;
  /**
   * Reads, checks and stores `sources` with `read` (which may bring the text's fingerprint, computed off
   * the main thread); up to `parallel` files are read ahead. Resolves with what was added and skipped.
   */
  importFiles<S extends { path: string }>(sources: readonly S[], read: (source: S) => Promise<ReadCandidate>, options?: ImportOptions): Promise<ImportReport>;
  /** Stops a running import at the next file; what was read and checked is stored, and stays. */
  cancelImport(): void;
  /** Adds texts that are not files (the open draft); duplicates skipped like an import's. */
  add(documents: readonly NewOwnDocument[]): Promise<ImportReport>;
  update(ids: readonly string[], patch: UserDocumentPatch): Promise<void>;
  setFolderEnabled(folder: string, enabled: boolean): Promise<void>;
  remove(ids: readonly string[]): Promise<void>;
  undoRemove(): Promise<void>;
  refreshStorage(): Promise<void>;
}

/** The 学习材料 among the writer's documents (for quotation checks). */
export function studyDocuments(documents: readonly UserDocumentRecord[] = useOwnDocuments.getState().documents): UserDocumentRecord[] {
  return documents.filter((d) => d.study);
}

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const ownDocumentsOn = () => !useSettings.getState().disabledPacks.includes(OWN_DOCUMENTS_PACK);

export const useOwnDocuments = create<OwnDocumentsState>((set, get) => {
  let cancelRequested = false;
  let running: Promise<unknown> = Promise.resolve();

  async function changed(reindex = true): Promise<void> {
    await get().reload();
    void get().refreshStorage();
    if (reindex && ownDocumentsOn()) void rebuild();
  }

  /**
   * Checks candidates against what is stored and each other, writes them in batches; one import at a time.
   * Reads run ahead by up to `parallel` files (in workers); the checks run in file order on the page, each
   * a few band lookups (DuplicateIndex); writes go one transaction per batch, chained behind the reads;
   * the progress is set at most every PROGRESS_INTERVAL_MS. On cancel, what was read and checked is
   * written whole, then the list reloads and the index rebuilds once from what is stored.
   */
  async function store<S>(items: readonly S[], path: (item: S) => string, read: (item: S) => Promise<ReadCandidate>, { parallel = 1, readingDone }: ImportOptions = {}): Promise<ImportReport> {
    const db = await openJianggaoDB();
    const known = new DuplicateIndex((await listUserDocuments(db)).map((d) => ({ hash: d.hash, signature: d.signature, text: d.text, title: d.title })));
    const skipped: SkippedFile[] = [];
    let batch: ArchiveDocument[] = [];
    let added = 0;
    let writes: Promise<void> = Promise.resolve();
    cancelRequested = false;
    set({ progress: { phase: 'reading', done: 0, total: items.length }, lastReport: null });
    const flush = () => {
      if (!batch.length) return;
      const writing = batch;
      batch = [];
      writes = writes.then(async () => {
        try {
          await addUserDocuments(db, writing);
          added += writing.length;
        } catch (error) {
          const reason = `保存失败：${error instanceof Error ? error.message : String(error)}`;
          for (const d of writing) skipped.push({ path: d.folder ? `${d.folder}/${d.sourceName}` : d.sourceName, kind: 'failed', reason });
        }
      });
    };
    let done = 0;
    let shownAt = 0;
    const reads: Promise<ReadCandidate>[] = [];
    const startRead = (i: number) => {
      if (i < items.length && !reads[i]) {
        reads[i] = read(items[i]);
        reads[i].catch(() => undefined);
      }
    };
    for (const [i, item] of items.entries()) {
      if (cancelRequested) break;
      for (let k = i; k < i + Math.max(1, parallel); k++) startRead(k);
      try {
        const { fingerprint, ...candidate } = await reads[i];
        if (cancelRequested) break;
        const fp = fingerprint ?? await fingerprintText(candidate.text);
        const dup = known.find({ hash: fp.hash, signature: fp.signature, text: candidate.text });
        if (dup) {
          skipped.push({ path: path(item), kind: dup.kind, reason: `与「${dup.of.title}」${dup.kind === 'duplicate' ? '内容相同' : '几乎相同'}` });
        } else {
          batch.push({ ...candidate, enabled: true, study: false, hash: fp.hash, signature: fp.signature });
          known.add({ hash: fp.hash, signature: fp.signature, text: candidate.text, title: candidate.title });
        }
      } catch (error) {
        const kind = error instanceof ImportRefusal ? error.kind : 'unreadable';
        skipped.push({ path: path(item), kind, reason: error instanceof Error ? error.message : String(error) });
      }
      done++;
      if (batch.length >= IMPORT_BATCH_DOCUMENTS) flush();
      const now = performance.now();
      if (now - shownAt >= PROGRESS_INTERVAL_MS) {
        shownAt = now;
        set({ progress: { phase: 'reading', done, total: items.length } });
      }
      await yieldToPage();
    }
    readingDone?.();
    flush();
    await writes;
    const cancelled = cancelRequested;
    set({ progress: { phase: added && ownDocumentsOn() ? 'indexing' : 'reading', done, total: items.length } });
    await get().reload();
    void get().refreshStorage();
    if (added && ownDocumentsOn()) await rebuild();
    const report: ImportReport = { added, skipped, cancelled, summary: importSummary(added, skipped, cancelled) };
    set({ progress: null, lastReport: report });
    return report;
  }

  function serially<T>(job: () => Promise<T>): Promise<T> {
    const next = running.then(job, job);
    running = next.catch(() => undefined);
    return next;
  }

  return {
    documents: [],
    loaded: false,
    progress: null,
    lastReport: null,
    lastRemoved: [],
    storage: null,
    async reload() {
      set({ documents: await listUserDocuments(await openJianggaoDB()), loaded: true });
    },
    importFiles(sources, read, options) {
      return serially(() => store(sources, (s) => s.path, read, options));
    },
    cancelImport() {
      cancelRequested = true;
    },
    add(documents) {
      const now = Date.now();
      return serially(() => store(documents, (d) => d.title, async (d) => {
        if (!d.text.trim()) throw new ImportRefusal('empty', '内容为空。');
        const year = new Date(now).getFullYear();
        const month = String(new Date(now).getMonth() + 1).padStart(2, '0');
        return { title: d.title, text: d.text, sourceName: '', folder: '', date: `${year}-${month}`, year };
      }));
    },
    async update(ids, patch) {
      // Shown at once (a switch must not spring back while the write runs); the reload confirms it.
      const changing = new Set(ids);
      const { title, ...rest } = patch;
      set({ documents: get().documents.map((d) => (changing.has(d.id) ? { ...d, ...rest, ...(title?.trim() ? { title } : {}) } : d)) });
      await updateUserDocuments(await openJianggaoDB(), ids, patch);
      const reindex = patch.enabled !== undefined || patch.year !== undefined || patch.title !== undefined;
      await changed(reindex);
    },
    async setFolderEnabled(folder, enabled) {
      const ids = get().documents.filter((d) => d.folder === folder && d.enabled !== enabled).map((d) => d.id);
      if (ids.length) await get().update(ids, { enabled });
    },
    async remove(ids) {
      const removed = await deleteUserDocuments(await openJianggaoDB(), ids);
      set({ lastRemoved: removed });
      await changed();
    },
    async undoRemove() {
      const records = get().lastRemoved;
      if (!records.length) return;
      await putUserDocuments(await openJianggaoDB(), records);
      set({ lastRemoved: [] });
      await changed();
    },
    async refreshStorage() {
      const estimate = await globalThis.navigator?.storage?.estimate?.().catch(() => null);
      set({ storage: estimate ? { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0 } : null });
    },
  };
});
