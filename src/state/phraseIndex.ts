/**
 * The phrase index of the page: one engine client (one Web Worker) answers every editor. The index over the
 * enabled packs and the writer's own documents is read from the index cache when one was built for the
 * same inputs (its content key: the manifest's text hashes, the own documents' stored hashes, the format
 * version; no text is read or hashed for it), else the texts are fetched and built in a second, short-lived
 * builder worker, cached, and handed to the answering worker. A rebuild (a pack switched, documents added or
 * removed) runs in the background: the current index keeps answering suggestions and checks until the new
 * one is swapped in; a newer rebuild supersedes an older one (its builder is stopped, its result dropped).
 * Exposes the status for the status bar. Never blocks the editor.
 */
import { create } from 'zustand';
import { parseCorpusManifest, type CorpusManifest } from '../corpus/manifest';
import { createPhraseClient, type LoadResult, type PhraseClient, type WorkerLike } from '../phrases/client';
import { indexContentKey, sha256Hex, type IndexInputDescriptor } from '../phrases/indexFile';
import { openJianggaoDB } from '../storage/db';
import { openPhraseIndexCache, type PhraseIndexCache } from '../storage/phraseIndexCache';
import { listUserDocumentDigests, listUserDocuments, OWN_DOCUMENTS_PACK, type UserDocumentDigest } from '../storage/userDocuments';
import { readOwnPhrases } from '../storage/checks';
import { documentYear } from '../checks/corpusYears';
import type { CheckDocMeta } from '../checks/types';
import type { PhraseDocument } from '../phrases/types';
import { useSettings } from './settings';

/** `loading`: reading the inputs and the cached index; `building`: building the first index (none answers yet). */
export type PhraseIndexPhase = 'idle' | 'loading' | 'building' | 'ready' | 'error';

export interface PhraseIndexState {
  phase: PhraseIndexPhase;
  /** A new index is being made while the ready one keeps answering (`phase` stays `ready`). */
  updating: boolean;
  /** Documents and characters in the ready index. */
  docs: number;
  chars: number;
  /** Where the ready index came from: the cache (a file) or a build. */
  from: 'file' | 'build' | null;
  /** The Chinese explanation of a failed build (with `phase: 'ready'`: a failed update; the old index still answers). */
  error: string | null;
  /** The corpus manifest once read (the settings panel lists its packs). */
  manifest: CorpusManifest | null;
  /** Title and year of each document of the ready index, in index order (for the checks). */
  docMeta: CheckDocMeta[];
  /** The writer's own documents in the ready index (digests: no texts; the worker's index has them). */
  ownDocuments: UserDocumentDigest[];
  /** Index ids of the 学习材料: the own documents flagged so (the others are searched as corpus, in the index). */
  studyDocIds: string[];
}

export const usePhraseIndex = create<PhraseIndexState>(() => ({
  phase: 'idle', updating: false, docs: 0, chars: 0, from: null, error: null, manifest: null, docMeta: [], ownDocuments: [], studyDocIds: [],
}));

/** The id of the small document that carries the writer's own phrases (我的提法) into the index. */
export const OWN_PHRASES_DOC_ID = 'own-phrases';

/** The index id of own document `id`. */
const ownDocId = (id: string) => `own-${id}`;

/** The status line for `state`, in the writer's words (a running update is shown apart: `PHRASE_INDEX_UPDATING_TEXT`). */
export function phraseIndexStatusText(state: Pick<PhraseIndexState, 'phase' | 'docs' | 'chars' | 'error'>): string {
  switch (state.phase) {
    case 'idle':
    case 'loading': return '正在载入提法索引…';
    case 'building': return '正在建立提法索引…';
    case 'ready': return state.docs ? `提法索引：${state.docs} 篇 · ${state.chars.toLocaleString('zh-CN')} 字` : '提法索引：未启用语料';
    case 'error': return `提法索引未能建立：${state.error ?? '未知错误'}`;
  }
}

/** Shown next to the ready index's count while a new index is made in the background. */
export const PHRASE_INDEX_UPDATING_TEXT = '正在更新提法索引…';

let client: PhraseClient | null = null;

/**
 * The page's single engine client (created on first use). Its worker reads the newest cached index file as
 * it starts (`storage/phraseIndexWorker.ts`); builders run the plain engine worker.
 */
export function getPhraseClient(): PhraseClient {
  if (!client) {
    client = createPhraseClient(new Worker(new URL('../storage/phraseIndexWorker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike);
    preparedInWorker = true;
  }
  return client;
}

let started = false;
/** Bumped by every rebuild; an older rebuild's result is dropped. */
let generation = 0;
/** Content key of the index the worker answers with. */
let currentKey: string | null = null;
/** Loads sent to the worker and not answered: one of an older rebuild may still replace the worker's index. */
let loadsInFlight = 0;
/** The builder of the newest rebuild, stopped when a newer one starts. */
let builder: PhraseClient | null = null;
let manifestRead: Promise<CorpusManifest> | null = null;
/** The answering worker read the newest cached index at its start; the first rebuild asks it to use that file. */
let preparedInWorker = false;

/** Starts the worker and reads the manifest at once; loads the index once settings are loaded; later calls do nothing. */
export function ensurePhraseIndex(): void {
  if (started) return;
  started = true;
  mark('start');
  getPhraseClient(); // the worker loads its code while the inputs are read
  readManifestOnce();
  const settings = useSettings.getState();
  if (settings.loaded) void rebuildPhraseIndex();
  useSettings.subscribe((now, before) => {
    if (now.loaded && (!before.loaded || !samePacks(now.disabledPacks, before.disabledPacks))) void rebuildPhraseIndex();
  });
}

function samePacks(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

let indexCache: PhraseIndexCache | null = null;
function getIndexCache(): PhraseIndexCache {
  indexCache ??= openPhraseIndexCache(document.baseURI);
  return indexCache;
}

/** What an index is made of: the documents' descriptors (for the key), the checks' metadata, and how to get the texts. */
interface IndexInputs {
  manifest: CorpusManifest;
  entries: CorpusManifest['documents'];
  own: UserDocumentDigest[];
  phrases: string[];
  inputs: IndexInputDescriptor[];
  docMeta: CheckDocMeta[];
}

async function readInputs(): Promise<IndexInputs> {
  const db = openJianggaoDB();
  const disabled = new Set(useSettings.getState().disabledPacks);
  const [manifest, digests, phrases] = await Promise.all([
    readManifestOnce().then((m) => (mark('manifest'), m)),
    disabled.has(OWN_DOCUMENTS_PACK) ? [] : db.then(listUserDocumentDigests).then((d) => (mark('digests'), d)),
    db.then(readOwnPhrases),
  ]);
  const entries = manifest.documents.filter((d) => !disabled.has(d.pack));
  const own = digests.filter((d) => d.enabled);
  const phrasesText = phrases.join('\n');
  const inputs: IndexInputDescriptor[] = [
    ...entries.map((d) => ({ id: d.id, pack: d.pack, title: d.title, year: d.year, contentHash: d.sha256 })),
    ...own.map((d) => ({ id: ownDocId(d.id), pack: OWN_DOCUMENTS_PACK, title: d.title, year: d.year, contentHash: d.hash })),
    ...(phrases.length ? [{ id: OWN_PHRASES_DOC_ID, pack: OWN_DOCUMENTS_PACK, title: '我的提法', year: null, contentHash: await sha256Hex(phrasesText) }] : []),
  ];
  const docMeta: CheckDocMeta[] = [
    ...entries.map((d) => ({ title: d.title, year: documentYear(d) })),
    ...own.map((d) => ({ title: d.title, year: d.year ?? new Date(d.addedAt).getFullYear() })),
    ...(phrases.length ? [{ title: '我的提法', year: null }] : []),
  ];
  return { manifest, entries, own, phrases, inputs, docMeta };
}

/** The documents' texts, for a build: the shipped ones fetched (the service worker serves them offline), the own ones read. */
async function readDocuments({ entries, own, phrases }: IndexInputs): Promise<PhraseDocument[]> {
  const ownIds = new Set(own.map((d) => d.id));
  const [shipped, records] = await Promise.all([
    Promise.all(entries.map(async (d) => ({ id: d.id, title: d.title, pack: d.pack, year: d.year, text: await fetchText(`corpus/${d.path}`) }))),
    own.length ? openJianggaoDB().then(listUserDocuments) : [],
  ]);
  const texts = new Map(records.filter((r) => ownIds.has(r.id)).map((r) => [r.id, r.text]));
  const missing = own.find((d) => !texts.has(d.id));
  if (missing) throw new Error(`自有文稿「${missing.title}」读取失败`);
  return [
    ...shipped,
    ...own.map((d) => ({ id: ownDocId(d.id), title: d.title, pack: OWN_DOCUMENTS_PACK, year: d.year ?? undefined, text: texts.get(d.id)! })),
    ...(phrases.length ? [{ id: OWN_PHRASES_DOC_ID, title: '我的提法', pack: OWN_DOCUMENTS_PACK, text: phrases.join('\n') }] : []),
  ];
}

// Only the flagged ones: the rest are already searched as part of the index, and a second index over a
// whole archive would hold the worker for seconds.
function studyDocIdsOf(own: readonly UserDocumentDigest[]): string[] {
  return own.filter((d) => d.study).map((d) => ownDocId(d.id));
}

/**
 * Makes the index of the enabled packs, own documents and 我的提法 current; call it after any change to
 * them (an import calls it once at its end). The latest call wins: an older one still running is
 * superseded (its builder stopped, its result dropped). While it runs, the index already in use keeps
 * answering (status `updating`). Resolves when this call's index answers, or when it was superseded.
 * Reads the cached index when its content key matches (the worker checks the file and refuses a damaged
 * or outdated one); otherwise fetches the texts, builds in a builder worker and caches what it built.
 */
export async function rebuildPhraseIndex(): Promise<void> {
  const mine = ++generation;
  const current = () => mine === generation;
  mark('rebuild');
  const serving = usePhraseIndex.getState().phase === 'ready';
  if (serving) usePhraseIndex.setState({ updating: true });
  else usePhraseIndex.setState({ phase: 'loading', error: null });
  builder?.dispose();
  builder = null;
  try {
    const inputs = await readInputs();
    mark('inputs');
    if (!current()) return;
    usePhraseIndex.setState({ manifest: inputs.manifest });
    const key = await indexContentKey(inputs.inputs);
    mark('key');
    if (!current()) return;
    const ready = (stats: { docs: number; chars: number }, from: 'file' | 'build') => {
      currentKey = key;
      mark('ready');
      usePhraseIndex.setState({
        phase: 'ready', updating: false, docs: stats.docs, chars: stats.chars, from, error: null,
        docMeta: inputs.docMeta, ownDocuments: inputs.own, studyDocIds: studyDocIdsOf(inputs.own),
      });
    };
    if (key === currentKey && loadsInFlight === 0) {
      // Same content (e.g. only a 学习材料 flag changed): the index in use stays.
      ready(usePhraseIndex.getState(), usePhraseIndex.getState().from ?? 'file');
      return;
    }
    if (preparedInWorker) {
      // The worker's file is the newest one cached, usually this key's; if not (or damaged), the cache is asked.
      preparedInWorker = false;
      const used = await askWorker(() => getPhraseClient().use(key, inputs.docMeta));
      if (!current()) return;
      if (used.ok) {
        markWorkerSteps(used.stats.steps);
        ready(used.stats, 'file');
        return;
      }
    }
    const cached = await getIndexCache().get(key);
    mark('read');
    if (!current()) return;
    if (cached) {
      const loaded = await askWorker(() => getPhraseClient().load(cached, key, inputs.docMeta));
      if (!current()) return;
      if (loaded.ok) {
        markWorkerSteps(loaded.stats.steps);
        ready(loaded.stats, 'file');
        return;
      }
      console.warn(`提法索引缓存未采用，重新建立：${loaded.reason}`);
      void getIndexCache().remove(key);
    }
    if (!serving) usePhraseIndex.setState({ phase: 'building' });
    const docs = await readDocuments(inputs);
    mark('texts');
    if (!current()) return;
    const mineBuilder = createPhraseClient();
    builder = mineBuilder;
    const built = await mineBuilder.build(docs, { meta: inputs.docMeta, fileKey: key, fileOnly: true }).finally(() => {
      mineBuilder.dispose();
      if (builder === mineBuilder) builder = null;
    });
    if (!current() || !built.file) return;
    mark('built');
    // The cache copies the file at once; the original is transferred to the answering worker.
    getIndexCache().put(key, built.file).catch((error: unknown) => console.warn('提法索引未能缓存', error));
    const file = built.file;
    const loaded = await askWorker(() => getPhraseClient().load(file, key, inputs.docMeta));
    if (!current()) return;
    if (!loaded.ok) throw new Error(`新建的索引未能载入：${loaded.reason}`);
    ready({ docs: built.docs, chars: built.chars }, 'build');
  } catch (error) {
    if (!current()) return;
    const message = error instanceof Error ? error.message : String(error);
    if (usePhraseIndex.getState().phase === 'ready') {
      console.warn('提法索引未能更新，仍用原索引', error);
      usePhraseIndex.setState({ updating: false, error: message });
    } else {
      usePhraseIndex.setState({ phase: 'error', updating: false, error: message });
    }
  }
}

/** Runs a load (or use) of the answering worker, counted in `loadsInFlight` (the newest load there wins over older ones). */
async function askWorker(load: () => Promise<LoadResult>): Promise<LoadResult> {
  loadsInFlight++;
  try {
    return await load();
  } finally {
    loadsInFlight--;
  }
}

/** The name the other stores call (`rebuildPhraseIndex`). */
export const rebuild = rebuildPhraseIndex;

/** A User Timing mark of the index's start-up or rebuild (`npm run bench:start` reads them). */
function mark(step: string, startTime?: number): void {
  performance.mark(`phrase-index:${step}`, startTime === undefined ? undefined : { startTime });
}

/** The worker's steps of a load as marks on the page's clock (they come in ms since the epoch). */
function markWorkerSteps(steps: Record<string, number> | undefined): void {
  if (!steps) return;
  for (const [step, at] of Object.entries(steps)) {
    if (step.endsWith('Ms')) continue;
    mark(`worker-${step}`, Math.max(0, at - performance.timeOrigin));
  }
}

/** The manifest, read once per page (again after a failed read). */
function readManifestOnce(): Promise<CorpusManifest> {
  if (!manifestRead) {
    manifestRead = fetchJson('corpus/manifest.json').then(parseCorpusManifest);
    manifestRead.catch(() => { manifestRead = null; });
  }
  return manifestRead;
}

async function fetchText(path: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(new URL(path, document.baseURI));
  } catch {
    throw new Error(`无法读取语料文件 ${path}（网络或缓存不可用）`);
  }
  if (!response.ok) throw new Error(`无法读取语料文件 ${path}（${response.status}）`);
  return response.text();
}

async function fetchJson(path: string): Promise<unknown> {
  const text = await fetchText(path);
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`语料清单 ${path} 不是有效的 JSON`);
  }
}
