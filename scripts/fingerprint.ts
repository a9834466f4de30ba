/**
 * `npm run fingerprint [-- --verbose]`: a sha256 of what the engine suggests on a fixed, deterministic set
 * of queries, to show that a refactoring changed no behaviour (the hash must be byte-identical before and
 * after). Queries: every `STRIDE`th position of each shipped document, typed with an index of the other
 * documents (leave-one-out), asked with the draft window, with the paragraph alone, as a committed IME word,
 * without the draft memory at a threshold, and as the raw candidate pool (evidence and expected saving);
 * then every `FULL_INDEX_STRIDE`th position against the index of the whole corpus. Every field of every
 * suggestion goes into the hash, numbers at full precision, in order. This script owns measuring only.
 * `--sample N` (a quick check between full runs, its own hash): only every Nth document is held out, and
 * the whole-corpus queries are N times sparser.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCorpusManifest } from '../src/corpus/manifest';
import { buildPhraseIndex, type PhraseIndex } from '../src/phrases/build';
import { cleanText } from '../src/phrases/normalize';
import { CANDIDATE_POOL, findCandidates, suggestFromIndex } from '../src/phrases/query';
import { BEFORE_CURSOR_WINDOW_CHARS, type PhraseDocument, type SuggestOptions } from '../src/phrases/types';

const CORPUS_DIR = resolve(import.meta.dirname, '..', 'corpus');
/** Positions between two queries of a held-out document. */
const STRIDE = 53;
/** Positions between two queries against the index of the whole corpus. */
const FULL_INDEX_STRIDE = 211;

function corpusDocuments(): PhraseDocument[] {
  const manifest = parseCorpusManifest(JSON.parse(readFileSync(join(CORPUS_DIR, 'manifest.json'), 'utf8')));
  return manifest.documents.map((d) => ({ id: d.id, title: d.title, pack: d.pack, text: readFileSync(join(CORPUS_DIR, d.path), 'utf8') }));
}

function main(): void {
  const verbose = process.argv.includes('--verbose');
  const sampleAt = process.argv.indexOf('--sample');
  const sample = sampleAt >= 0 ? Number(process.argv[sampleAt + 1]) : 1;
  if (!Number.isInteger(sample) || sample < 1) throw new Error('--sample: a whole number ≥ 1');
  const hash = createHash('sha256');
  let records = 0;
  let suggestions = 0;
  const add = (key: string, value: unknown): void => {
    const line = JSON.stringify([key, value]) + '\n';
    hash.update(line);
    records++;
    if (verbose) process.stdout.write(line);
  };
  const ask = (index: PhraseIndex, key: string, before: string, options?: SuggestOptions): void => {
    const out = suggestFromIndex(index, before, options);
    suggestions += out.length;
    add(key, out);
  };

  const docs = corpusDocuments();
  docs.forEach((held, i) => {
    if (i % sample !== 0) return;
    const index = buildPhraseIndex(docs.filter((_, j) => j !== i));
    const text = cleanText(held.text);
    for (let at = 1; at < text.length; at += STRIDE) {
      const before = text.slice(Math.max(0, at - BEFORE_CURSOR_WINDOW_CHARS), at);
      const paragraph = before.slice(before.lastIndexOf('\n') + 1);
      const key = `${held.id}@${at}`;
      ask(index, `${key} window`, before);
      ask(index, `${key} paragraph`, paragraph);
      ask(index, `${key} committed`, before, { committedChars: 1 + (at % 4) });
      ask(index, `${key} no-draft`, before, { draftMemory: false, minConfidence: 0.3, limit: 3 });
      const pool = findCandidates(index, before, CANDIDATE_POOL);
      suggestions += pool.length;
      add(`${key} pool`, pool);
    }
  });
  const full = buildPhraseIndex(docs);
  for (const doc of docs) {
    const text = cleanText(doc.text);
    for (let at = 1; at < text.length; at += FULL_INDEX_STRIDE * sample) ask(full, `${doc.id}@${at} full`, text.slice(Math.max(0, at - BEFORE_CURSOR_WINDOW_CHARS), at));
  }
  console.log(JSON.stringify({ records, suggestions, sha256: hash.digest('hex') }));
}

main();
