/**
 * `npm run eval -- [--train PATH...] [--test PATH...] [--json] [--curve] [--level ID] [--tree-folds DIR]`
 *
 * Measures the phrase engine with the simulated writer of src/phrases/evaluate.ts. Without --train/--test:
 * leave-one-document-out over corpus/ (per pack and overall). With both: index the train documents, type
 * the test documents. PATH is a .txt file or a directory searched recursively for .txt files (UTF-8, one
 * document each); `corpus` means the whole shipped corpus. --curve runs once per confidence level.
 * --tree-folds DIR (written by `scripts/fit-confidence.ts --trees … --fold-out DIR`): cross-fitting — each
 * document of the pack the boosted trees were fitted on is typed with trees fitted without it, so that its
 * figures are not measured on what the trees learnt from it (the shipped trees saw every report).
 * This script owns file reading and printing only.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseCorpusManifest } from '../src/corpus/manifest';
import { CONFIDENCE_LEVELS, confidenceLevel, type ConfidenceLevel } from '../src/phrases/levels';
import { emptyTally, evaluateLeaveOneOut, evaluateTrainTest, mergeTally, summarize, type EvalSummary } from '../src/phrases/evaluate';
import { TREE_INPUTS } from '../src/phrases/confidence';
import { compileTrees, validateEnsemble, type CompiledTrees } from '../src/phrases/trees';
import type { PhraseDocument } from '../src/phrases/types';

const CORPUS_DIR = resolve(import.meta.dirname, '..', 'corpus');

interface Args { train: string[]; test: string[]; json: boolean; curve: boolean; level?: string; treeFolds?: string }

function parseArgs(argv: string[]): Args {
  const args: Args = { train: [], test: [], json: false, curve: false };
  let list: string[] | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--train') list = args.train;
    else if (a === '--test') list = args.test;
    else if (a === '--json') { args.json = true; list = null; }
    else if (a === '--curve') { args.curve = true; list = null; }
    else if (a === '--level') { args.level = argv[++i]; list = null; }
    else if (a === '--tree-folds') { args.treeFolds = argv[++i]; list = null; }
    else if (list) list.push(a);
    else throw new Error(`unknown argument ${a}`);
  }
  if ((args.train.length > 0) !== (args.test.length > 0)) throw new Error('--train and --test go together');
  return args;
}

/** The shipped corpus, with packs and titles from its manifest. */
function corpusDocuments(): PhraseDocument[] {
  const manifest = parseCorpusManifest(JSON.parse(readFileSync(join(CORPUS_DIR, 'manifest.json'), 'utf8')));
  return manifest.documents.map((d) => ({ id: d.id, title: d.title, pack: d.pack, text: readFileSync(join(CORPUS_DIR, d.path), 'utf8') }));
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

/** Trees fitted without each document of their fit pack, by document id (`--tree-folds`). */
function crossFittedTrees(dir: string): (doc: PhraseDocument) => CompiledTrees | undefined {
  const foldOf = JSON.parse(readFileSync(join(dir, 'folds.json'), 'utf8')) as Record<string, number>;
  const folds = new Map<number, CompiledTrees>();
  for (const k of new Set(Object.values(foldOf))) folds.set(k, compileTrees(validateEnsemble(JSON.parse(readFileSync(join(dir, `fold${k}.json`), 'utf8'))), TREE_INPUTS));
  return (doc) => (doc.id in foldOf ? folds.get(foldOf[doc.id]) : undefined);
}

function run(args: Args, level: ConfidenceLevel): Result {
  const opts = { minConfidence: level.minConfidence, treesFor: args.treeFolds ? crossFittedTrees(args.treeFolds) : undefined };
  if (args.train.length > 0) {
    const train = documentsAt(args.train);
    const test = documentsAt(args.test);
    const testTexts = new Set(test.map((d) => d.text));
    const overlap = train.filter((d) => testTexts.has(d.text)).length;
    if (overlap > 0 && !args.json) console.warn(`warning: ${overlap} test document(s) are also in the training set`);
    return summarize(evaluateTrainTest(train, test, opts));
  }
  const perPack = evaluateLeaveOneOut(corpusDocuments(), opts);
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

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const t0 = performance.now();
  const mode = args.train.length > 0 ? 'train/test' : 'leave-one-document-out over corpus/';
  if (args.curve) {
    const levels = CONFIDENCE_LEVELS.map((level) => ({ id: level.id, label: level.label, minConfidence: level.minConfidence, ...run(args, level) }));
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
    const result = run(args, level);
    if (args.json) console.log(JSON.stringify(result));
    else {
      console.log(`Evaluation (${mode}) at level ${level.label} (${level.id}, confidence ≥ ${level.minConfidence}); shown% = suggestions shown per 100 characters; foreign = shown suggestions naming a province or capital the typed document does not`);
      print(result);
    }
  }
  if (!args.json) console.log(`\n${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

main();
