/**
 * What `eval.ts` and `fit-confidence.ts` share to run leave-one-out in time: the shipped corpus with its
 * years, documents split over child processes, and the cross-fitted trees of `--tree-folds DIR`.
 */
import { fork } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCorpusManifest } from '../src/corpus/manifest';
import { TREE_INPUTS, validateModel } from '../src/phrases/confidence';
import type { AcceptanceModel } from '../src/phrases/evidence';
import { compileTrees, validateEnsemble, type CompiledTrees } from '../src/phrases/trees';
import type { PhraseDocument } from '../src/phrases/types';

export const CORPUS_DIR = resolve(import.meta.dirname, '..', 'corpus');

/** The shipped corpus, with packs, titles and years from its manifest. */
export function corpusDocuments(): PhraseDocument[] {
  const manifest = parseCorpusManifest(JSON.parse(readFileSync(join(CORPUS_DIR, 'manifest.json'), 'utf8')));
  return manifest.documents.map((d) => ({ id: d.id, title: d.title, pack: d.pack, year: d.year ?? undefined, text: readFileSync(join(CORPUS_DIR, d.path), 'utf8') }));
}

/** `which` split into `jobs` shards of about equal characters (largest documents first, each to the lightest shard). */
export function shards(docs: readonly PhraseDocument[], which: readonly number[], jobs: number): number[][] {
  const out = Array.from({ length: Math.min(jobs, which.length) }, () => ({ chars: 0, docs: [] as number[] }));
  for (const i of [...which].sort((a, b) => docs[b].text.length - docs[a].text.length || a - b)) {
    const s = out.reduce((best, x) => (x.chars < best.chars ? x : best));
    s.chars += docs[i].text.length;
    s.docs.push(i);
  }
  return out.map((s) => s.docs.sort((a, b) => a - b));
}

/** Runs the current script on `shard` (`--shard i,j,…` appended to `argv`) in a child process; resolves to its stdout. */
export function runShard(argv: readonly string[], shard: readonly number[]): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = fork(process.argv[1], [...argv, '--shard', shard.join(',')], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolvePromise(out) : reject(new Error(`child exited with ${code}`))));
  });
}

/** Trees fitted without each document of their fit packs, by document id (`fit-confidence.ts --fold-out DIR`). */
export function crossFittedTrees(dir: string): (doc: PhraseDocument) => CompiledTrees | undefined {
  const foldOf = JSON.parse(readFileSync(join(dir, 'folds.json'), 'utf8')) as Record<string, number>;
  const folds = new Map<number, CompiledTrees>();
  for (const k of new Set(Object.values(foldOf))) folds.set(k, compileTrees(validateEnsemble(JSON.parse(readFileSync(join(dir, `fold${k}.json`), 'utf8'))), TREE_INPUTS));
  return (doc) => (doc.id in foldOf ? folds.get(foldOf[doc.id]) : undefined);
}

/**
 * The logistic models fitted without each document of their fit packs (`fit-confidence.ts --fit-top --fold-out
 * DIR`: `model{k}.json` beside the trees' folds), by document id; undefined when DIR holds none (trees only).
 */
export function crossFittedModel(dir: string): ((doc: PhraseDocument) => AcceptanceModel | undefined) | undefined {
  const foldOf = JSON.parse(readFileSync(join(dir, 'folds.json'), 'utf8')) as Record<string, number>;
  const models = new Map<number, AcceptanceModel>();
  for (const k of new Set(Object.values(foldOf))) {
    const file = join(dir, `model${k}.json`);
    if (existsSync(file)) models.set(k, validateModel(JSON.parse(readFileSync(file, 'utf8')) as AcceptanceModel, file));
  }
  if (models.size === 0) return undefined;
  if (models.size !== new Set(Object.values(foldOf)).size) throw new Error(`${dir}: a fold model is missing`);
  return (doc) => (doc.id in foldOf ? models.get(foldOf[doc.id]) : undefined);
}
