/**
 * The main-thread client of the phrase worker. Owns request ids, the promises waiting for answers, and
 * the rule that a newer `suggest` supersedes an older one: the older promise resolves `null` at once and
 * its late answer is dropped, never drawn. While no index is ready (before the first build or load
 * finishes, or during a build in this worker) `suggest` resolves `[]` without asking; during a `load` the
 * index it replaces still answers. No DOM beyond the Worker interface.
 */
import type { CheckDocMeta, CheckFinding } from '../checks/types';
import type { Formulation, LibraryQuery } from '../checks/library';
import type { CheckConfig, CheckRequestOptions, IndexStats, PhraseRequest, PhraseResponse } from './protocol';
import type { PhraseDocument, SuggestOptions, Suggestion } from './types';

export type { CheckConfig, CheckRequestOptions, IndexStats } from './protocol';

/** A check's findings and the time it took in the worker (ms). */
export interface CheckResult {
  findings: CheckFinding[];
  ms: number;
}

/** A build's figures, with the index as a file when one was asked for (`fileKey`). */
export interface BuildResult extends IndexStats { file?: ArrayBuffer }
/** A load's outcome: the index is in use, or the file was refused (and the worker kept what it had). */
export type LoadResult = { ok: true; stats: IndexStats } | { ok: false; reason: string };

/** The part of `Worker` the client uses; tests pass a fake. */
export interface WorkerLike {
  postMessage(message: PhraseRequest, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: { data: PhraseResponse }) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: PhraseResponse }) => void): void;
  terminate(): void;
}

/** The engine as the editor sees it. */
export interface PhraseClient {
  /**
   * Builds the index in the worker; a later build replaces the earlier. With `fileKey`, also returns it as a
   * file; with `fileOnly` too, only the file (the worker keeps answering with the index it had).
   */
  build(docs: PhraseDocument[], options?: { meta?: CheckDocMeta[]; fileKey?: string; fileOnly?: boolean }): Promise<BuildResult>;
  /**
   * Hands `buffer` (transferred, no copy) to the worker, which uses it if it is a valid index file for `key`
   * (`meta`: the documents' titles and years for the checks). The index it had answers until then.
   */
  load(buffer: ArrayBuffer, key: string, meta?: CheckDocMeta[]): Promise<LoadResult>;
  /**
   * Uses the index file the worker read at its start (the newest cached one, checked and read while the page
   * computed `key`) if it is a valid one for `key` (answered as `load`); the worker drops it either way.
   */
  use(key: string, meta?: CheckDocMeta[]): Promise<LoadResult>;
  /** Suggestions for the text before the cursor; `null` when a newer call superseded this one. */
  suggest(textBeforeCursor: string, options?: SuggestOptions): Promise<Suggestion[] | null>;
  /** Sets what the checks need besides the index (document years, office rules, 学习材料). */
  configureChecks(config: CheckConfig): void;
  /** Checks the whole draft text in the worker; `null` when a newer check superseded this one. */
  check(text: string, options: CheckRequestOptions): Promise<CheckResult | null>;
  /** The 提法库's formulations matching `query` (built in the worker on first use). */
  library(query: LibraryQuery): Promise<{ formulations: Formulation[]; total: number }>;
  /** Stops the worker; pending calls resolve `null` (suggest) or reject (build). */
  dispose(): void;
}

function createDefaultWorker(): WorkerLike {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
}

/** A client talking to `worker` (by default a new module worker running `worker.ts`). */
export function createPhraseClient(worker: WorkerLike = createDefaultWorker()): PhraseClient {
  let nextId = 1;
  let buildsInFlight = 0;
  let ready = false;
  let disposed = false;
  const builds = new Map<number, { resolve: (s: BuildResult) => void; reject: (e: Error) => void; fileOnly: boolean }>();
  const loads = new Map<number, { resolve: (r: LoadResult) => void; reject: (e: Error) => void }>();
  let pendingQuery: { id: number; resolve: (s: Suggestion[] | null) => void } | null = null;
  let pendingCheck: { id: number; resolve: (r: CheckResult | null) => void; reject: (e: Error) => void } | null = null;
  const libraries = new Map<number, { resolve: (r: { formulations: Formulation[]; total: number }) => void; reject: (e: Error) => void }>();

  const onMessage = (event: { data: PhraseResponse }): void => {
    const msg = event.data;
    const build = builds.get(msg.id);
    if (build) {
      builds.delete(msg.id);
      buildsInFlight--;
      if (msg.type === 'built') {
        if (!build.fileOnly) ready = true;
        build.resolve(msg.file ? { ...msg.stats, file: msg.file } : msg.stats);
      } else {
        build.reject(new Error(msg.type === 'error' ? msg.message : 'unexpected answer to build'));
      }
      return;
    }
    const load = loads.get(msg.id);
    if (load) {
      loads.delete(msg.id);
      if (msg.type === 'built') {
        ready = true;
        load.resolve({ ok: true, stats: msg.stats });
      } else if (msg.type === 'rejected') {
        load.resolve({ ok: false, reason: msg.reason });
      } else {
        load.reject(new Error(msg.type === 'error' ? msg.message : 'unexpected answer to load'));
      }
      return;
    }
    if (pendingCheck && pendingCheck.id === msg.id) {
      const { resolve, reject } = pendingCheck;
      pendingCheck = null;
      if (msg.type === 'checked') resolve(msg.findings ? { findings: msg.findings, ms: msg.ms } : null);
      else reject(new Error(msg.type === 'error' ? msg.message : 'unexpected answer to check'));
      return;
    }
    const library = libraries.get(msg.id);
    if (library) {
      libraries.delete(msg.id);
      if (msg.type === 'library') library.resolve({ formulations: msg.formulations, total: msg.total });
      else library.reject(new Error(msg.type === 'error' ? msg.message : 'unexpected answer to library'));
      return;
    }
    if (pendingQuery && pendingQuery.id === msg.id) {
      const { resolve } = pendingQuery;
      pendingQuery = null;
      resolve(msg.type === 'suggestions' ? msg.suggestions : []);
    }
    // Anything else is the late answer to a superseded query: dropped.
  };
  worker.addEventListener('message', onMessage);
  /** Posts a request answered as a load (`send` gets its id). */
  const loadRequest = (send: (id: number) => void): Promise<LoadResult> => {
    if (disposed) return Promise.reject(new Error('phrase client disposed'));
    const id = nextId++;
    return new Promise<LoadResult>((resolve, reject) => {
      loads.set(id, { resolve, reject });
      send(id);
    });
  };

  return {
    build(docs, options = {}) {
      if (disposed) return Promise.reject(new Error('phrase client disposed'));
      const id = nextId++;
      const fileOnly = options.fileOnly === true && options.fileKey !== undefined;
      buildsInFlight++;
      return new Promise<BuildResult>((resolve, reject) => {
        builds.set(id, { resolve, reject, fileOnly });
        worker.postMessage({ type: 'build', id, docs, ...(options.meta ? { meta: options.meta } : {}), ...(options.fileKey === undefined ? {} : { fileKey: options.fileKey }), ...(fileOnly ? { fileOnly } : {}) });
      });
    },
    load(buffer, key, meta) {
      return loadRequest((id) => worker.postMessage({ type: 'load', id, buffer, key, ...(meta ? { meta } : {}) }, [buffer]));
    },
    use(key, meta) {
      return loadRequest((id) => worker.postMessage({ type: 'use', id, key, ...(meta ? { meta } : {}) }));
    },
    suggest(text, options) {
      pendingQuery?.resolve(null);
      pendingQuery = null;
      if (disposed || !ready || buildsInFlight > 0) return Promise.resolve(disposed ? null : []);
      const id = nextId++;
      return new Promise<Suggestion[] | null>((resolve) => {
        pendingQuery = { id, resolve };
        worker.postMessage({ type: 'suggest', id, text, options });
      });
    },
    configureChecks(config) {
      if (!disposed) worker.postMessage({ type: 'checkConfig', id: nextId++, config });
    },
    check(text, options) {
      pendingCheck?.resolve(null);
      pendingCheck = null;
      if (disposed || !ready || buildsInFlight > 0) return Promise.resolve(disposed ? null : { findings: [], ms: 0 });
      const id = nextId++;
      return new Promise<CheckResult | null>((resolve, reject) => {
        pendingCheck = { id, resolve, reject };
        worker.postMessage({ type: 'check', id, text, options });
      });
    },
    library(query) {
      if (disposed) return Promise.reject(new Error('phrase client disposed'));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        libraries.set(id, { resolve, reject });
        worker.postMessage({ type: 'library', id, query });
      });
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      worker.removeEventListener('message', onMessage);
      worker.terminate();
      pendingQuery?.resolve(null);
      pendingQuery = null;
      pendingCheck?.resolve(null);
      pendingCheck = null;
      for (const l of libraries.values()) l.reject(new Error('phrase client disposed'));
      libraries.clear();
      for (const b of [...builds.values(), ...loads.values()]) b.reject(new Error('phrase client disposed'));
      builds.clear();
      loads.clear();
    },
  };
}
