/**
 * `npm run bench:checks`: the time to check a 20,000-character draft in the worker, through the worker's
 * request handler (src/phrases/protocol.ts, the code the Web Worker runs) on the app's corpus
 * (corpus/manifest.json, years from the manifest), the draft's own documents left out of the index.
 * The draft is 2026 reports concatenated; the app asks for 提法/时效/引文 (WORKER_CHECK_KINDS). Prints the
 * median and the spread of the worker's own timing (the sum of its pieces), the first run apart (it fills
 * the per-character pinyin memos). The scheduler runs each piece at once here, so wall time = worker time.
 */
import { createPhraseRequestHandler, importCheckEngine, type PhraseResponse } from '../src/phrases/protocol';
import { WORKER_CHECK_KINDS } from '../src/state/checks';
import { shippedDocuments } from './checks-corpus';

const DRAFT_CHARS = 20_000;
const RUNS = 9;

const corpus = shippedDocuments();
let draft = '';
const used = new Set<string>();
for (const d of corpus.filter((d) => d.pack === 'reports-2026')) {
  if (draft.length >= DRAFT_CHARS) break;
  draft += `${d.text}\n`;
  used.add(d.id);
}
draft = draft.slice(0, DRAFT_CHARS);
const train = corpus.filter((d) => !used.has(d.id));

let last: PhraseResponse | null = null;
const handle = createPhraseRequestHandler((r) => { last = r; }, (task) => task(), await importCheckEngine());
const t0 = performance.now();
handle({ type: 'build', id: 1, docs: train, meta: train.map((d) => ({ title: d.title, year: d.year })) });
const buildMs = performance.now() - t0;
handle({ type: 'checkConfig', id: 2, config: { officeRules: [], studyMaterial: [] } });

function run(id: number, kinds?: typeof WORKER_CHECK_KINDS): { ms: number; findings: number } {
  handle({ type: 'check', id, text: draft, options: { year: 2026, kinds } });
  const r = last as PhraseResponse | null;
  if (!r || r.type !== 'checked' || !r.findings) throw new Error(`check ${id} failed: ${JSON.stringify(r).slice(0, 200)}`);
  return { ms: r.ms, findings: r.findings.length };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
let id = 3;
console.log(`index: ${train.length} documents (${used.size} left out for the draft), built in ${buildMs.toFixed(0)} ms (the checker is made with it)`);
for (const [label, kinds] of [['提法/时效/引文 (what the app asks)', WORKER_CHECK_KINDS], ['all kinds', undefined]] as const) {
  const first = run(id++, kinds);
  const times: number[] = [];
  let findings = 0;
  for (let r = 0; r < RUNS; r++) {
    const x = run(id++, kinds);
    times.push(x.ms);
    findings = x.findings;
  }
  console.log(`check of a ${draft.length}-character draft, ${label}: median ${median(times).toFixed(0)} ms, range ${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)} ms over ${RUNS} runs (first run ${first.ms.toFixed(0)} ms); ${findings} findings`);
}
