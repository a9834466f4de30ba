/**
 * `npx tsx scripts/fit-confidence.ts [--fit PACK,...] [--threshold T] [--sample K [--sample-offset J]] [--jobs N] [--tree-folds DIR] [--model FILE] [--draft-model FILE] [--tuning JSON] [--l2 L]
 *   [--out FILE | --install] [--samples FILE] [--drop TERM,...] [--top] [--fit-top] [--draft] [--trees N [--depth D] [--folds K] [--pool] [--tree-drop INPUT,...] [--lr R] [--lambda L] [--subsample F]]`
 *
 * Refits the acceptance models of src/phrases/confidence.ts, reproducibly. Data: leave-one-out over corpus/,
 * the simulated writer of src/phrases/evaluate.ts walking each document with the query's candidates shown
 * at confidence ≥ T (default: the default level) under the current models (or --model / --draft-model,
 * JSON files of weights from an earlier run: the writer's path depends on the models, so fit, then refit on
 * the new path). At every position the writer visits, every candidate of the pool is one sample, labelled 1
 * when the writer would accept at least its head. Each document is asked in its own year (recency), as
 * `npm run eval` asks; --sample K walks only every K-th paragraph, --jobs N splits the documents over N child
 * processes, --tree-folds DIR walks each document of the trees' fit packs with trees that never saw it.
 * Fits on the --fit packs only (default reports-2026) by Newton's method with step halving and an L2 penalty (bias not penalised), from the base
 * rate, and prints the log-loss and AUC of the shipped and the new weights on every pack, then the weights.
 * --samples caches the collected samples in FILE (read when it exists: refit without walking again);
 * --drop fits without the listed terms (their weights are 0), to measure what each term buys.
 * --top collects only the candidate offered at each position and the draft's own candidates; --fit-top collects the pool but fits on the
 * offered candidates only; the AUC of the offered candidates is printed under each pack. --draft fits the
 * model of draft candidates instead, on every draft candidate.
 * --trees N instead boosts N oblivious trees of depth D (default 3) on the logistic model's margin
 * (`src/phrases/trees.ts`, `scripts/boost.ts`), on the offered candidates of the fit packs (--pool: every
 * candidate), prints the AUC by K-fold cross-validation over their documents (default 5; 0 = skip) and on the
 * other packs. --tree-drop INPUT,... fits the trees without those inputs, to measure what each buys; --lr and
 * --lambda set the boosting's learning rate and leaf penalty (`scripts/boost.ts`); --subsample F grows each
 * tree on a fresh share F of the samples (stochastic boosting).
 * --static-curve prints, per pack, how many walked positions' offered candidate reaches each threshold and
 * how many of those are accepted (shipped models, or --model/--draft-model and --tree-folds).
 * --fold-out DIR (cross-fitting, `npm run eval -- --tree-folds DIR`): with --fit-top, the logistic model of each
 * of --folds K (default 3) folds of the fit packs' documents, fitted without them (`DIR/model{k}.json`); with
 * --trees, each fold's trees (`DIR/fold{k}.json`) on that fold's model when DIR has it. The folds are
 * `DIR/folds.json`, written by whichever runs first; --only-fold k fits one fold.
 * --out FILE writes the fitted model or trees; --install writes them where the engine loads them:
 * `--fit-top --install` src/phrases/acceptanceModel.json, `--draft --install` src/phrases/draftModel.json,
 * `--trees 100 --depth 6 --lr 0.25 --install` src/phrases/acceptanceTrees.json (the shipped settings; the
 * shipped models are fitted on `--fit` of the five packs other than the speeches, see docs/engine/evaluation.md).
 * The walk depends on every model: fit, install, collect anew (`--samples` of a new file), refit.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildPhraseIndex } from '../src/phrases/build';
import { ACCEPTANCE_MODEL, DRAFT_MODEL, estimateConfidence, estimateDraftConfidence, logisticMargin, TREE_INPUTS, treeInputs } from '../src/phrases/confidence';
import { DEFAULT_ENGINE_CONFIG, DEFAULT_QUERY_TUNING, type EngineConfig } from '../src/phrases/config';
import { acceptanceFeatures, draftFeatures, type AcceptanceModel, type ContinuationEvidence, type DraftEvidence, type DraftModel } from '../src/phrases/evidence';
import { acceptance, emptyTally, simulateWriter, type ParagraphSample } from '../src/phrases/evaluate';
import { confidenceLevel } from '../src/phrases/levels';
import { cleanText } from '../src/phrases/normalize';
import { orderCandidates } from '../src/phrases/order';
import { CANDIDATE_POOL, findCandidates } from '../src/phrases/query';
import { compileTrees, treeMargin, type CompiledTrees, type TreeEnsemble } from '../src/phrases/trees';
import type { PhraseDocument } from '../src/phrases/types';
import { boost, DEFAULT_BOOST } from './boost';
import { corpusDocuments, crossFittedModel, crossFittedTrees, runShard, shards } from './jobs';

const PHRASES_DIR = resolve(import.meta.dirname, '..', 'src', 'phrases');
/** Where `--install` writes each fitted model: the files the engine ships and loads. */
const SHIPPED = {
  corpus: join(PHRASES_DIR, 'acceptanceModel.json'),
  draft: join(PHRASES_DIR, 'draftModel.json'),
  trees: join(PHRASES_DIR, 'acceptanceTrees.json'),
};
const NEWTON_STEPS = 25;
const DEFAULT_L2 = 1;

/** One candidate at one position: `top` when it is the one the writer is offered at threshold 0. */
type Sample = { pack: string; doc?: string; label: 0 | 1; top: boolean } & ({ source: 'corpus'; evidence: ContinuationEvidence } | { source: 'draft'; evidence: DraftEvidence });

/** One of the two models this script fits: its weights' names, its terms, its estimate. */
interface ModelKind<M> {
  keys: Array<keyof M & string>;
  features: (s: Sample) => Record<keyof M & string, number>;
}

const corpusKind: ModelKind<AcceptanceModel> = {
  keys: Object.keys(ACCEPTANCE_MODEL) as Array<keyof AcceptanceModel>,
  features: (s) => acceptanceFeatures(s.evidence as ContinuationEvidence),
};
const draftKind: ModelKind<DraftModel> = {
  keys: Object.keys(DRAFT_MODEL) as Array<keyof DraftModel>,
  features: (s) => draftFeatures(s.evidence as DraftEvidence),
};

function probability<M>(kind: ModelKind<M>, model: M, s: Sample): number {
  const f = kind.features(s);
  let z = 0;
  for (const k of kind.keys) z += (model[k] as number) * f[k];
  return 1 / (1 + Math.exp(-z));
}

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** How the writer's path is walked: every K-th paragraph (`--sample K`), over `--jobs N` child processes, cross-fitted trees. */
interface WalkOptions {
  sample?: ParagraphSample;
  jobs: number;
  treesFor?: (doc: PhraseDocument) => CompiledTrees | undefined;
  modelFor?: (doc: PhraseDocument) => AcceptanceModel | undefined;
}

/**
 * Samples from the writer's path over the held-out documents `which` (all by default), asked in each
 * document's year (its recency reference, as `npm run eval` asks). `topOnly`: only the offered candidate
 * and the draft's own candidates (what the fits read).
 */
function collectShard(threshold: number, config: EngineConfig, topOnly: boolean, walk: WalkOptions, which?: readonly number[]): Sample[] {
  const { tuning } = config;
  const docs = corpusDocuments();
  const samples: Sample[] = [];
  for (const i of which ?? docs.map((_, j) => j)) {
    const held = docs[i];
    const index = buildPhraseIndex(docs.filter((_, j) => j !== i));
    const trees = walk.treesFor?.(held);
    const model = walk.modelFor?.(held);
    const heldConfig = { ...config, trees: trees ?? config.trees, model: model ?? config.model };
    const text = cleanText(held.text);
    simulateWriter(text, (before, at) => {
      const pool = findCandidates(index, before, CANDIDATE_POOL, heldConfig, held.year ?? undefined);
      const first = orderCandidates(pool, 0, tuning)[0];
      for (const c of pool) {
        if (topOnly && c !== first && c.source !== 'draft') continue;
        samples.push({ source: c.source, evidence: c.evidence, pack: held.pack, doc: held.id, label: acceptance(text, at, c.suggestion).chars > 0 ? 1 : 0, top: c === first } as Sample);
      }
      return orderCandidates(pool, threshold, tuning)[0]?.suggestion;
    }, emptyTally(), walk.sample);
  }
  return samples;
}

/** `collectShard` over every document, split over `walk.jobs` child processes that write their samples to `file`.shardN. */
async function collect(threshold: number, config: EngineConfig, topOnly: boolean, walk: WalkOptions, file: string | undefined): Promise<Sample[]> {
  if (walk.jobs <= 1 || !file) return collectShard(threshold, config, topOnly, walk);
  const docs = corpusDocuments();
  const parts = shards(docs, docs.map((_, i) => i), walk.jobs);
  const argv = process.argv.slice(2).filter((a, i, all) => a !== '--jobs' && all[i - 1] !== '--jobs');
  await Promise.all(parts.map((part, k) => runShard([...argv, '--shard-out', `${file}.shard${k}`], part)));
  const samples: Sample[] = [];
  for (let k = 0; k < parts.length; k++) {
    for (const x of readSamples(`${file}.shard${k}`)) samples.push(x);
    rmSync(`${file}.shard${k}`);
  }
  return samples;
}

/** The sample cache holds one JSON sample per line: a million samples are more than one string may hold. */
function writeSamples(file: string, samples: readonly Sample[]): void {
  const fd = openSync(file, 'w');
  for (let i = 0; i < samples.length; i += 10_000) writeSync(fd, samples.slice(i, i + 10_000).map((x) => JSON.stringify(x) + '\n').join(''));
  closeSync(fd);
}

function readSamples(file: string): Sample[] {
  const bytes = readFileSync(file);
  const samples: Sample[] = [];
  for (let start = 0; start < bytes.length; ) {
    const end = bytes.indexOf(10, start);
    const stop = end < 0 ? bytes.length : end;
    if (stop > start) samples.push(JSON.parse(bytes.toString('utf8', start, stop)) as Sample);
    start = stop + 1;
  }
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

/** L2-penalised logistic regression by Newton's method. */
function fit<M>(kind: ModelKind<M>, samples: Sample[], l2: number, dropped: ReadonlySet<string>): M {
  const keys = kind.keys.filter((k) => !dropped.has(k));
  const xs = samples.map((s) => { const f = kind.features(s); return keys.map((k) => f[k]); });
  const rate = Math.min(0.99, Math.max(0.01, samples.filter((s) => s.label).length / Math.max(1, samples.length)));
  let w = keys.map((k) => (k === 'bias' ? Math.log(rate / (1 - rate)) : 0));
  const penalised = (v: number[]): number => {
    let loss = 0;
    xs.forEach((x, i) => {
      let z = 0;
      for (let j = 0; j < x.length; j++) z += v[j] * x[j];
      // log(1 + e^z) − y·z, stable for large |z|.
      loss += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - samples[i].label * z;
    });
    keys.forEach((k, j) => { if (k !== 'bias') loss += (l2 / 2) * v[j] * v[j]; });
    return loss;
  };
  let current = penalised(w);
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
    // Newton's step, halved until the penalised loss goes down (a full step can overshoot from afar).
    for (let t = 1; t > 1e-4; t /= 2) {
      const next = w.map((x, j) => x - t * d[j]);
      const loss = penalised(next);
      if (loss <= current) {
        w = next;
        current = loss;
        break;
      }
    }
  }
  const out = Object.fromEntries(kind.keys.map((k) => [k, 0])) as Record<string, number>;
  keys.forEach((k, j) => { out[k] = Math.round(w[j] * 100) / 100; });
  return out as M;
}

/** Mean log-loss and AUC of `model` on `samples`. */
function score<M>(kind: ModelKind<M>, samples: Sample[], model: M): { logLoss: number; auc: number } {
  const scored = samples.map((s) => ({ p: probability(kind, model, s), y: s.label }));
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

async function main(): Promise<void> {
  const fitPacks = (flag('--fit') ?? 'reports-2026').split(',');
  const threshold = Number(flag('--threshold') ?? confidenceLevel(undefined).minConfidence);
  const modelFile = flag('--model');
  const model: AcceptanceModel = modelFile ? JSON.parse(readFileSync(modelFile, 'utf8')) : ACCEPTANCE_MODEL;
  const draftModelFile = flag('--draft-model');
  const draftModel: DraftModel = draftModelFile ? JSON.parse(readFileSync(draftModelFile, 'utf8')) : DRAFT_MODEL;
  const tuning = { ...DEFAULT_QUERY_TUNING, ...JSON.parse(flag('--tuning') ?? '{}') };
  const l2 = Number(flag('--l2') ?? DEFAULT_L2);
  const cache = flag('--samples');
  const config: EngineConfig = { ...DEFAULT_ENGINE_CONFIG, tuning, model, draftModel };
  const sampleEvery = Number(flag('--sample') ?? 1);
  const treeFolds = flag('--tree-folds');
  const walk: WalkOptions = {
    sample: sampleEvery > 1 ? { every: sampleEvery, offset: Number(flag('--sample-offset') ?? 0) } : undefined,
    jobs: Number(flag('--jobs') ?? 1),
    treesFor: treeFolds ? crossFittedTrees(treeFolds) : undefined,
    modelFor: treeFolds ? crossFittedModel(treeFolds) : undefined,
  };
  const topOnly = process.argv.includes('--top');
  const shard = flag('--shard');
  if (shard) {
    // A child of --jobs: its samples into the file the parent reads.
    writeSamples(flag('--shard-out')!, collectShard(threshold, config, topOnly, walk, shard.split(',').map(Number)));
    return;
  }
  const samples: Sample[] = cache && existsSync(cache) ? readSamples(cache) : await collect(threshold, config, topOnly, walk, cache);
  if (cache && !existsSync(cache)) writeSamples(cache, samples);
  const install = process.argv.includes('--install');
  const draft = process.argv.includes('--draft');
  if (process.argv.includes('--static-curve')) {
    staticCurve(samples, config, walk.treesFor);
    return;
  }
  const trees = flag('--trees');
  if (trees) {
    const json = reportTrees(samples.filter((s) => s.source === 'corpus' && (s.top || process.argv.includes('--pool'))), model, fitPacks, {
      ...DEFAULT_BOOST,
      trees: Number(trees),
      depth: Number(flag('--depth') ?? DEFAULT_BOOST.depth),
      learningRate: Number(flag('--lr') ?? DEFAULT_BOOST.learningRate),
      lambda: Number(flag('--lambda') ?? DEFAULT_BOOST.lambda),
      subsample: Number(flag('--subsample') ?? 1),
    });
    const out = flag('--out') ?? (install ? SHIPPED.trees : undefined);
    if (out && json) writeFileSync(out, json);
    else if (json) console.log(json);
    return;
  }
  const dropped = new Set((flag('--drop') ?? '').split(',').filter(Boolean));
  const fitTop = process.argv.includes('--fit-top');
  const foldOut = flag('--fold-out');
  if (foldOut && !draft) {
    writeFoldModels(foldOut, samples.filter((s) => s.source === 'corpus' && fitPacks.includes(s.pack) && (!fitTop || s.top)), l2, dropped);
    return;
  }
  const json = draft
    ? report(draftKind, samples.filter((s) => s.source === 'draft'), draftModel, fitPacks, false, l2, dropped)
    : report(corpusKind, samples.filter((s) => s.source === 'corpus'), model, fitPacks, fitTop, l2, dropped);
  const out = flag('--out') ?? (install ? (draft ? SHIPPED.draft : SHIPPED.corpus) : undefined);
  if (out) writeFileSync(out, json + '\n');
  console.log(json);
}

/**
 * The documents' folds of cross-fitting (`DIR/folds.json`, document id → fold): read when DIR has them, so
 * that the logistic models and the trees of fold k leave out the same documents; otherwise document i (in
 * the order they first appear in `docs`) goes to fold i mod `folds`, and the file is written.
 */
function foldsOf(dir: string, docs: readonly string[], folds: number): Record<string, number> {
  const file = join(dir, 'folds.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>;
  mkdirSync(dir, { recursive: true });
  const foldOf = Object.fromEntries(docs.map((d, i) => [d, i % folds]));
  writeFileSync(file, JSON.stringify(foldOf));
  return foldOf;
}

/** `--fit-top --fold-out DIR`: the logistic model of each fold (`DIR/model{k}.json`), fitted without that fold's documents. */
function writeFoldModels(dir: string, samples: readonly Sample[], l2: number, dropped: ReadonlySet<string>): void {
  const foldOf = foldsOf(dir, [...new Set(samples.map((s) => s.doc!))], Number(flag('--folds') ?? 3));
  const only = flag('--only-fold');
  for (const k of new Set(Object.values(foldOf))) {
    if (only !== undefined && Number(only) !== k) continue;
    const model = fit(corpusKind, samples.filter((s) => foldOf[s.doc!] !== k), l2, dropped);
    writeFileSync(join(dir, `model${k}.json`), JSON.stringify(model, null, 2) + '\n');
    const held = samples.filter((s) => foldOf[s.doc!] === k);
    console.error(`fold ${k}: fitted on ${samples.length - held.length} samples; held-out ${held.length}: AUC ${score(corpusKind, held, ACCEPTANCE_MODEL).auc.toFixed(4)} (shipped, saw them) → ${score(corpusKind, held, model).auc.toFixed(4)}`);
  }
}

/** Fits one model on its samples of `fitPacks`, prints its scores on every pack, returns the weights as JSON. */
function report<M>(kind: ModelKind<M>, samples: Sample[], start: M, fitPacks: readonly string[], fitTop: boolean, l2: number, dropped: ReadonlySet<string>): string {
  const fitted = fit<M>(kind, samples.filter((s) => fitPacks.includes(s.pack) && (!fitTop || s.top)), l2, dropped);
  for (const pack of [...new Set(samples.map((s) => s.pack))]) {
    const own = samples.filter((s) => s.pack === pack);
    const before = score(kind, own, start);
    const after = score(kind, own, fitted);
    const positives = own.filter((s) => s.label).length;
    console.error(`${pack}${fitPacks.includes(pack) ? ' (fit)' : ''}: ${own.length} samples, ${positives} accepted; log-loss ${before.logLoss.toFixed(4)} → ${after.logLoss.toFixed(4)}, AUC ${before.auc.toFixed(4)} → ${after.auc.toFixed(4)}`);
    const tops = own.filter((s) => s.top);
    console.error(`  top candidates: ${tops.length}, ${tops.filter((s) => s.label).length} accepted; AUC ${score(kind, tops, start).auc.toFixed(4)} → ${score(kind, tops, fitted).auc.toFixed(4)}`);
  }
  return JSON.stringify(fitted, null, 2);
}

/** Confidence thresholds `--static-curve` prints. */
const STATIC_CURVE_THRESHOLDS = [0.15, 0.17, 0.19, 0.21, 0.23, 0.25, 0.27, 0.29, 0.31, 0.33, 0.35, 0.38, 0.41, 0.45];

/**
 * `--static-curve`: per pack and threshold, the share of walked positions whose offered candidate (scored
 * by `config`'s models, cross-fitted trees where given) reaches the threshold, and the share of those the
 * writer accepts. A quick guide to the levels on the collected path; `npm run eval` measures them.
 */
function staticCurve(samples: readonly Sample[], config: EngineConfig, treesFor: WalkOptions['treesFor']): void {
  for (const pack of [...new Set(samples.map((s) => s.pack))]) {
    const tops = samples.filter((s) => s.pack === pack && s.top);
    const scored = tops.map((s) => ({
      y: s.label,
      p: s.source === 'draft'
        ? estimateDraftConfidence(s.evidence, config.draftModel)
        : estimateConfidence(s.evidence, config.model, treesFor?.({ id: s.doc } as PhraseDocument) ?? config.trees),
    }));
    const cells = STATIC_CURVE_THRESHOLDS.map((t) => {
      const shown = scored.filter((x) => x.p >= t);
      return `${t.toFixed(2)}: ${((100 * shown.length) / Math.max(1, scored.length)).toFixed(1)}% @ ${((100 * shown.filter((x) => x.y).length) / Math.max(1, shown.length)).toFixed(1)}%`;
    });
    console.log(`${pack} (${scored.length} positions; shown @ precision)\n  ${cells.join('  ')}`);
  }
}

/** AUC of the scores `p` for the labels `y`. */
function aucOf(p: ArrayLike<number>, y: ArrayLike<number>): number {
  const order = Array.from(p, (_, i) => i).sort((a, b) => p[a] - p[b]);
  let rankSum = 0;
  let pos = 0;
  // Tied scores share their mean rank.
  for (let r = 0; r < order.length; ) {
    let e = r;
    while (e + 1 < order.length && p[order[e + 1]] === p[order[r]]) e++;
    for (let k = r; k <= e; k++) if (y[order[k]]) { rankSum += (r + e) / 2 + 1; pos++; }
    r = e + 1;
  }
  const neg = order.length - pos;
  return pos && neg ? (rankSum - (pos * (pos + 1)) / 2) / (pos * neg) : 0;
}

/**
 * Boosted trees on top of the logistic model `model` (`trees.ts`): fitted on the offered candidates of
 * `fitPacks`, scored by 5-fold cross-validation over their documents (a fold's documents are never fitted
 * on) and on every other pack, which the fit never sees. Returns the ensemble fitted on all of `fitPacks`.
 */
function reportTrees(samples: Sample[], model: AcceptanceModel, fitPacks: readonly string[], options: typeof DEFAULT_BOOST): string {
  // --tree-drop: inputs held at 0, so that no tree splits on them (to measure what an input buys).
  const dropped = (flag('--tree-drop') ?? '').split(',').filter(Boolean).map((name) => {
    const at = TREE_INPUTS.indexOf(name);
    if (at < 0) throw new Error(`--tree-drop: unknown input ${name}`);
    return at;
  });
  const prepare = (s: Sample, m: AcceptanceModel) => {
    const e = s.evidence as ContinuationEvidence;
    const f = acceptanceFeatures(e);
    const logit = logisticMargin(f, m);
    const inputs = treeInputs(e, f, logit);
    for (const at of dropped) inputs[at] = 0;
    return { s, logit, inputs };
  };
  const prepared = samples.map((s) => prepare(s, model));
  const features = [...TREE_INPUTS];
  const fitOn = (xs: typeof prepared) => boost(features, xs.map((x) => x.inputs), xs.map((x) => x.s.label), xs.map((x) => x.logit), options);
  const margins = (ensemble: TreeEnsemble, xs: typeof prepared) => {
    const trees = compileTrees(ensemble, features);
    return xs.map((x) => x.logit + treeMargin(trees, x.inputs));
  };
  const own = prepared.filter((x) => fitPacks.includes(x.s.pack));
  // Samples cached before they named their document: the index size of a leave-one-out run names it as well.
  const docOf = (x: (typeof prepared)[number]) => x.s.doc ?? String((x.s.evidence as ContinuationEvidence).indexChars);
  const docs = [...new Set(own.map(docOf))];
  const folds = Number(flag('--folds') ?? 5);
  const foldOut = flag('--fold-out');
  if (foldOut) {
    // Cross-fitting: the ensemble of fold k never saw the documents of fold k (`npm run eval -- --tree-folds DIR`).
    // With the fold's logistic model (`--fit-top --fold-out DIR` first), the trees correct that model's margin.
    const foldOf = foldsOf(foldOut, docs, folds);
    const only = flag('--only-fold');
    for (const k of new Set(Object.values(foldOf))) {
      if (only !== undefined && Number(only) !== k) continue;
      const modelFile = join(foldOut, `model${k}.json`);
      const foldModel = existsSync(modelFile) ? (JSON.parse(readFileSync(modelFile, 'utf8')) as AcceptanceModel) : null;
      const xs = own.filter((x) => foldOf[docOf(x)] !== k).map((x) => (foldModel ? prepare(x.s, foldModel) : x));
      writeFileSync(join(foldOut, `fold${k}.json`), JSON.stringify(fitOn(xs)));
    }
    return '';
  }
  const cv = new Float64Array(own.length);
  for (let k = 0; k < folds; k++) {
    const held = (x: (typeof prepared)[number]) => docs.indexOf(docOf(x)) % folds === k;
    const trees = compileTrees(fitOn(own.filter((x) => !held(x))), features);
    own.forEach((x, i) => { if (held(x)) cv[i] = x.logit + treeMargin(trees, x.inputs); });
  }
  const labels = (xs: typeof prepared) => xs.map((x) => x.s.label);
  if (folds > 1) {
    for (const pack of fitPacks) {
      const at = own.flatMap((x, i) => (x.s.pack === pack ? [i] : []));
      const y = at.map((i) => own[i].s.label);
      console.error(`${pack} (fit, ${folds}-fold by document): ${at.length} offered candidates; AUC ${aucOf(at.map((i) => own[i].logit), y).toFixed(4)} → ${aucOf(at.map((i) => cv[i]), y).toFixed(4)}`);
    }
  }
  const ensemble = fitOn(own);
  for (const pack of [...new Set(prepared.map((x) => x.s.pack))].filter((p) => !fitPacks.includes(p))) {
    const xs = prepared.filter((x) => x.s.pack === pack);
    console.error(`${pack}: ${xs.length} offered candidates; AUC ${aucOf(xs.map((x) => x.logit), labels(xs)).toFixed(4)} → ${aucOf(margins(ensemble, xs), labels(xs)).toFixed(4)}`);
  }
  return JSON.stringify(ensemble);
}

await main();
