/**
 * The simulated writer and its keystroke accounting. Owns the rules by which a suggestion is counted as
 * accepted (whole, with Tab; or its first whole chunks, at least 2 characters, one keystroke per chunk),
 * the two cost models (one keystroke per character; pinyin letters from pinyin-pro plus one selection per
 * word) and the summary figures (CSR, KSR-pinyin, precision, …). It does not build indexes or read files:
 * the caller passes a `suggest` function trained without the document under test. Pure, no DOM.
 */
import { pinyin } from 'pinyin-pro';
import { buildPhraseIndex, type PhraseIndex } from './build';
import { DEFAULT_ENGINE_CONFIG, type EngineConfig } from './config';
import { cleanText } from './normalize';
import { CAPITAL_NAMES, PROVINCE_NAMES } from './places';
import { suggestFromIndex } from './query';
import type { AcceptanceModel } from './evidence';
import type { CompiledTrees } from './trees';
import { BEFORE_CURSOR_WINDOW_CHARS, type PhraseDocument, type Suggestion } from './types';

/**
 * A suggestion source as the simulated writer sees it: the text before the cursor (its last
 * `BEFORE_CURSOR_WINDOW_CHARS`, across paragraphs; the engine takes the current paragraph itself) →
 * top suggestion or none. `at` is the cursor's position in the document (for the fitting script's labels).
 */
export type SuggestFn = (textBeforeCursor: string, at: number) => Suggestion | undefined;

/** Raw sums for one or more documents; `summarize` turns them into the reported figures. */
export interface EvalTally {
  docs: number;
  chars: number;
  /** Keystrokes in the character model with suggestions. */
  keys: number;
  /** Keystrokes in the pinyin model without suggestions, and with them. */
  pinyinBaseline: number;
  pinyinKeys: number;
  shown: number;
  accepted: number;
  acceptedChars: number;
  /** Shown suggestions naming a province or capital that the typed document never names (`foreignPlace`). */
  foreignPlace: number;
  latenciesMs: number[];
}

/** The figures the CLI prints and `--json` emits. */
export interface EvalSummary {
  docs: number;
  chars: number;
  csr: number;
  ksrPinyin: number;
  precision: number;
  shownPer100: number;
  meanAcceptedLen: number;
  /** Shown suggestions naming a place the typed document does not (target 0), and per shown one. */
  foreignPlace: number;
  foreignPlaceRate: number;
  p50Ms: number;
  p99Ms: number;
}

const HAN = /\p{Script=Han}/u;
const pinyinLetterCache = new Map<string, number>();

function pinyinLetters(ch: string): number {
  let n = pinyinLetterCache.get(ch);
  if (n === undefined) {
    n = pinyin(ch, { toneType: 'none', type: 'array' })[0]?.replace(/[^a-zü]/g, '').length || 1;
    pinyinLetterCache.set(ch, n);
  }
  return n;
}

let wordSegmenter: Intl.Segmenter | null = null;

/**
 * Keystrokes to type each code unit of `text` with a pinyin input method and no suggestions: a Chinese
 * character costs its pinyin letters, plus one selection keystroke at the end of each word; anything
 * else costs 1.
 */
export function pinyinCosts(text: string): Uint16Array {
  wordSegmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const costs = new Uint16Array(text.length).fill(1);
  for (const { segment, index } of wordSegmenter.segment(text)) {
    let lastHan = -1;
    for (let i = 0; i < segment.length; i++) {
      if (HAN.test(segment[i])) {
        costs[index + i] = pinyinLetters(segment[i]);
        lastHan = index + i;
      }
    }
    if (lastHan >= 0) costs[lastHan] += 1;
  }
  return costs;
}

const PLACE_NAMES = [...PROVINCE_NAMES, ...CAPITAL_NAMES];

/** The first province or capital named in `suggestion` that `document` never names, if any. */
export function foreignPlace(suggestion: string, document: string): string | undefined {
  return PLACE_NAMES.find((name) => suggestion.includes(name) && !document.includes(name));
}

/** Characters of `suggestion` the writer accepts at `text[i..]` and the keystrokes it costs; 0 chars = none. */
export function acceptance(text: string, i: number, suggestion: Suggestion, minChars = 2): { chars: number; keys: number } {
  if (text.startsWith(suggestion.text, i)) return { chars: suggestion.text.length, keys: 1 };
  let chars = 0;
  let keys = 0;
  for (const chunk of suggestion.chunks) {
    if (!text.startsWith(chunk, i + chars)) break;
    chars += chunk.length;
    keys++;
  }
  return chars >= minChars ? { chars, keys } : { chars: 0, keys: 0 };
}

/** An empty tally to add documents into. */
export function emptyTally(): EvalTally {
  return { docs: 0, chars: 0, keys: 0, pinyinBaseline: 0, pinyinKeys: 0, shown: 0, accepted: 0, acceptedChars: 0, foreignPlace: 0, latenciesMs: [] };
}

/**
 * Types `rawText` left to right as the simulated writer, asking `suggest` at every position (with the
 * last `BEFORE_CURSOR_WINDOW_CHARS` of the text before it, as the editor sends), and adds the costs to `tally`.
 */
export function simulateWriter(rawText: string, suggest: SuggestFn, tally: EvalTally, sample?: ParagraphSample): EvalTally {
  const text = cleanText(rawText);
  const costs = pinyinCosts(text);
  const typed = typedSpans(text, sample);
  tally.docs++;
  for (const [from, to] of typed) {
    tally.chars += to - from;
    for (let j = from; j < to; j++) tally.pinyinBaseline += costs[j];
  }
  for (const [from, to] of typed) typeSpan(text, costs, from, to, suggest, tally);
  return tally;
}

/**
 * A sampled run: only the paragraphs whose number (0-based, counted over the document) is `offset` modulo
 * `every` are typed; the others are context only (the text before the cursor is the document's own either way).
 */
export interface ParagraphSample {
  every: number;
  offset: number;
}

/** The `[from, to)` spans of `text` the writer types: all of it, or the sampled paragraphs (without their `\n`). */
function typedSpans(text: string, sample?: ParagraphSample): Array<[number, number]> {
  if (!sample || sample.every <= 1) return [[0, text.length]];
  const spans: Array<[number, number]> = [];
  let start = 0;
  for (let p = 0; start <= text.length; p++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (p % sample.every === sample.offset && end > start) spans.push([start, end]);
    start = end + 1;
  }
  return spans;
}

function typeSpan(text: string, costs: Uint16Array, from: number, to: number, suggest: SuggestFn, tally: EvalTally): void {
  let i = from;
  while (i < to) {
    const t0 = performance.now();
    const s = suggest(text.slice(Math.max(0, i - BEFORE_CURSOR_WINDOW_CHARS), i), i);
    tally.latenciesMs.push(performance.now() - t0);
    if (s) {
      tally.shown++;
      if (foreignPlace(s.text, text)) tally.foreignPlace++;
      const a = acceptance(text, i, s);
      if (a.chars > 0) {
        tally.accepted++;
        tally.acceptedChars += a.chars;
        tally.keys += a.keys;
        tally.pinyinKeys += a.keys;
        i += a.chars;
        continue;
      }
    }
    tally.keys += 1;
    tally.pinyinKeys += costs[i];
    i++;
  }
}

/** Adds `b` into `a`. */
export function mergeTally(a: EvalTally, b: EvalTally): EvalTally {
  a.docs += b.docs;
  a.chars += b.chars;
  a.keys += b.keys;
  a.pinyinBaseline += b.pinyinBaseline;
  a.pinyinKeys += b.pinyinKeys;
  a.shown += b.shown;
  a.accepted += b.accepted;
  a.acceptedChars += b.acceptedChars;
  a.foreignPlace += b.foreignPlace;
  for (const l of b.latenciesMs) a.latenciesMs.push(l);
  return a;
}

/** The `q` quantile (0..1) of `values` (sorted copy; nearest rank). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** The reported figures of a tally. */
export function summarize(t: EvalTally): EvalSummary {
  return {
    docs: t.docs,
    chars: t.chars,
    csr: round(t.chars ? 1 - t.keys / t.chars : 0, 4),
    ksrPinyin: round(t.pinyinBaseline ? 1 - t.pinyinKeys / t.pinyinBaseline : 0, 4),
    precision: round(t.shown ? t.accepted / t.shown : 0, 4),
    shownPer100: round(t.chars ? (100 * t.shown) / t.chars : 0, 2),
    meanAcceptedLen: round(t.accepted ? t.acceptedChars / t.accepted : 0, 2),
    foreignPlace: t.foreignPlace,
    foreignPlaceRate: round(t.shown ? t.foreignPlace / t.shown : 0, 5),
    p50Ms: round(quantile(t.latenciesMs, 0.5), 4),
    p99Ms: round(quantile(t.latenciesMs, 0.99), 4),
  };
}

/** How an evaluation run asks the engine. */
export interface EvalRunOptions {
  minConfidence: number;
  /** Tuning and models (default: the shipped ones). */
  config?: EngineConfig;
  /**
   * The boosted trees to type a held-out document with (default: the shipped ones). Cross-fitting passes, for
   * each document of the pack the trees were fitted on, trees fitted without it (`npm run eval -- --tree-folds`).
   */
  treesFor?: (doc: PhraseDocument) => CompiledTrees | undefined;
  /** Likewise the logistic model the trees correct (`--tree-folds DIR` with fold models): fitted without the document. */
  modelFor?: (doc: PhraseDocument) => AcceptanceModel | undefined;
  /** Type only these paragraphs of each document (default: all of it). */
  sample?: ParagraphSample;
  /**
   * The writer writes in the held-out document's year (its `year`, when known): the query's `referenceYear`
   * (default true). False asks without a reference year, i.e. without recency.
   */
  recency?: boolean;
}

function suggestTop(index: PhraseIndex, opts: EvalRunOptions, doc: PhraseDocument): SuggestFn {
  const base = opts.config ?? DEFAULT_ENGINE_CONFIG;
  const trees = opts.treesFor?.(doc);
  const model = opts.modelFor?.(doc);
  const config = trees || model ? { ...base, trees: trees ?? base.trees, model: model ?? base.model } : base;
  const referenceYear = opts.recency === false ? undefined : doc.year || undefined;
  const options = { limit: 1, minConfidence: opts.minConfidence, referenceYear };
  return (before) => suggestFromIndex(index, before, options, config)[0];
}

/** Types document `i` of `docs` with an index of all the others (one step of leave-one-out). */
export function evaluateHeldOut(docs: readonly PhraseDocument[], i: number, opts: EvalRunOptions, tally = emptyTally()): EvalTally {
  const held = docs[i];
  const index = buildPhraseIndex(docs.filter((_, j) => j !== i));
  return simulateWriter(held.text, suggestTop(index, opts, held), tally, opts.sample);
}

/**
 * Leave-one-out for several ways of asking at once: document `i` is typed once per run of `runs` with one
 * index of all the others (the index is the dear part of a held-out document), each into its own tally.
 */
export function evaluateHeldOutRuns(docs: readonly PhraseDocument[], i: number, runs: readonly EvalRunOptions[], tallies: EvalTally[]): EvalTally[] {
  const held = docs[i];
  const index = buildPhraseIndex(docs.filter((_, j) => j !== i));
  runs.forEach((opts, r) => simulateWriter(held.text, suggestTop(index, opts, held), tallies[r], opts.sample));
  return tallies;
}

/**
 * Leave-one-document-out: each document (or each of `which`, by number) is typed with an index built from
 * every other document (of every pack). One index per held-out document, so the training set is exactly
 * "the others", with no query-time filtering to get wrong. Returns tallies per pack.
 */
export function evaluateLeaveOneOut(docs: readonly PhraseDocument[], opts: EvalRunOptions, which?: readonly number[]): Map<string, EvalTally> {
  const perPack = new Map<string, EvalTally>();
  for (const i of which ?? docs.map((_, j) => j)) {
    const pack = docs[i].pack;
    perPack.set(pack, evaluateHeldOut(docs, i, opts, perPack.get(pack) ?? emptyTally()));
  }
  return perPack;
}

/** Index `train`, type each of `test`. */
export function evaluateTrainTest(train: readonly PhraseDocument[], test: readonly PhraseDocument[], opts: EvalRunOptions): EvalTally {
  const index = buildPhraseIndex(train);
  const tally = emptyTally();
  for (const d of test) simulateWriter(d.text, suggestTop(index, opts, d), tally, opts.sample);
  return tally;
}
