/**
 * `npm run bench [-- --json]`: build time, memory and query latency of the phrase engine on synthetic
 * corpora of 0.1 M, 1 M and 10 M characters, against two peers a developer might pick instead.
 *
 * Corpora: the sentences of the shipped corpus minus five held-out documents, shuffled across documents
 * (seeded) and packed into ~3,000-character documents until the size is reached, so the text stays
 * realistic. Queries: 2,000 real positions of the held-out documents, each carrying the text before it up
 * to `BEFORE_CURSOR_WINDOW_CHARS`, as the editor sends it (the engine's context is the paragraph; document
 * affinity and the draft memory read the rest); in a quarter the paragraph is cut to its last 1–2
 * characters (the worst case of a short context). Before each size is measured, 1,000 queries from two
 * other held-out documents warm it up.
 * Peers, giving the same kind of answer (the continuation of the typed text within its clause): a naive
 * scan of the corpus clauses with indexOf, backing off from 8 to 2 characters, and FlexSearch
 * (tokenize: 'forward') over the clauses, backing off the same way. This script owns measuring only.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Index as FlexIndex } from 'flexsearch';
import { parseCorpusManifest } from '../src/corpus/manifest';
import { buildPhraseIndex, indexBytes } from '../src/phrases/build';
import { quantile } from '../src/phrases/evaluate';
import { cleanText } from '../src/phrases/normalize';
import { suggestFromIndex } from '../src/phrases/query';
import { BEFORE_CURSOR_WINDOW_CHARS } from '../src/phrases/types';
import { seededRandom } from './random';

const CORPUS_DIR = resolve(import.meta.dirname, '..', 'corpus');
const SIZES_CHARS = [100_000, 1_000_000, 10_000_000];
const QUERY_COUNT = 2_000;
const SHORT_CONTEXT_SHARE = 0.25;
/** Queries run before measuring each size, from a document of their own (see `WARM_UP_IDS`). */
const WARM_UP_QUERIES = 1_000;
/** The naive scan is linear in the corpus: at 10 M it is timed on fewer queries to finish in minutes. */
const NAIVE_QUERY_CAP_AT_10M = 200;
const SYNTHETIC_DOC_CHARS = 3_000;
const SENTENCES_PER_PARAGRAPH = 4;
const PEER_MAX_CONTEXT_CHARS = 8;
const HELD_OUT_IDS = new Set(['speech-004', 'report-2026-yunnan', 'report-2026-hebei']);
/**
 * Held out too, and queried only to warm up: the compiler settles on text like the measured one, and what
 * the warm-up leaves in the engine's memos (word chunks, clause-end matches) comes from other text than the
 * measured queries', as a writer's earlier drafts would.
 */
const WARM_UP_IDS = new Set(['speech-003', 'report-2026-xizang']);
const CLAUSE_BREAK = /[，。！？；：、\n]/;

function corpus(): { train: string[]; heldOut: string[]; warmUp: string[] } {
  const manifest = parseCorpusManifest(JSON.parse(readFileSync(join(CORPUS_DIR, 'manifest.json'), 'utf8')));
  const train: string[] = [];
  const heldOut: string[] = [];
  const warmUp: string[] = [];
  for (const d of manifest.documents) {
    const text = cleanText(readFileSync(join(CORPUS_DIR, d.path), 'utf8'));
    (HELD_OUT_IDS.has(d.id) ? heldOut : WARM_UP_IDS.has(d.id) ? warmUp : train).push(text);
  }
  return { train, heldOut, warmUp };
}

function syntheticDocs(texts: string[], chars: number, random: () => number): string[] {
  const sentences = texts.flatMap((t) => t.split('\n')).flatMap((p) => p.match(/[^。！？；]+[。！？；]?/g) ?? []).filter((s) => s.length > 1);
  const docs: string[] = [];
  let total = 0;
  while (total < chars) {
    const paragraphs: string[] = [];
    let len = 0;
    while (len < SYNTHETIC_DOC_CHARS && total + len < chars) {
      let p = '';
      for (let i = 0; i < SENTENCES_PER_PARAGRAPH; i++) p += sentences[Math.floor(random() * sentences.length)];
      paragraphs.push(p);
      len += p.length + 1;
    }
    docs.push(paragraphs.join('\n'));
    total += len;
  }
  return docs;
}

function queries(heldOut: string[], count: number, random: () => number): string[] {
  const out: string[] = [];
  while (out.length < count) {
    const doc = heldOut[Math.floor(random() * heldOut.length)];
    const at = 1 + Math.floor(random() * (doc.length - 1));
    if (doc[at - 1] === '\n') continue;
    // What the editor sends: the text before the cursor, across paragraphs, up to the window.
    const before = doc.slice(Math.max(0, at - BEFORE_CURSOR_WINDOW_CHARS), at);
    if (random() >= SHORT_CONTEXT_SHARE) {
      out.push(before);
      continue;
    }
    // The worst case: a paragraph whose first 1–2 characters are all the context there is.
    const paragraphStart = before.lastIndexOf('\n') + 1;
    const paragraph = before.slice(paragraphStart);
    out.push(before.slice(0, paragraphStart) + paragraph.slice(-1 - Math.floor(random() * 2)));
  }
  return out;
}

/** The tail of the context inside its clause, as the peers search it. */
function clauseTail(context: string): string {
  const parts = context.split(CLAUSE_BREAK);
  return parts[parts.length - 1].slice(-PEER_MAX_CONTEXT_CHARS);
}

function topContinuation(continuations: Map<string, number>): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const [c, n] of continuations) if (n > bestCount) [best, bestCount] = [c, n];
  return best;
}

function naiveSuggest(clauses: string[], context: string): string | undefined {
  const tail = clauseTail(context);
  for (let len = tail.length; len >= Math.min(2, tail.length) && len > 0; len--) {
    const q = tail.slice(-len);
    const found = new Map<string, number>();
    for (const clause of clauses) {
      for (let i = clause.indexOf(q); i >= 0; i = clause.indexOf(q, i + 1)) {
        const rest = clause.slice(i + q.length);
        if (rest) found.set(rest, (found.get(rest) ?? 0) + 1);
      }
    }
    if (found.size > 0) return topContinuation(found);
  }
  return undefined;
}

function flexSuggest(index: FlexIndex, clauses: string[], context: string): string | undefined {
  const tail = clauseTail(context);
  for (let len = tail.length; len >= Math.min(2, tail.length) && len > 0; len--) {
    const q = tail.slice(-len);
    const found = new Map<string, number>();
    for (const id of index.search(q, { limit: 50 }) as number[]) {
      const clause = clauses[id];
      const i = clause.indexOf(q);
      const rest = i >= 0 ? clause.slice(i + q.length) : '';
      if (rest) found.set(rest, (found.get(rest) ?? 0) + 1);
    }
    if (found.size > 0) return topContinuation(found);
  }
  return undefined;
}

function timeQueries(qs: string[], run: (q: string) => unknown): number[] {
  return qs.map((q) => {
    const t0 = performance.now();
    run(q);
    return performance.now() - t0;
  });
}

interface SizeResult { chars: number; buildMs: number; bytesPerChar: number; p50Ms: number; p99Ms: number; naiveP99Ms: number; flexP99Ms: number; naiveP50Ms: number; flexP50Ms: number; flexBuildMs: number; naiveQueries: number }

function benchSize(chars: number, train: string[], qs: string[], warmUp: string[], log: (s: string) => void): SizeResult {
  const docs = syntheticDocs(train, chars, seededRandom(chars));
  const index = buildPhraseIndex(docs.map((text, i) => ({ id: `syn-${i}`, title: `synthetic ${i}`, pack: 'bench', text })));
  for (const q of warmUp) suggestFromIndex(index, q);
  const lat = timeQueries(qs, (q) => suggestFromIndex(index, q));
  log(`  engine: build ${index.buildMs.toFixed(0)} ms, ${(indexBytes(index) / index.chars).toFixed(1)} B/char, p50 ${quantile(lat, 0.5).toFixed(3)} ms, p99 ${quantile(lat, 0.99).toFixed(3)} ms`);

  const clauses = docs.flatMap((d) => d.split(CLAUSE_BREAK)).filter((c) => c.length > 0);
  const naiveQs = chars >= 10_000_000 ? qs.slice(0, NAIVE_QUERY_CAP_AT_10M) : qs;
  const naiveLat = timeQueries(naiveQs, (q) => naiveSuggest(clauses, q));
  log(`  naive scan (${naiveQs.length} queries): p50 ${quantile(naiveLat, 0.5).toFixed(3)} ms, p99 ${quantile(naiveLat, 0.99).toFixed(3)} ms`);

  const t0 = performance.now();
  const flex = new FlexIndex({ tokenize: 'forward' });
  clauses.forEach((c, i) => flex.add(i, c));
  const flexBuildMs = performance.now() - t0;
  const flexLat = timeQueries(qs, (q) => flexSuggest(flex, clauses, q));
  log(`  FlexSearch: build ${flexBuildMs.toFixed(0)} ms, p50 ${quantile(flexLat, 0.5).toFixed(3)} ms, p99 ${quantile(flexLat, 0.99).toFixed(3)} ms`);
  return {
    chars: index.chars,
    buildMs: Math.round(index.buildMs),
    bytesPerChar: Math.round((indexBytes(index) / index.chars) * 100) / 100,
    p50Ms: quantile(lat, 0.5),
    p99Ms: quantile(lat, 0.99),
    naiveP50Ms: quantile(naiveLat, 0.5),
    naiveP99Ms: quantile(naiveLat, 0.99),
    naiveQueries: naiveQs.length,
    flexBuildMs: Math.round(flexBuildMs),
    flexP50Ms: quantile(flexLat, 0.5),
    flexP99Ms: quantile(flexLat, 0.99),
  };
}

function main(): void {
  const json = process.argv.includes('--json');
  const log = json ? () => {} : (s: string) => console.log(s);
  const { train, heldOut, warmUp: warmUpDocs } = corpus();
  const qs = queries(heldOut, QUERY_COUNT, seededRandom(7));
  const warmUp = queries(warmUpDocs, WARM_UP_QUERIES, seededRandom(8));
  const sizes: SizeResult[] = [];
  for (const chars of SIZES_CHARS) {
    log(`${(chars / 1e6).toFixed(1)} M characters`);
    sizes.push(benchSize(chars, train, qs, warmUp, log));
  }
  if (json) {
    console.log(JSON.stringify({ sizes: sizes.map(({ chars, buildMs, bytesPerChar, p50Ms, p99Ms, naiveP99Ms, flexP99Ms }) => ({ chars, buildMs, bytesPerChar, p50Ms, p99Ms, naiveP99Ms, flexP99Ms })) }));
    return;
  }
  const f = (x: number): string => x.toFixed(3).padStart(9);
  console.log(`\n${QUERY_COUNT} queries from held-out text (${SHORT_CONTEXT_SHARE * 100}% cut to 1–2 characters); latencies in ms`);
  console.log(['chars'.padStart(10), 'build ms'.padStart(9), 'B/char'.padStart(7), 'p50'.padStart(9), 'p99'.padStart(9), 'naive p99'.padStart(10), 'flex p99'.padStart(9), 'naive/eng'.padStart(10), 'flex/eng'.padStart(9)].join(' '));
  for (const s of sizes) {
    console.log([String(s.chars).padStart(10), String(s.buildMs).padStart(9), s.bytesPerChar.toFixed(1).padStart(7), f(s.p50Ms), f(s.p99Ms), f(s.naiveP99Ms).padStart(10), f(s.flexP99Ms),
      `${(s.naiveP99Ms / s.p99Ms).toFixed(0)}×`.padStart(10), `${(s.flexP99Ms / s.p99Ms).toFixed(1)}×`.padStart(9)].join(' '));
  }
  console.log(`(naive scan timed on ${NAIVE_QUERY_CAP_AT_10M} of the queries at 10 M; p99 ratios are p99 over p99)`);
}

main();
