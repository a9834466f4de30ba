/**
 * The messages between the main thread and the phrase worker, and the worker-side handler as a plain
 * function (so it is tested in Node without a Worker). Owns the worker's state (the current index) and
 * the dropping of stale queries: a query is answered after a turn of the event loop, and only if no newer
 * query arrived meanwhile; an older one is answered `null` (superseded). Checks (src/checks) run here
 * too, with the same rule: only the newest `check` is answered with findings. No DOM.
 */
import type { Checker, createChecker } from '../checks/checker';
import type { Formulation, FormulationLibrary, LibraryQuery } from '../checks/library';
import type { StudyDocument } from '../checks/quotations';
import type { TimelinessRule } from '../checks/timeliness';
import type { CheckDocMeta, CheckFinding, CheckKind } from '../checks/types';
import { buildPhraseIndex, type PhraseIndex } from './build';
import { deserializePhraseIndex, indexFileKey, IndexFileError, serializePhraseIndex } from './indexFile';
import { suggestFromIndex } from './query';
import type { PhraseDocument, SuggestOptions, Suggestion } from './types';

/** Figures about a built index, returned by `build`. */
export interface IndexStats {
  docs: number;
  chars: number;
  buildMs: number;
  /** Built from the documents, or read from a cached index file (`load`). */
  from?: 'build' | 'file';
  /**
   * When the worker reached each step of this request, in ms since the epoch (`performance.timeOrigin +
   * now()`, comparable across threads): `workerStart` (its handler was made), `received` (the file: by
   * `load`, or read at the worker's start), `deserialized` (checked and read), `ready` (the index in use: for
   * a file read at the start, once its `use` came); and `checksumMs`, the checksum's share.
   */
  steps?: Record<string, number>;
}

/**
 * What the checks need besides the index and its documents' years (sent with the build): the office's own
 * 时效 rules (added to the shipped ones) and the writer's 学习材料.
 */
export interface CheckConfig {
  officeRules: TimelinessRule[];
  studyMaterial: StudyDocument[];
  /** Ids of index documents that are 学习材料 as well (title, year and text taken from the index: no copy sent). */
  studyDocIds?: string[];
}

export interface CheckRequestOptions {
  /** Reference year of the draft. */
  year: number;
  /** Only these kinds (default all). */
  kinds?: readonly CheckKind[];
}

export type PhraseRequest =
  /**
   * `meta`: each document's title and year, for the checks; `fileKey`: also answer with the index as a file
   * (`indexFile.ts`) carrying this content key; `fileOnly`: only make that file (a builder worker), keeping
   * the index this worker answers with.
   */
  | { type: 'build'; id: number; docs: PhraseDocument[]; meta?: CheckDocMeta[]; fileKey?: string; fileOnly?: boolean }
  /**
   * Use the index in `buffer` (transferred) if it is a valid file for `key`; else answer `rejected`. `meta`:
   * the documents' titles and years for the checks (default: from the file). The index it replaces answers
   * until then.
   */
  | { type: 'load'; id: number; buffer: ArrayBuffer; key: string; meta?: CheckDocMeta[] }
  /**
   * Use the file the worker read at its start (`preparedFile`) if it is a valid one for `key` (answered as a
   * load: `built` or `rejected`); either way it is dropped.
   */
  | { type: 'use'; id: number; key: string; meta?: CheckDocMeta[] }
  | { type: 'suggest'; id: number; text: string; options?: SuggestOptions }
  | { type: 'checkConfig'; id: number; config: CheckConfig }
  | { type: 'check'; id: number; text: string; options: CheckRequestOptions }
  | { type: 'library'; id: number; query: LibraryQuery };

export type PhraseResponse =
  | { type: 'built'; id: number; stats: IndexStats; file?: ArrayBuffer }
  | { type: 'rejected'; id: number; reason: string }
  | { type: 'suggestions'; id: number; suggestions: Suggestion[] | null }
  | { type: 'checkConfigured'; id: number }
  /** `findings` is null when a newer check superseded this one; `ms` is the time the check took in the worker. */
  | { type: 'checked'; id: number; findings: CheckFinding[] | null; ms: number }
  /** The 提法库's matches for the query (at most its limit) and how many formulations the library holds. */
  | { type: 'library'; id: number; formulations: Formulation[]; total: number }
  | { type: 'error'; id: number; message: string };

/** Characters of the corpus checked once after a build, to warm the checker up. */
const CHECK_WARM_UP_CHARS = 3_000;

/** A check is cut into pieces of about this many characters, at paragraph ends. */
export const CHECK_PIECE_CHARS = 2_000;

/** `[from, to)` pieces of `text` of about `size` characters, each ending after a `\n` (or at the end). */
export function paragraphPieces(text: string, size: number): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  while (from < text.length) {
    const nl = text.indexOf('\n', from + size);
    const to = nl < 0 ? text.length : nl + 1;
    out.push([from, to]);
    from = to;
  }
  return out.length ? out : [[0, 0]];
}

/** Sends a response; `transfer` lists buffers handed over without a copy. */
export type PostResponse = (response: PhraseResponse, transfer?: ArrayBuffer[]) => void;

/** Runs `task` after the messages already queued (default: a zero-delay timer). */
export type Scheduler = (task: () => void) => void;

const defaultScheduler: Scheduler = (task) => {
  setTimeout(task, 0);
};

/** What the checks and the 提法库 are made with (their code, with pinyin-pro's tables, is most of the worker's). */
export interface CheckEngine {
  createChecker: typeof createChecker;
  FormulationLibrary: typeof FormulationLibrary;
  SHIPPED_TIMELINESS_RULES: readonly TimelinessRule[];
}

/** The check engine as a separate chunk, loaded after the index answers: the worker starts faster without it. */
export async function importCheckEngine(): Promise<CheckEngine> {
  const [{ createChecker }, { FormulationLibrary }, { SHIPPED_TIMELINESS_RULES }] = await Promise.all([
    import('../checks/checker'), import('../checks/library'), import('../checks/timeliness'),
  ]);
  return { createChecker, FormulationLibrary, SHIPPED_TIMELINESS_RULES };
}

/**
 * The worker's message handler: `post` sends a response back. Builds replace the index synchronously
 * (the worker is the thread that may block); a load checks the file first (asynchronously) and is dropped
 * if a later build or load arrived meanwhile. Queries before any index answer `[]`.
 */
export function createPhraseRequestHandler(
  post: PostResponse,
  schedule: Scheduler = defaultScheduler,
  /** The check engine, or how to load it (on the first check, 提法库 query or index). */
  checkEngine: CheckEngine | (() => Promise<CheckEngine>) = importCheckEngine,
  /**
   * An index file read when the worker starts (the newest cached one), checked and read at once and used by
   * the first `use` for the key it carries: the page is still computing the key of its inputs meanwhile.
   */
  preparedFile?: Promise<ArrayBuffer | null>,
): (request: PhraseRequest) => void {
  let engine: CheckEngine | null = typeof checkEngine === 'function' ? null : checkEngine;
  let engineLoad: Promise<CheckEngine> | null = null;
  /** Runs `task` with the check engine: at once when loaded, else once it is (`onError` if it cannot be). */
  const withEngine = (task: (e: CheckEngine) => void, onError: (e: unknown) => void) => {
    if (engine) {
      task(engine);
      return;
    }
    engineLoad ??= (checkEngine as () => Promise<CheckEngine>)();
    engineLoad.then((loaded) => {
      engine = loaded;
      task(loaded);
    }, (e: unknown) => {
      engineLoad = null;
      onError(e);
    });
  };
  let index: PhraseIndex | null = null;
  let docs: readonly PhraseDocument[] = [];
  let meta: CheckDocMeta[] = [];
  let latestQueryId = -1;
  let latestCheckId = -1;
  let config: CheckConfig = { officeRules: [], studyMaterial: [] };
  // Made after the index is in use (its set-up takes a while at millions of characters: the index answers
  // first), on the first check or a turn of the event loop later, and again when the office rules change.
  let checker: Checker | null = null;
  let library: FormulationLibrary | null = null;
  /** The 学习材料 of the checks: the ones sent, and the index documents named by `studyDocIds` (one array per index and config). */
  let studyMaterial: StudyDocument[] | null = null;
  const currentStudyMaterial = (): StudyDocument[] => {
    if (studyMaterial) return studyMaterial;
    const ids = new Set(config.studyDocIds ?? []);
    const fromIndex = ids.size ? docs.flatMap((d, i) => (ids.has(d.id) ? [{ title: d.title, year: meta[i]?.year ?? new Date().getFullYear(), text: d.text }] : [])) : [];
    studyMaterial = [...config.studyMaterial, ...fromIndex];
    return studyMaterial;
  };
  const makeChecker = (e: CheckEngine, current: PhraseIndex) => e.createChecker(current, meta, { rules: [...e.SHIPPED_TIMELINESS_RULES, ...config.officeRules] });
  const now = () => performance.timeOrigin + performance.now();
  const workerStart = now();
  const fail = (id: number, e: unknown) => post({ type: 'error', id, message: e instanceof Error ? e.message : String(e) });
  /** Id of the newest build or load: an older load that finishes later does not replace its index. */
  let latestIndexRequest = -1;
  /** The file read at the worker's start (`preparedFile`), being checked and read, until a `use`, build or load. */
  let prepared: Promise<ReturnType<typeof readFile> | null> | null = null;
  /** Checks and reads `buffer` as the index file for `key` (null: not an index file), noting when it arrived and when it was read. */
  const readFile = (buffer: ArrayBuffer, key: string | null) => {
    const file = { key, received: now(), readAt: 0, timing: { checksumMs: 0 }, index: null as unknown as Promise<PhraseIndex> };
    file.index = (key === null ? Promise.reject(new IndexFileError('magic', '不是提法索引文件')) : deserializePhraseIndex(buffer, key, file.timing))
      .then((index) => { file.readAt = now(); return index; });
    file.index.catch(() => {}); // answered when used
    return file;
  };
  if (preparedFile) prepared = preparedFile.then((buffer) => (buffer ? readFile(buffer, indexFileKey(buffer)) : null), () => null);
  /** Answers load `id` with the index `file` reads to (in use unless a later build or load came), or why not. */
  const finishLoad = (id: number, file: ReturnType<typeof readFile>, requestMeta: CheckDocMeta[] | undefined) => {
    file.index.then(
      (loaded) => {
        if (id !== latestIndexRequest) {
          post({ type: 'rejected', id, reason: 'superseded' });
          return;
        }
        const sameMeta = requestMeta?.length === loaded.docs.length;
        useIndex(loaded, loaded.docs.map((d, i) => (sameMeta ? requestMeta[i] : { title: d.title, year: loaded.docYears[i] || null })));
        const steps = { workerStart, received: file.received, deserialized: file.readAt, ready: now(), checksumMs: file.timing.checksumMs };
        post({ type: 'built', id, stats: { ...statsOf(loaded, 'file'), steps } });
      },
      (e: unknown) => {
        if (e instanceof IndexFileError) post({ type: 'rejected', id, reason: e.message });
        else fail(id, e);
      },
    );
  };
  const statsOf = (built: PhraseIndex, from: 'build' | 'file'): IndexStats => ({ docs: built.docs.length, chars: built.chars, buildMs: built.buildMs, from });
  /** A new index: the checks' documents follow it; its checker is made (and warmed up) a turn later. */
  const useIndex = (next: PhraseIndex, nextMeta: CheckDocMeta[]) => {
    index = next;
    docs = next.docs;
    meta = nextMeta;
    library = null;
    checker = null;
    studyMaterial = null;
    schedule(() => withEngine((e) => {
      if (index !== next || checker) return;
      checker = makeChecker(e, next);
      // Fills the per-character pinyin memos with the corpus's common characters.
      checker.check(next.docs.find((d) => d.text.length > 0)?.text.slice(0, CHECK_WARM_UP_CHARS) ?? '', { kinds: ['提法'] });
    }, (err) => console.warn('校对模块未能载入', err)));
  };
  return (request) => {
    if (request.type === 'checkConfig') {
      const rulesChanged = JSON.stringify(request.config.officeRules) !== JSON.stringify(config.officeRules);
      config = request.config;
      studyMaterial = null;
      if (rulesChanged) checker = null;
      post({ type: 'checkConfigured', id: request.id });
      return;
    }
    if (request.type === 'check') {
      latestCheckId = Math.max(latestCheckId, request.id);
      const { text, options } = request;
      // 提法/时效/引文 look no further than a paragraph: the text is checked a few paragraphs at a time, a
      // turn of the event loop between pieces, so that suggestions are answered meanwhile and a check
      // superseded halfway stops. 编号/占位 need the whole text: one piece then.
      const whole = !options.kinds || options.kinds.some((k) => k === '编号' || k === '占位');
      const pieces = whole ? [[0, text.length]] : paragraphPieces(text, CHECK_PIECE_CHARS);
      const findings: CheckFinding[] = [];
      let ms = 0;
      const step = (e: CheckEngine, p: number) => {
        if (request.id !== latestCheckId) {
          post({ type: 'checked', id: request.id, findings: null, ms: 0 });
          return;
        }
        if (!index) {
          post({ type: 'checked', id: request.id, findings: [], ms: 0 });
          return;
        }
        try {
          const t0 = performance.now();
          checker ??= makeChecker(e, index);
          const [from, to] = pieces[p];
          for (const f of checker.check(text.slice(from, to), { year: options.year, kinds: options.kinds, studyMaterial: currentStudyMaterial() })) {
            findings.push({ ...f, start: f.start + from, end: f.end + from });
          }
          ms += performance.now() - t0;
        } catch (e) {
          fail(request.id, e);
          return;
        }
        if (p + 1 < pieces.length) schedule(() => step(e, p + 1));
        else post({ type: 'checked', id: request.id, findings, ms });
      };
      withEngine((e) => schedule(() => step(e, 0)), (err) => fail(request.id, err));
      return;
    }
    if (request.type === 'library') {
      withEngine((engineNow) => {
        try {
          library ??= new engineNow.FormulationLibrary(docs.map((d, i) => ({ title: d.title, pack: d.pack, year: meta[i]?.year ?? null, text: d.text })));
          post({ type: 'library', id: request.id, formulations: library.search(request.query), total: library.formulations.length });
        } catch (e) {
          fail(request.id, e);
        }
      }, (e) => fail(request.id, e));
      return;
    }
    if (request.type === 'build') {
      if (!request.fileOnly) latestIndexRequest = request.id;
      prepared = null;
      try {
        const built = buildPhraseIndex(request.docs);
        if (!request.fileOnly) useIndex(built, request.docs.map((d, i) => request.meta?.[i] ?? { title: d.title, year: null }));
        if (request.fileKey === undefined) {
          post({ type: 'built', id: request.id, stats: statsOf(built, 'build') });
          return;
        }
        serializePhraseIndex(built, request.fileKey).then(
          (file) => post({ type: 'built', id: request.id, stats: statsOf(built, 'build'), file }, [file]),
          (e: unknown) => fail(request.id, e),
        );
      } catch (e) {
        fail(request.id, e);
      }
      return;
    }
    if (request.type === 'use') {
      latestIndexRequest = request.id;
      const waiting = prepared;
      prepared = null;
      if (!waiting) {
        post({ type: 'rejected', id: request.id, reason: 'no prepared file' });
        return;
      }
      void waiting.then((file) => {
        if (file?.key === request.key) finishLoad(request.id, file, request.meta);
        else post({ type: 'rejected', id: request.id, reason: file ? 'the prepared file is for other inputs' : 'no prepared file' });
      });
      return;
    }
    if (request.type === 'load') {
      latestIndexRequest = request.id;
      prepared = null;
      finishLoad(request.id, readFile(request.buffer, request.key), request.meta);
      return;
    }
    latestQueryId = Math.max(latestQueryId, request.id);
    schedule(() => {
      if (request.id !== latestQueryId) {
        post({ type: 'suggestions', id: request.id, suggestions: null });
        return;
      }
      try {
        const suggestions = index ? suggestFromIndex(index, request.text, request.options) : [];
        post({ type: 'suggestions', id: request.id, suggestions });
      } catch (e) {
        fail(request.id, e);
      }
    });
  };
}
