/**
 * The corpus the proofreading CLI and benchmark check against, with each document's year: the packs of
 * the shared corpus base (default /work/shared/corpus-base, or $JIANGGAO_CORPUS_BASE; years from each
 * pack's sources.json, else from the file name) plus the shipped speeches (corpus/manifest.json). Without
 * the corpus base, the shipped corpus alone. Owns file reading only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCorpusManifest } from '../src/corpus/manifest';
import { documentYear } from '../src/checks/corpusYears';
import type { CheckDocMeta } from '../src/checks/types';
import type { PhraseDocument } from '../src/phrases/types';

export const CORPUS_DIR = resolve(import.meta.dirname, '..', 'corpus');
export const CORPUS_BASE_DIR = process.env.JIANGGAO_CORPUS_BASE ?? '/work/shared/corpus-base';

export interface YearedDocument extends Omit<PhraseDocument, 'year'>, CheckDocMeta {
  /** Where it was read from. */
  file: string;
}

/** The shipped corpus (manifest order), optionally only some packs. */
export function shippedDocuments(packs?: readonly string[]): YearedDocument[] {
  const manifest = parseCorpusManifest(JSON.parse(readFileSync(join(CORPUS_DIR, 'manifest.json'), 'utf8')));
  return manifest.documents
    .filter((d) => !packs || packs.includes(d.pack))
    .map((d) => ({ id: d.id, title: d.title, pack: d.pack, year: documentYear(d), file: join(CORPUS_DIR, d.path), text: readFileSync(join(CORPUS_DIR, d.path), 'utf8') }));
}

/** Every pack of the corpus base, with titles and years. */
export function baseDocuments(dir = CORPUS_BASE_DIR): YearedDocument[] {
  if (!existsSync(dir)) return [];
  const out: YearedDocument[] = [];
  for (const pack of readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    const sourcesPath = join(dir, pack, 'sources.json');
    const sources = existsSync(sourcesPath) ? (JSON.parse(readFileSync(sourcesPath, 'utf8')) as { file: string; title?: string; year?: number }[]) : [];
    const byFile = new Map(sources.map((s) => [s.file, s]));
    for (const file of readdirSync(join(dir, pack)).filter((f) => f.endsWith('.txt')).sort()) {
      const s = byFile.get(file);
      const id = `${pack}/${file.replace(/\.txt$/, '')}`;
      const title = s?.title ?? file.replace(/\.txt$/, '');
      out.push({ id, title, pack, year: documentYear({ year: s?.year, title, id }), file: join(dir, pack, file), text: readFileSync(join(dir, pack, file), 'utf8') });
    }
  }
  return out;
}

/** The corpus base plus the shipped speeches; the shipped corpus when there is no corpus base. */
export function checkCorpus(): YearedDocument[] {
  const base = baseDocuments();
  return base.length > 0 ? [...base, ...shippedDocuments(['speeches'])] : shippedDocuments();
}
