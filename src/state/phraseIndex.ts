/**
 * The phrase index of the page: one engine client (one Web Worker) for every editor, the corpus texts
 * of the enabled packs fetched from ./corpus/, the index built in the worker (the main thread only
 * fetches and posts), rebuilt when the writer turns packs on or off. Exposes the build's status for the
 * status bar. Never blocks the editor: until the index is ready, suggestions are simply off.
 */
import { create } from 'zustand';
import { parseCorpusManifest, type CorpusManifest } from '../corpus/manifest';
import { createPhraseClient, type PhraseClient } from '../phrases/client';
import { openJianggaoDB } from '../storage/db';
import { listUserDocuments, OWN_DOCUMENTS_PACK } from '../storage/userDocuments';
import { readOwnPhrases } from '../storage/checks';
import { documentYear } from '../checks/corpusYears';
import type { CheckDocMeta } from '../checks/types';
import type { PhraseDocument } from '../phrases/types';
import type { UserDocumentRecord } from '../storage/records';
import { useSettings } from './settings';

export type PhraseIndexPhase = 'idle' | 'building' | 'ready' | 'error';

export interface PhraseIndexState {
  phase: PhraseIndexPhase;
  /** Documents and characters in the ready index. */
  docs: number;
  chars: number;
  /** The Chinese explanation of a failed build. */
  error: string | null;
  /** The corpus manifest once read (the settings panel lists its packs). */
  manifest: CorpusManifest | null;
  /** Title and year of each document of the ready index, in index order (for the checks). */
  docMeta: CheckDocMeta[];
  /** The writer's own documents in the ready index (the checks take their 学习材料 from them). */
  ownDocuments: UserDocumentRecord[];
}

export const usePhraseIndex = create<PhraseIndexState>(() => ({ phase: 'idle', docs: 0, chars: 0, error: null, manifest: null, docMeta: [], ownDocuments: [] }));

/** The id of the small document that carries the writer's own phrases (我的提法) into the index. */
export const OWN_PHRASES_DOC_ID = 'own-phrases';

/** The status line for `state`, in the writer's words. */
export function phraseIndexStatusText(state: Pick<PhraseIndexState, 'phase' | 'docs' | 'chars' | 'error'>): string {
  switch (state.phase) {
    case 'idle':
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

/** Fetches the enabled packs and builds the index in the worker; the latest call wins. */
export async function rebuild(): Promise<void> {
  const mine = ++generation;
  usePhraseIndex.setState({ phase: 'building', error: null });
  try {
    const manifest = usePhraseIndex.getState().manifest ?? parseCorpusManifest(await fetchJson('corpus/manifest.json'));
    if (mine !== generation) return;
    usePhraseIndex.setState({ manifest });
    const disabled = new Set(useSettings.getState().disabledPacks);
    const entries = manifest.documents.filter((d) => !disabled.has(d.pack));
    const docs: PhraseDocument[] = await Promise.all(entries.map(async (d) => ({
      id: d.id, title: d.title, pack: d.pack, text: await fetchText(`corpus/${d.path}`),
    })));
    const docMeta: CheckDocMeta[] = entries.map((d) => ({ title: d.title, year: documentYear(d) }));
    const db = await openJianggaoDB();
    const own = await listUserDocuments(db);
    if (!disabled.has(OWN_DOCUMENTS_PACK)) {
      const enabled = own.filter((d) => d.enabled);
      docs.push(...enabled.map((d) => ({ id: `own-${d.id}`, title: d.title, pack: OWN_DOCUMENTS_PACK, text: d.text, year: d.year ?? undefined })));
      docMeta.push(...enabled.map((d) => ({ title: d.title, year: d.year ?? new Date(d.addedAt).getFullYear() })));
    }
    // 我的提法 feed the suggestions as one small own document, one phrase a line.
    const phrases = await readOwnPhrases(db);
    if (phrases.length) {
      docs.push({ id: OWN_PHRASES_DOC_ID, title: '我的提法', pack: OWN_DOCUMENTS_PACK, text: phrases.join('\n') });
      docMeta.push({ title: '我的提法', year: null });
    }
    if (mine !== generation) return;
    const result = await getPhraseClient().build(docs, docMeta);
    if (mine !== generation) return;
    usePhraseIndex.setState({ phase: 'ready', docs: result.docs, chars: result.chars, error: null, docMeta, ownDocuments: own });
  } catch (error) {
    if (mine !== generation) return;
    usePhraseIndex.setState({ phase: 'error', error: error instanceof Error ? error.message : String(error) });
  }
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
