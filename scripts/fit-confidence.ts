/**
 * `npx tsx scripts/fit-confidence.ts [--fit PACK] [--threshold T] [--model FILE] [--tuning JSON] [--l2 L] [--out FILE]
 *   [--samples FILE] [--drop TERM,...] [--top] [--fit-top]`
 *
 * Refits the logistic acceptance model of src/phrases/confidence.ts, reproducibly. Data: leave-one-out
 * over corpus/, the simulated writer of src/phrases/evaluate.ts walking each document with the query's
 * candidates shown at confidence ≥ T (default: the default level) under the current model (or --model, a
 * JSON file of weights from an earlier run: the writer's path depends on the model, so fit, then refit
 * on the new path). At every position the writer visits, every candidate of the pool is one sample,
 * labelled 1 when the writer would accept at least its head. Fits on the --fit pack only (default
 * reports-2026, the larger one) by Newton's method with an L2 penalty (bias not penalised) and prints
 * the log-loss and AUC of the shipped and the new weights on every pack, then the new weights as JSON.
 * --samples caches the collected samples in FILE (read when it exists: refit without walking again);
 * --drop fits without the listed terms (their weights are 0), to measure what each term buys.
 * --top collects only the candidate offered at each position; --fit-top collects the pool but fits on the
 * offered candidates only (how the shipped model was fitted, see confidence.ts); the AUC of the offered
 * candidates is printed under each pack.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCorpusManifest } from '../src/corpus/manifest';
import { buildPhraseIndex } from '../src/phrases/build';
import { ACCEPTANCE_MODEL, acceptanceFeatures, confidenceLevel, estimateConfidence, type AcceptanceModel } from '../src/phrases/confidence';
import { acceptance, emptyTally, simulateWriter } from '../src/phrases/evaluate';
import { cleanText } from '../src/phrases/normalize';
import { CANDIDATE_POOL, DEFAULT_QUERY_TUNING, findCandidates, orderCandidates, type QueryTuning } from '../src/phrases/query';
import type { ContinuationEvidence } from '../src/phrases/confidence';

const CORPUS_DIR = resolve(import.meta.dirname, '..', 'corpus');
const NEWTON_STEPS = 25;
const DEFAULT_L2 = 1;

/** One candidate at one position: `top` when it is the one the writer is offered at threshold 0. */
interface Sample { pack: string; evidence: ContinuationEvidence; label: 0 | 1; top: boolean }

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function corpusDocuments() {
  const manifest = parseCorpusManifest(JSON.parse(readFileSync(join(CORPUS_DIR, 'manifest.json'), 'utf8')));
  return manifest.documents.map((d) => ({ id: d.id, title: d.title, pack: d.pack, text: readFileSync(join(CORPUS_DIR, d.path), 'utf8') }));
}

/** Samples from the writer's path over every held-out document. */
function collect(threshold: number, model: AcceptanceModel, tuning: QueryTuning, topOnly: boolean): Sample[] {
  const docs = corpusDocuments();
  const samples: Sample[] = [];
  docs.forEach((held, i) => {
    const index = buildPhraseIndex(docs.filter((_, j) => j !== i));
    const text = cleanText(held.text);
    simulateWriter(text, (before, at) => {
      const pool = findCandidates(index, before, CANDIDATE_POOL, tuning, model);
      const first = orderCandidates(pool, 0, tuning)[0];
      for (const c of topOnly ? pool.slice(0, 0).concat(first ?? []) : pool) samples.push({ pack: held.pack, evidence: c.evidence, label: acceptance(text, at, c.suggestion).chars > 0 ? 1 : 0, top: c === first });
      return orderCandidates(pool, threshold, tuning)[0]?.suggestion;
    }, emptyTally());
  });
  return samples;
}

/** Solves `a x = b` (small, symmetric positive definite) by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = 0; r < n; r++) {
      if (r === c || m[c][c] === 0) continue;
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, i) => (row[i] === 0 ? 0 : row[n] / row[i]));
}

/** L2-penalised logistic regression by Newton's method, from `start`. */
function fit(samples: Sample[], start: AcceptanceModel, l2: number, dropped: ReadonlySet<string>): AcceptanceModel {
  const keys = (Object.keys(ACCEPTANCE_MODEL) as Array<keyof AcceptanceModel>).filter((k) => !dropped.has(k));
  const xs = samples.map((s) => { const f = acceptanceFeatures(s.evidence); return keys.map((k) => f[k]); });
  let w = keys.map((k) => start[k] ?? 0);
  for (let step = 0; step < NEWTON_STEPS; step++) {
    const g = keys.map((k, j) => (k === 'bias' ? 0 : l2 * w[j]));
    const h = keys.map((k, j) => keys.map((_, l) => (j === l && k !== 'bias' ? l2 : 0)));
    xs.forEach((x, i) => {
      let z = 0;
      for (let j = 0; j < x.length; j++) z += w[j] * x[j];
      const p = 1 / (1 + Math.exp(-z));
      const r = p - samples[i].label;
      const v = p * (1 - p);
      for (let j = 0; j < x.length; j++) {
        g[j] += r * x[j];
        for (let l = 0; l < x.length; l++) h[j][l] += v * x[j] * x[l];
      }
    });
    const d = solve(h, g);
    w = w.map((x, j) => x - d[j]);
  }
  const out = Object.fromEntries(Object.keys(ACCEPTANCE_MODEL).map((k) => [k, 0])) as AcceptanceModel;
  keys.forEach((k, j) => { out[k] = Math.round(w[j] * 100) / 100; });
  return out;
}

/** Mean log-loss and AUC of `model` on `samples`. */
function score(samples: Sample[], model: AcceptanceModel): { logLoss: number; auc: number } {
  const scored = samples.map((s) => ({ p: estimateConfidence(s.evidence, model), y: s.label }));
  let loss = 0;
  for (const { p, y } of scored) loss -= Math.log(Math.min(1 - 1e-9, Math.max(1e-9, y ? p : 1 - p)));
  scored.sort((a, b) => a.p - b.p);
  let rankSum = 0;
  let pos = 0;
  scored.forEach((s, r) => { if (s.y) { rankSum += r + 1; pos++; } });
  const neg = scored.length - pos;
  const auc = pos && neg ? (rankSum - (pos * (pos + 1)) / 2) / (pos * neg) : 0;
  return { logLoss: loss / Math.max(1, scored.length), auc };
}

function main(): void {
  const fitPack = flag('--fit') ?? 'reports-2026';
  const threshold = Number(flag('--threshold') ?? confidenceLevel(undefined).minConfidence);
  const modelFile = flag('--model');
  const model: AcceptanceModel = modelFile ? JSON.parse(readFileSync(modelFile, 'utf8')) : ACCEPTANCE_MODEL;
  const tuning: QueryTuning = { ...DEFAULT_QUERY_TUNING, ...JSON.parse(flag('--tuning') ?? '{}') };
  const l2 = Number(flag('--l2') ?? DEFAULT_L2);
  const cache = flag('--samples');
  const samples: Sample[] = cache && existsSync(cache) ? JSON.parse(readFileSync(cache, 'utf8')) : collect(threshold, model, tuning, process.argv.includes('--top'));
  if (cache && !existsSync(cache)) writeFileSync(cache, JSON.stringify(samples));
  const dropped = new Set((flag('--drop') ?? '').split(',').filter(Boolean));
  const fitTop = process.argv.includes('--fit-top');
  const fitted = fit(samples.filter((s) => s.pack === fitPack && (!fitTop || s.top)), model, l2, dropped);
  for (const pack of [...new Set(samples.map((s) => s.pack))]) {
    const own = samples.filter((s) => s.pack === pack);
    const before = score(own, model);
    const after = score(own, fitted);
    const positives = own.filter((s) => s.label).length;
    console.error(`${pack}${pack === fitPack ? ' (fit)' : ''}: ${own.length} samples, ${positives} accepted; log-loss ${before.logLoss.toFixed(4)} → ${after.logLoss.toFixed(4)}, AUC ${before.auc.toFixed(4)} → ${after.auc.toFixed(4)}`);
    const tops = own.filter((s) => s.top);
    console.error(`  top candidates: ${tops.length}; AUC ${score(tops, model).auc.toFixed(4)} → ${score(tops, fitted).auc.toFixed(4)}`);
  }
  const json = JSON.stringify(fitted, null, 2);
  const out = flag('--out');
  if (out) writeFileSync(out, json);
  console.log(json);
}

main();
