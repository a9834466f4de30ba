/** The shipped corpus (corpus/manifest.json) as phrase documents, for tests that run against it. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCorpusManifest } from '../../../src/corpus/manifest';
import type { PhraseDocument } from '../../../src/phrases/types';

const CORPUS_DIR = resolve(import.meta.dirname, '..', '..', '..', 'corpus');

export function shippedDocuments(): PhraseDocument[] {
  const manifest = parseCorpusManifest(JSON.parse(readFileSync(join(CORPUS_DIR, 'manifest.json'), 'utf8')));
  return manifest.documents.map((d) => ({ id: d.id, title: d.title, pack: d.pack, text: readFileSync(join(CORPUS_DIR, d.path), 'utf8') }));
}
