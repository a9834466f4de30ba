/**
 * The phrase index of the page: one engine client (one Web Worker) for every editor. The index over the
 * enabled packs and the writer's own documents is read from the index cache when one was built for the
 * same inputs (its content key: the manifest's text hashes, the own documents' hashes, the format version),
 * else the texts are fetched from ./corpus/ and built in the worker (the main thread only fetches and
 * posts), and the file the worker returns replaces the cached one. Rebuilt when the writer turns packs on
 * or off or changes their documents. Exposes the status for the status bar. Never blocks the editor: until
 * the index is ready, suggestions are simply off.
 */
import { create } from 'zustand';
import { parseCorpusManifest, type CorpusManifest } from '../corpus/manifest';
import { createPhraseClient, type PhraseClient } from '../phrases/client';
import { indexContentKey, sha256Hex, type IndexInputDescriptor } from '../phrases/indexFile';
import { openJianggaoDB } from '../storage/db';
import { openPhraseIndexCache, type PhraseIndexCache } from '../storage/phraseIndexCache';
import { listUserDocuments, OWN_DOCUMENTS_PACK } from '../storage/userDocuments';
import { readOwnPhrases } from '../storage/checks';
import { documentYear } from '../checks/corpusYears';
import type { CheckDocMeta } from '../checks/types';
import type { PhraseDocument } from '../phrases/types';
import type { UserDocumentRecord } from '../storage/records';
import { useSettings } from './settings';

/** `loading`: reading the inputs and the cached index; `building`: really building in the worker. */
export type PhraseIndexPhase = 'idle' | 'loading' | 'building' | 'ready' | 'error';

export interface PhraseIndexState {
  phase: PhraseIndexPhase;
  /** Documents and characters in the ready index. */
  docs: number;
  chars: number;
  /** Where the ready index came from: the cache (a file) or a build. */
  from: 'file' | 'build' | null;
  /** The Chinese explanation of a failed build. */
  error: string | null;
  /** The corpus manifest once read (the settings panel lists its packs). */
  manifest: CorpusManifest | null;
  /** Title and year of each document of the ready index, in index order (for the checks). */
  docMeta: CheckDocMeta[];
  /** The writer's own documents in the ready index (the checks take their 学习材料 from them). */
  ownDocuments: UserDocumentRecord[];
}

export const usePhraseIndex = create<PhraseIndexState>(() => ({ phase: 'idle', docs: 0, chars: 0, from: null, error: null, manifest: null, docMeta: [], ownDocuments: [] }));

/** The id of the small document that carries the writer's own phrases (我的提法) into the index. */
export const OWN_PHRASES_DOC_ID = 'own-phrases';

/** The status line for `state`, in the writer's words. */
export function phraseIndexStatusText(state: Pick<PhraseIndexState, 'phase' | 'docs' | 'chars' | 'error'>): string {
  switch (state.phase) {
    case 'idle':
    case 'loading': return '正在载入提法索引…';
    case 'building': return '正在建立提法索引…';
    case 'ready': return state.docs ? `提法索引：${state.docs} 篇 · ${state.chars.toLocaleString('zh-CN')} 字` : '提法索引：未启用语料';
    case 'error': return `提法索引未能建立：${state.error ?? '未知错误'}`;
  }
}

let client: PhraseClient | null = null;

/** The page's single engine client (created on first use). */
export function getPhraseClient(): PhraseClient {
  client ??= createPhraseClient();
  return client;
}

let started = false;
/** Bumped by every build; an older build's result is dropped. */
let generation = 0;

/** Starts loading the corpus and building the index once settings are loaded; later calls do nothing. */
export function ensurePhraseIndex(): void {
  if (started) return;
  started = true;
  const settings = useSettings.getState();
  if (settings.loaded) void rebuild();
  useSettings.subscribe((now, before) => {
    if (now.loaded && (!before.loaded || !samePacks(now.disabledPacks, before.disabledPacks))) void rebuild();
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

/**
 * Makes the index of the enabled packs and own documents ready; the latest call wins. Reads the cached
 * index when its content key matches (the worker checks the file and refuses a damaged or outdated one);
 * otherwise fetches the texts, builds in the worker and caches what it built.
 */
export async function rebuild(): Promise<void> {
  const mine = ++generation;
  usePhraseIndex.setState({ phase: 'loading', error: null });
  mark('start');
  getPhraseClient(); // the worker starts loading its code while the inputs are read
  try {
    const manifest = usePhraseIndex.getState().manifest ?? parseCorpusManifest(await fetchJson('corpus/manifest.json'));
    if (mine !== generation) return;
    usePhraseIndex.setState({ manifest });
    const disabled = new Set(useSettings.getState().disabledPacks);
    const entries = manifest.documents.filter((d) => !disabled.has(d.pack));
    const db = await openJianggaoDB();
    const own = disabled.has(OWN_DOCUMENTS_PACK) ? [] : (await listUserDocuments(db)).filter((d) => d.enabled);
    const ownDocs: PhraseDocument[] = own.map((d) => ({ id: `own-${d.id}`, title: d.title, pack: OWN_DOCUMENTS_PACK, text: d.text, year: d.year ?? undefined }));
    // 我的提法 feed the suggestions as one small own document, one phrase a line.
    const phrases = await readOwnPhrases(db);
    if (phrases.length) ownDocs.push({ id: OWN_PHRASES_DOC_ID, title: '我的提法', pack: OWN_DOCUMENTS_PACK, text: phrases.join('\n') });
    const docMeta: CheckDocMeta[] = [
      ...entries.map((d) => ({ title: d.title, year: documentYear(d) })),
      ...ownDocs.map((d, i) => ({ title: d.title, year: d.year ?? (own[i] ? new Date(own[i].addedAt).getFullYear() : null) })),
    ];
    const inputs: IndexInputDescriptor[] = [
      ...entries.map((d) => ({ id: d.id, pack: d.pack, title: d.title, year: d.year, contentHash: d.sha256 })),
      ...(await Promise.all(ownDocs.map(async (d) => ({ id: d.id, pack: d.pack, title: d.title, year: d.year, contentHash: await sha256Hex(d.text) })))),
    ];
    const key = await indexContentKey(inputs);
    mark('key');
    if (mine !== generation) return;
    const cached = await getIndexCache().get(key);
    mark('read');
    if (mine !== generation) return;
    if (cached) {
      const loaded = await getPhraseClient().load(cached, key);
      if (mine !== generation) return;
      if (loaded.ok) {
        mark('ready');
        usePhraseIndex.setState({ phase: 'ready', docs: loaded.stats.docs, chars: loaded.stats.chars, from: 'file', error: null, docMeta, ownDocuments: own });
        return;
      }
      console.warn(`提法索引缓存未采用，重新建立：${loaded.reason}`);
      void getIndexCache().remove(key);
    }
    usePhraseIndex.setState({ phase: 'building' });
    const docs: PhraseDocument[] = await Promise.all(entries.map(async (d) => ({
      id: d.id, title: d.title, pack: d.pack, year: d.year, text: await fetchText(`corpus/${d.path}`),
    })));
    docs.push(...ownDocs);
    if (mine !== generation) return;
    const result = await getPhraseClient().build(docs, { meta: docMeta, fileKey: key });
    if (mine !== generation) return;
    mark('ready');
    usePhraseIndex.setState({ phase: 'ready', docs: result.docs, chars: result.chars, from: 'build', error: null, docMeta, ownDocuments: own });
    if (result.file) getIndexCache().put(key, result.file).catch((error: unknown) => console.warn('提法索引未能缓存', error));
  } catch (error) {
    if (mine !== generation) return;
    usePhraseIndex.setState({ phase: 'error', error: error instanceof Error ? error.message : String(error) });
  }
}

/** A User Timing mark of the index's start-up (`npm run bench:start` reads them). */
function mark(step: 'start' | 'key' | 'read' | 'ready'): void {
  performance.mark(`phrase-index:${step}`);
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
