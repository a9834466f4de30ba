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
import type { PhraseDocument } from '../phrases/types';
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
}

export const usePhraseIndex = create<PhraseIndexState>(() => ({ phase: 'idle', docs: 0, chars: 0, error: null, manifest: null }));

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
      id: d.id, title: d.title, pack: d.pack, year: d.year, text: await fetchText(`corpus/${d.path}`),
    })));
    if (!disabled.has(OWN_DOCUMENTS_PACK)) {
      const own = await listUserDocuments(await openJianggaoDB());
      docs.push(...own.map((d) => ({ id: `own-${d.id}`, title: d.title, pack: OWN_DOCUMENTS_PACK, text: d.text })));
    }
    if (mine !== generation) return;
    const result = await getPhraseClient().build(docs);
    if (mine !== generation) return;
    usePhraseIndex.setState({ phase: 'ready', docs: result.docs, chars: result.chars, error: null });
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
