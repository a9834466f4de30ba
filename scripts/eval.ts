/**
 * `npm run eval -- [--train PATH...] [--test PATH...] [--json] [--curve] [--level ID] [--tree-folds DIR]
 *                  [--jobs N] [--sample K [--sample-offset J]] [--packs P,Q] [--no-recency]
 *                  [--thresholds T,U,…] [--variant NAME:key=value,…]…`
 *
 * Measures the phrase engine with the simulated writer of src/phrases/evaluate.ts. Without --train/--test:
 * leave-one-document-out over corpus/ (per pack and overall). With both: index the train documents, type
 * the test documents. PATH is a .txt file or a directory searched recursively for .txt files (UTF-8, one
 * document each); `corpus` means the whole shipped corpus. --curve runs once per confidence level.
 * --tree-folds DIR (written by `scripts/fit-confidence.ts --trees … --fold-out DIR`): cross-fitting — each
 * document of the pack the boosted trees were fitted on is typed with trees fitted without it, so that its
 * figures are not measured on what the trees learnt from it (the shipped trees saw every report).
 * --jobs N: leave-one-out split over N child processes (documents balanced by size; same figures as one).
 * --sample K: type only every K-th paragraph of each document (from paragraph J, default 0), the rest
 * being context — a quick, fixed sample of the whole corpus; without it every character is typed.
 * --packs: type only the documents of these packs (the index still holds every other document).
 * --no-recency: ask without the held-out document's year as the reference year.
 * --thresholds / --variant (grid mode, leave-one-out only): every variant (tuning overrides of
 * `QueryTuning`; default the shipped one) at every threshold, one index per held-out document for all of them.
 * This script owns file reading and printing only.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { CONFIDENCE_LEVELS, confidenceLevel, type ConfidenceLevel } from '../src/phrases/levels';
import { emptyTally, evaluateHeldOutRuns, evaluateLeaveOneOut, evaluateTrainTest, mergeTally, summarize, type EvalRunOptions, type EvalSummary, type EvalTally } from '../src/phrases/evaluate';
import type { PhraseDocument } from '../src/phrases/types';
import { DEFAULT_ENGINE_CONFIG, DEFAULT_QUERY_TUNING, type QueryTuning } from '../src/phrases/config';
import { CORPUS_DIR, corpusDocuments, crossFittedModel, crossFittedTrees, runShard, shards } from './jobs';

interface Args {
  train: string[];
  test: string[];
  json: boolean;
  curve: boolean;
  level?: string;
  treeFolds?: string;
  jobs: number;
  sample: number;
  sampleOffset: number;
  packs?: string[];
  recency: boolean;
  /** Grid mode (`--thresholds`, `--variant`): thresholds, and tuning overrides by name (`name:key=value,…`). */
  thresholds: number[];
  variants: Array<{ name: string; tuning: Partial<QueryTuning> }>;
  /** Set in a child process of --jobs: the documents it types, by number. */
  shard?: number[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { train: [], test: [], json: false, curve: false, jobs: 1, sample: 1, sampleOffset: 0, recency: true, thresholds: [], variants: [] };
  const int = (v: string | undefined, name: string, min: number): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`${name} takes an integer ≥ ${min}`);
    return n;
  };
  let list: string[] | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--train') list = args.train;
    else if (a === '--test') list = args.test;
    else if (a === '--json') { args.json = true; list = null; }
    else if (a === '--curve') { args.curve = true; list = null; }
    else if (a === '--level') { args.level = argv[++i]; list = null; }
    else if (a === '--tree-folds') { args.treeFolds = argv[++i]; list = null; }
    else if (a === '--jobs') { args.jobs = int(argv[++i], a, 1); list = null; }
    else if (a === '--sample') { args.sample = int(argv[++i], a, 1); list = null; }
    else if (a === '--sample-offset') { args.sampleOffset = int(argv[++i], a, 0); list = null; }
    else if (a === '--packs') { args.packs = argv[++i].split(','); list = null; }
    else if (a === '--no-recency') { args.recency = false; list = null; }
    else if (a === '--thresholds') { args.thresholds = argv[++i].split(',').map(Number); list = null; }
    else if (a === '--variant') { args.variants.push(parseVariant(argv[++i])); list = null; }
    else if (a === '--shard') { args.shard = argv[++i].split(',').filter(Boolean).map(Number); list = null; }
    else if (list) list.push(a);
    else throw new Error(`unknown argument ${a}`);
  }
  if ((args.train.length > 0) !== (args.test.length > 0)) throw new Error('--train and --test go together');
  if (args.sampleOffset >= args.sample) throw new Error('--sample-offset must be below --sample');
  return args;
}

/** `name:key=value,key=value` → tuning overrides (numbers or true/false), checked against the tuning's keys. */
function parseVariant(spec: string): { name: string; tuning: Partial<QueryTuning> } {
  const [name, body = ''] = spec.includes(':') ? [spec.slice(0, spec.indexOf(':')), spec.slice(spec.indexOf(':') + 1)] : [spec, ''];
  const tuning: Record<string, number | boolean> = {};
  for (const kv of body.split(',').filter(Boolean)) {
    const [key, value] = kv.split('=');
    if (!(key in DEFAULT_QUERY_TUNING)) throw new Error(`--variant: unknown tuning key ${key}`);
    const v = value === 'true' ? true : value === 'false' ? false : Number(value);
    if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`--variant: ${kv} is not a number`);
    tuning[key] = v;
  }
  return { name, tuning: tuning as Partial<QueryTuning> };
}

function txtFiles(path: string): string[] {
  if (statSync(path).isFile()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? txtFiles(join(path, e.name)) : e.name.endsWith('.txt') ? [join(path, e.name)] : []));
}

function documentsAt(paths: string[]): PhraseDocument[] {
  return paths.flatMap((p) => {
    if (p === 'corpus' || resolve(p) === CORPUS_DIR) return corpusDocuments();
    return txtFiles(p).map((f) => ({ id: relative(process.cwd(), f), title: basename(f, '.txt'), pack: basename(dirname(f)), text: readFileSync(f, 'utf8') }));
  });
}

interface Result extends EvalSummary { perPack?: Record<string, EvalSummary> }

function runOptions(args: Args, level: ConfidenceLevel): EvalRunOptions {
  return {
    minConfidence: level.minConfidence,
    treesFor: args.treeFolds ? crossFittedTrees(args.treeFolds) : undefined,
    modelFor: args.treeFolds ? crossFittedModel(args.treeFolds) : undefined,
    sample: args.sample > 1 ? { every: args.sample, offset: args.sampleOffset } : undefined,
    recency: args.recency,
  };
}

/** The documents typed in leave-one-out, by number: all, or those of `--packs`. */
function heldOutDocuments(args: Args, docs: readonly PhraseDocument[]): number[] {
  const packs = args.packs;
  if (packs) for (const p of packs) if (!docs.some((d) => d.pack === p)) throw new Error(`no pack ${p} in corpus/`);
  return docs.flatMap((d, i) => (!packs || packs.includes(d.pack) ? [i] : []));
}

async function perPackTallies(args: Args, argv: string[], level: ConfidenceLevel): Promise<Map<string, EvalTally>> {
  const docs = corpusDocuments();
  const which = heldOutDocuments(args, docs);
  if (args.jobs <= 1) return evaluateLeaveOneOut(docs, runOptions(args, level), which);
  const childArgv = argv.filter((_, i) => !['--jobs', '--curve', '--json'].includes(argv[i]) && argv[i - 1] !== '--jobs' && argv[i] !== '--level' && argv[i - 1] !== '--level');
  const parts = await Promise.all(shards(docs, which, args.jobs).map(async (s) => JSON.parse(await runShard([...childArgv, '--level', level.id], s)) as Array<[string, EvalTally]>));
  // Packs in corpus order, as one process would report them.
  const perPack = new Map<string, EvalTally>();
  for (const pack of new Set(which.map((i) => docs[i].pack))) {
    const tally = emptyTally();
    for (const part of parts) for (const [p, t] of part) if (p === pack) mergeTally(tally, t);
    perPack.set(pack, tally);
  }
  return perPack;
}

async function run(args: Args, argv: string[], level: ConfidenceLevel): Promise<Result> {
  const opts = runOptions(args, level);
  if (args.train.length > 0) {
    const train = documentsAt(args.train);
    const test = documentsAt(args.test);
    const testTexts = new Set(test.map((d) => d.text));
    const overlap = train.filter((d) => testTexts.has(d.text)).length;
    if (overlap > 0 && !args.json) console.warn(`warning: ${overlap} test document(s) are also in the training set`);
    return summarize(evaluateTrainTest(train, test, opts));
  }
  const perPack = await perPackTallies(args, argv, level);
  const all = emptyTally();
  const packs: Record<string, EvalSummary> = {};
  for (const [pack, tally] of perPack) {
    packs[pack] = summarize(tally);
    mergeTally(all, tally);
  }
  return { ...summarize(all), perPack: packs };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
function row(name: string, s: EvalSummary): string {
  return [name.padEnd(16), String(s.docs).padStart(5), String(s.chars).padStart(8), pct(s.csr).padStart(7), pct(s.ksrPinyin).padStart(7),
    pct(s.precision).padStart(7), s.shownPer100.toFixed(1).padStart(7), s.meanAcceptedLen.toFixed(2).padStart(6),
    s.p50Ms.toFixed(3).padStart(7), s.p99Ms.toFixed(3).padStart(7), String(s.foreignPlace).padStart(7)].join(' ');
}
const HEADER = ['set'.padEnd(16), 'docs'.padStart(5), 'chars'.padStart(8), 'CSR'.padStart(7), 'KSR-py'.padStart(7), 'prec'.padStart(7),
  'shown%'.padStart(7), 'len'.padStart(6), 'p50ms'.padStart(7), 'p99ms'.padStart(7), 'foreign'.padStart(7)].join(' ');

function print(r: Result): void {
  console.log(HEADER);
  for (const [pack, s] of Object.entries(r.perPack ?? {})) console.log(row(pack, s));
  console.log(row(r.perPack ? 'overall' : 'test', r));
}

/** Grid mode: every variant (default: the shipped tuning) at every threshold (default: the default level's). */
function gridRuns(args: Args): Array<{ name: string; opts: EvalRunOptions }> {
  const base = runOptions(args, confidenceLevel(undefined));
  const variants = args.variants.length ? args.variants : [{ name: 'shipped', tuning: {} }];
  const thresholds = args.thresholds.length ? args.thresholds : [base.minConfidence];
  return variants.flatMap((v) => thresholds.map((t) => ({
    name: `${v.name} @ ${t}`,
    opts: { ...base, minConfidence: t, config: { ...DEFAULT_ENGINE_CONFIG, tuning: { ...DEFAULT_QUERY_TUNING, ...v.tuning } } },
  })));
}

/** Per run of the grid, per pack, the tallies of `which` (one index per held-out document for all runs). */
function gridTallies(args: Args, which: readonly number[]): Array<Array<[string, EvalTally]>> {
  const docs = corpusDocuments();
  const runs = gridRuns(args);
  const perRun = runs.map(() => new Map<string, EvalTally>());
  for (const i of which) {
    const pack = docs[i].pack;
    const tallies = perRun.map((m) => m.get(pack) ?? emptyTally());
    evaluateHeldOutRuns(docs, i, runs.map((r) => r.opts), tallies);
    perRun.forEach((m, r) => m.set(pack, tallies[r]));
  }
  return perRun.map((m) => [...m]);
}

async function runGrid(args: Args, argv: string[]): Promise<void> {
  const docs = corpusDocuments();
  const which = heldOutDocuments(args, docs);
  const runs = gridRuns(args);
  let parts: Array<Array<Array<[string, EvalTally]>>>;
  if (args.jobs <= 1) parts = [gridTallies(args, which)];
  else {
    const childArgv = argv.filter((_, i) => argv[i] !== '--jobs' && argv[i - 1] !== '--jobs' && argv[i] !== '--json');
    parts = await Promise.all(shards(docs, which, args.jobs).map(async (s) => JSON.parse(await runShard(childArgv, s)) as Array<Array<[string, EvalTally]>>));
  }
  const packs = [...new Set(which.map((i) => docs[i].pack))];
  const results = runs.map((run, r) => {
    const perPack: Record<string, EvalSummary> = {};
    const all = emptyTally();
    for (const pack of packs) {
      const tally = emptyTally();
      for (const part of parts) for (const [p, t] of part[r]) if (p === pack) mergeTally(tally, t);
      perPack[pack] = summarize(tally);
      mergeTally(all, tally);
    }
    return { name: run.name, ...summarize(all), perPack };
  });
  if (args.json) { console.log(JSON.stringify(results)); return; }
  for (const r of results) {
    console.log(`\n${r.name}`);
    print(r);
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const args = parseArgs(argv);
  const grid = args.thresholds.length > 0 || args.variants.length > 0;
  if (args.shard && grid) {
    process.stdout.write(JSON.stringify(gridTallies(args, args.shard)));
    return;
  }
  if (args.shard) {
    // A child of --jobs: its raw tallies on stdout, merged by the parent.
    const tallies = evaluateLeaveOneOut(corpusDocuments(), runOptions(args, confidenceLevel(args.level)), args.shard);
    process.stdout.write(JSON.stringify([...tallies]));
    return;
  }
  const t0 = performance.now();
  const sampled = args.sample > 1 ? `, every ${args.sample}th paragraph from ${args.sampleOffset}` : '';
  const mode = (args.train.length > 0 ? 'train/test' : 'leave-one-document-out over corpus/') + sampled + (args.recency ? '' : ', no recency');
  if (grid) {
    if (!args.json) console.log(`Grid (${mode}): each held-out document typed once per variant and threshold with one index`);
    await runGrid(args, argv);
  } else if (args.curve) {
    const levels = [];
    for (const level of CONFIDENCE_LEVELS) levels.push({ id: level.id, label: level.label, minConfidence: level.minConfidence, ...(await run(args, argv, level)) });
    if (args.json) console.log(JSON.stringify({ levels }));
    else {
      console.log(`Confidence curve (${mode}); shown% = suggestions shown per 100 characters`);
      for (const l of levels) {
        console.log(`\n${l.label} (${l.id}, confidence ≥ ${l.minConfidence})`);
        print(l);
      }
    }
  } else {
    const level = confidenceLevel(args.level);
    const result = await run(args, argv, level);
    if (args.json) console.log(JSON.stringify(result));
    else {
      console.log(`Evaluation (${mode}) at level ${level.label} (${level.id}, confidence ≥ ${level.minConfidence}); shown% = suggestions shown per 100 characters; foreign = shown suggestions naming a province or capital the typed document does not`);
      print(result);
    }
  }
  if (!args.json) console.log(`\n${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

await main();
