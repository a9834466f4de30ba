/**
 * The query: from the text before the cursor to ranked suggestions. Owns context back-off (the longest
 * suffix of the current paragraph that the corpus has seen), the enumeration of the continuations that
 * follow it, their extension while the corpus agrees, and the assembly of `Suggestion`s. Delegates range
 * arithmetic to `search.ts`, ordering to `rank.ts`, confidence to `confidence.ts`, words to `chunks.ts`.
 * Pure, no DOM; never crosses a paragraph (`\n`) or a document (separator code).
 *
 * Worst case: a 1–2 character context in a 10 M corpus matches ~10⁵ positions. Nothing here is linear in
 * the range: continuations of a large range are found from `CONTINUATION_SAMPLE_SIZE` evenly spaced ranks
 * (the range is sorted by continuation, so even spacing samples blocks in proportion to their size) and
 * then measured exactly by binary search; document counts scan at most `DOC_SCAN_CAP` ranks.
 */
import { documentAffinity, rangeAffinity } from './affinity';
import type { PhraseIndex } from './build';
import { cursorInsideWord, splitIntoChunks, WORD_BOUNDARY_TAIL_CHARS } from './chunks';
import { ACCEPTANCE_MODEL, ACCEPTANCE_TREES, estimateConfidence, type AcceptanceModel, type ContinuationEvidence } from './confidence';
import type { CompiledTrees } from './trees';
import { draftPlaceName, hasPlaceName, localisePlaceNames } from './places';
import { currentParagraph, DOC_SEPARATOR_CODE, isPunctuationCode, normalizeCodes, normalizeInto, PARAGRAPH_BREAK_CODE, SENTENCE_END_CHARS } from './normalize';
import { compareBlocks } from './rank';
import { stopSuggestion } from './saving';
import { DRAFT_MODEL, draftLocalEnds, draftLocalSupport, draftMatch, estimateDraftConfidence, type DraftEvidence, type DraftModel } from './draftMemory';
import { LEAD_IN_CHARS, leadInOf, leadInShare, leadInSimilarity, type LeadIn, type LeadInSimilarity } from './leadIn';
import { blockOf, codeAt, countDocs, docsOfRange, findRange } from './search';
import type { SuggestOptions, Suggestion } from './types';
export { BEFORE_CURSOR_WINDOW_CHARS } from './types';

/** Knobs of the query; the defaults are the measured ones (see README). */
export interface QueryTuning {
  /** Longest context tried (code units before the cursor). */
  maxContextChars: number;
  /** Shorter contexts are never used: a 1-character context matches unrelated sentences. */
  minContextChars: number;
  /** The main context must occur in at least this many documents. */
  minContextDocs: number;
  /**
   * Also propose from the longest context seen at all (one document is enough) when it is at least this
   * much longer than the main one: a long passage the draft shares with one document. 0 = off.
   */
  longContextExtraChars: number;
  /** Also propose from the longest context seen in at least this many documents (a shorter, standard one). 0 = off. */
  broadContextDocs: number;
  /** Extension goes on while at least this share of the matches agree on the next character (> 0.5). */
  extendAgreement: number;
  /** Cut the extended suggestion at the chunk boundary of best expected saving (see `saving.ts`). */
  stopBySaving: boolean;
  /** Smoothing of the per-chunk agreement in the expected saving: `n_next / (n_prev + s)`. */
  chunkSmoothing: number;
  /** Added to it for a chunk that holds a figure (see `saving.ts`). */
  figureSmoothing: number;
  /** Put the candidate of best expected saving first (the rest stay in rank order). */
  pickBySaving: boolean;
  /** Suggestions stop at this length even when the corpus still agrees. */
  maxSuggestionChars: number;
  /** Shorter suggestions save nothing and are not offered. */
  minSuggestionChars: number;
  /** Context length at which the local support of a continuation is measured (see `localSupport`). */
  localContextChars: number;
  /** Also offer what the draft itself wrote earlier after the same words (`draftMemory.ts`). */
  draftMemory: boolean;
  /** Shortest context the draft memory uses: shorter repeats are chance (measured: accepted < 14 % below 4). */
  draftMinContextChars: number;
}

export const DEFAULT_QUERY_TUNING: QueryTuning = {
  maxContextChars: 24,
  minContextChars: 2,
  minContextDocs: 2,
  longContextExtraChars: 2,
  broadContextDocs: 4,
  extendAgreement: 0.6,
  stopBySaving: true,
  chunkSmoothing: 2,
  figureSmoothing: 8,
  pickBySaving: true,
  maxSuggestionChars: 32,
  minSuggestionChars: 2,
  localContextChars: 3,
  draftMemory: true,
  draftMinContextChars: 4,
};

/** Ranges at most this large are walked block by block; larger ones are sampled. */
export const CONTINUATION_SCAN_CAP = 64;
/** Ranks sampled to find the continuations of a large range. */
export const CONTINUATION_SAMPLE_SIZE = 64;
/** Ranks scanned, at most, to count the distinct documents of a range. */
export const DOC_SCAN_CAP = 512;
/** Continuations considered per query when the first suggestion is picked by expected saving. */
export const CANDIDATE_POOL = 5;
/** Continuations taken from each extra context. */
export const EXTRA_CONTEXT_CANDIDATES = 2;
/** Sources listed per suggestion. */
export const MAX_SOURCES = 3;
/** Shorter contexts tried when every match of the longest one ends its paragraph. */
export const MAX_EMPTY_BACKOFFS = 3;

const DEFAULT_LIMIT = 5;
/** Where a draft candidate comes from, as the suggestion list names it. */
export const DRAFT_SOURCE = { id: 'draft', title: '本稿前文' } as const;
const SENTENCE_END_CODES = new Set(Array.from(SENTENCE_END_CHARS, (c) => c.charCodeAt(0)));

function endsParagraph(code: number): boolean {
  return code === DOC_SEPARATOR_CODE || code === PARAGRAPH_BREAK_CODE;
}

interface Block {
  code: number;
  lo: number;
  hi: number;
  docs: number;
  count: number;
  length: number;
}

/** The continuations (first character blocks) of the range `[lo, hi)` at `depth`, best first. */
function continuationBlocks(index: PhraseIndex, lo: number, hi: number, depth: number): Block[] {
  const codes: number[] = [];
  if (hi - lo <= CONTINUATION_SCAN_CAP) {
    for (let r = lo; r < hi; ) {
      const code = codeAt(index, r, depth);
      codes.push(code);
      r = blockOf(index, r, hi, depth, code)[1];
    }
  } else {
    const step = (hi - lo) / CONTINUATION_SAMPLE_SIZE;
    for (let x = lo; x < hi; x += step) {
      const code = codeAt(index, Math.floor(x), depth);
      if (codes[codes.length - 1] !== code) codes.push(code);
    }
  }
  const blocks: Block[] = [];
  for (const code of codes) {
    if (endsParagraph(code)) continue;
    const [blo, bhi] = blockOf(index, lo, hi, depth, code);
    blocks.push({ code, lo: blo, hi: bhi, docs: countDocs(index, blo, bhi, DOC_SCAN_CAP), count: bhi - blo, length: 0 });
  }
  return blocks.sort(compareBlocks);
}

/** A continuation extended while the matches agree; `ranges[i]` is the range after i + 1 characters. */
interface Extension {
  length: number;
  ranges: Array<[number, number]>;
}

function extend(index: PhraseIndex, block: Block, depth: number, tuning: QueryTuning): Extension {
  const ranges: Array<[number, number]> = [[block.lo, block.hi]];
  let [lo, hi] = ranges[0];
  let last = block.code;
  while (ranges.length < tuning.maxSuggestionChars && !SENTENCE_END_CODES.has(last)) {
    const d = depth + ranges.length;
    // With agreement > 1/2 the only possible majority is the block holding the middle rank.
    const code = codeAt(index, (lo + hi) >>> 1, d);
    if (endsParagraph(code)) break;
    const [blo, bhi] = blockOf(index, lo, hi, d, code);
    if (bhi - blo < tuning.extendAgreement * (hi - lo)) break;
    lo = blo;
    hi = bhi;
    last = code;
    ranges.push([lo, hi]);
  }
  return { length: ranges.length, ranges };
}

interface Context {
  length: number;
  lo: number;
  hi: number;
}

/**
 * The longest context (suffix of `codes`, `minChars`..`maxChars` long) seen in at least `minDocs`
 * documents, and its range; null when none. Binary search on the length: support only shrinks as the
 * context grows.
 */
function longestContext(index: PhraseIndex, codes: Uint16Array, minChars: number, maxChars: number, minDocs: number): Context | null {
  const end = codes.length;
  let a = minChars;
  let b = Math.min(end, maxChars);
  let best: Context | null = null;
  while (a <= b) {
    const k = (a + b) >>> 1;
    const [lo, hi] = findRange(index, codes, end - k, end);
    const supported = hi > lo && (minDocs <= 1 || countDocs(index, lo, hi, DOC_SCAN_CAP, minDocs) >= minDocs);
    if (supported) {
      best = { length: k, lo, hi };
      a = k + 1;
    } else {
      b = k - 1;
    }
  }
  return best;
}

/** The main context and its continuations, backing off while every match ends its paragraph. */
function mainContext(index: PhraseIndex, codes: Uint16Array, tuning: QueryTuning): { context: Context; blocks: Block[] } | null {
  let context = longestContext(index, codes, tuning.minContextChars, tuning.maxContextChars, tuning.minContextDocs);
  let blocks: Block[] = [];
  for (let tries = 0; context && tries <= MAX_EMPTY_BACKOFFS; tries++) {
    blocks = continuationBlocks(index, context.lo, context.hi, context.length);
    if (blocks.length > 0 || context.length <= tuning.minContextChars) break;
    const k = context.length - 1;
    const [lo, hi] = findRange(index, codes, codes.length - k, codes.length);
    context = { length: k, lo, hi };
  }
  return context && blocks.length > 0 ? { context, blocks } : null;
}

/** Extra contexts the candidates may come from: a longer one-document passage, a shorter standard one. */
function extraContexts(index: PhraseIndex, codes: Uint16Array, main: Context, tuning: QueryTuning): Context[] {
  const out: Context[] = [];
  if (tuning.longContextExtraChars > 0) {
    const long = longestContext(index, codes, main.length + tuning.longContextExtraChars, tuning.maxContextChars, 1);
    if (long) out.push(long);
  }
  if (tuning.broadContextDocs > tuning.minContextDocs) {
    const broad = longestContext(index, codes, tuning.minContextChars, main.length - 1, tuning.broadContextDocs);
    if (broad) out.push(broad);
  }
  return out;
}

/** The range of the last `depth` codes of the context: where the local support of every candidate is measured. */
interface LocalContext {
  depth: number;
  lo: number;
  hi: number;
}

function localContext(index: PhraseIndex, codes: Uint16Array, chars: number): LocalContext {
  const depth = Math.min(chars, codes.length);
  const [lo, hi] = findRange(index, codes, codes.length - depth, codes.length);
  return { depth, lo, hi };
}

/**
 * Support of `head` after only the last few codes of the context (`local`): how standard the continuation
 * is locally, whatever longer passage the context happens to share with one document.
 */
function localSupport(index: PhraseIndex, local: LocalContext, head: Uint16Array): { count: number; headCount: number } {
  let { lo, hi } = local;
  for (let j = 0; j < head.length && hi > lo; j++) [lo, hi] = blockOf(index, lo, hi, local.depth + j, head[j]);
  return { count: local.hi - local.lo, headCount: hi - lo };
}

/** Digits, Arabic or Chinese: figures are the draft's own facts, not formulations. */
const DIGIT = /[0-9０-９%％.．]/u;

/** A suggestion with the evidence, confidence and expected saving it was ranked by. */
export type Candidate = CorpusCandidate | DraftCandidate;

interface RankedSuggestion {
  suggestion: Suggestion;
  /** Expected keystrokes saved if shown: confidence × the saving of its accepted part (see `saving.ts`). */
  expectedSaving: number;
}

/** A continuation the corpus wrote after the context. */
export interface CorpusCandidate extends RankedSuggestion {
  source: 'corpus';
  evidence: ContinuationEvidence;
}

/** A continuation the draft itself wrote earlier after the same words (`draftMemory.ts`). */
export interface DraftCandidate extends RankedSuggestion {
  source: 'draft';
  evidence: DraftEvidence;
}

/** What the candidates of one context share. */
interface ContextStats {
  context: Context;
  codes: Uint16Array;
  count: number;
  docs: number;
  /** The context's first-character blocks, best first. */
  blocks: Block[];
  /** Characters since the last punctuation mark before the cursor. */
  clauseChars: number;
  /** What the draft before the cursor tells beyond the context. */
  surroundings: Surroundings;
  /** The draft's lead-in to the context, and how much the context's occurrences resemble it (`leadIn.ts`). */
  leadIn: LeadIn;
  leadInSimilarity: LeadInSimilarity;
}

/** The draft before the cursor, beyond the current context. */
interface Surroundings {
  /** The text before the cursor (up to `BEFORE_CURSOR_WINDOW_CHARS`). */
  before: string;
  /** Affinity score of each document the draft has recently followed (`affinity.ts`). */
  affinity: ReadonlyMap<number, number>;
  /** The province the draft names (`places.ts`), found when a candidate first needs it. */
  place?: string | null;
  /** The corpus range of the context's last `localContextChars` codes (`localSupport`). */
  local: LocalContext;
  /** The draft's own earlier occurrences of them (`draftLocalEnds`), found when a candidate first needs them. */
  draftLocalEnds?: readonly number[];
}

function placeOf(surroundings: Surroundings): string | null {
  if (surroundings.place === undefined) surroundings.place = draftPlaceName(surroundings.before);
  return surroundings.place;
}

function draftLocalEndsOf(surroundings: Surroundings, chars: number): readonly number[] {
  return (surroundings.draftLocalEnds ??= draftLocalEnds(surroundings.before, chars));
}

/** Characters since the last punctuation mark at the end of `codes` (all of them when there is none). */
function clauseChars(codes: Uint16Array): number {
  let n = 0;
  while (n < codes.length && !isPunctuationCode(codes[codes.length - 1 - n])) n++;
  return n;
}

/** Size of a suffix-array range. */
function rangeSize([lo, hi]: [number, number]): number {
  return hi - lo;
}

/** Occurrences of the largest block of `blocks` other than `block`. */
function rivalCount(blocks: readonly Block[], block: Block): number {
  let best = 0;
  for (const b of blocks) if (b !== block && b.count > best) best = b.count;
  return best;
}

/** One continuation block turned into a candidate: extended, cut where the saving is best, evidenced. */
function candidateOf(index: PhraseIndex, stats: ContextStats, block: Block, tuning: QueryTuning, model: AcceptanceModel, trees: CompiledTrees): CorpusCandidate | null {
  const k = stats.context.length;
  const ext = extend(index, block, k, tuning);
  if (ext.length < tuning.minSuggestionChars) return null;
  const firstRank = ext.ranges[ext.length - 1][0];
  const first = index.sa[firstRank];
  const firstDoc = index.docs[index.docOfRank[firstRank]];
  const written = firstDoc.text.slice(first - firstDoc.start + k, first - firstDoc.start + k + ext.length);
  // A province name in the continuation is shown as the draft's own (`places.ts`).
  const writtenCodes = index.codes.subarray(first + k, first + k + ext.length);
  const place = hasPlaceName(writtenCodes) ? placeOf(stats.surroundings) : null;
  const localised = place === null ? written : localisePlaceNames(written, writtenCodes, place);
  // The measurements below count characters of the corpus's text; a name of another length is put in at the end.
  const full = localised.length === written.length ? localised : written;
  const countAfter = (chars: number) => rangeSize(ext.ranges[chars - 1]);
  const stop = stopSuggestion(full, tuning.minSuggestionChars, countAfter, { chunk: tuning.chunkSmoothing, figure: tuning.figureSmoothing }, tuning.stopBySaving);
  const { chunks, chars: length, headChars } = stop;
  if (length < tuning.minSuggestionChars) return null;
  const [lo, hi] = ext.ranges[length - 1];
  const [hlo, hhi] = ext.ranges[headChars - 1];
  const local = localSupport(index, stats.surroundings.local, index.codes.subarray(first + k, first + k + headChars));
  const own = draftLocalSupport(stats.surroundings.before, draftLocalEndsOf(stats.surroundings, tuning.localContextChars), full.slice(0, headChars));
  const headLeadIn = leadInSimilarity(index, hlo, hhi, stats.leadIn);
  const contextLeadIn = stats.leadInSimilarity;
  const evidence: ContinuationEvidence = {
    contextLength: k,
    contextCount: stats.count,
    contextDocs: stats.docs,
    headCount: hhi - hlo,
    headDocs: countDocs(index, hlo, hhi, DOC_SCAN_CAP),
    headChars,
    localCount: local.count,
    localHeadCount: local.headCount,
    afterPunctuation: isPunctuationCode(stats.codes[stats.codes.length - 1]),
    blockCount: block.count,
    rivalCount: rivalCount(stats.blocks, block),
    continuations: stats.blocks.length,
    clauseChars: stats.clauseChars,
    headEndsPunctuation: isPunctuationCode(index.codes[first + k + headChars - 1]),
    headHasDigit: DIGIT.test(full.slice(0, headChars)),
    afterDigit: DIGIT.test(String.fromCharCode(stats.codes[stats.codes.length - 1])),
    headAnywhereCount: rangeSize(findRange(index, index.codes, first + k, first + k + headChars)),
    indexChars: index.sa.length,
    affinity: rangeAffinity(index, hlo, hhi, stats.surroundings.affinity),
    draftLocalCount: own.count,
    draftLocalHeadCount: own.headCount,
    leadInLift: (headLeadIn.mean - contextLeadIn.mean) * stats.leadIn.all.size,
    nearLeadInLift: (headLeadIn.nearMean - contextLeadIn.nearMean) * stats.leadIn.near.size,
    leadInBestLift: (headLeadIn.best - contextLeadIn.best) * stats.leadIn.all.size,
    leadInHead: leadInShare(headLeadIn.mean, stats.leadIn) * (LEAD_IN_CHARS - 1),
    midWord: cursorInsideWord(stats.surroundings.before.slice(-Math.min(WORD_BOUNDARY_TAIL_CHARS, stats.codes.length)), full.slice(0, headChars)),
    suggestionChars: length,
    headChunks: stop.headChunks,
    extensionChars: ext.length,
    suggestionCount: hi - lo,
    blockRank: stats.blocks.indexOf(block),
  };
  const confidence = estimateConfidence(evidence, model, trees);
  const text = full === localised ? full.slice(0, length) : localisePlaceNames(written.slice(0, length), writtenCodes, place!);
  return {
    source: 'corpus',
    suggestion: {
      text,
      chunks: text.length === length ? chunks : splitIntoChunks(text),
      count: hi - lo,
      docCount: countDocs(index, lo, hi, DOC_SCAN_CAP),
      contextLength: k,
      confidence,
      sources: docsOfRange(index, lo, hi, MAX_SOURCES, DOC_SCAN_CAP).map((d) => ({ id: index.docs[d].id, title: index.docs[d].title })),
      origin: 'corpus',
    },
    evidence,
    expectedSaving: confidence * stop.saving,
  };
}

/** The lead-in being read, rewritten for each context: the candidates of one are scored before the next's is read. */
const leadInScratch = leadInOf(new Uint16Array(0));
const leadInCodes = new Uint16Array(LEAD_IN_CHARS);

/** Candidates of one context: its best `limit` continuation blocks. */
function contextCandidates(
  index: PhraseIndex,
  codes: Uint16Array,
  context: Context,
  blocks: Block[],
  limit: number,
  surroundings: Surroundings,
  tuning: QueryTuning,
  model: AcceptanceModel,
  trees: CompiledTrees,
): CorpusCandidate[] {
  const leadInText = surroundings.before.slice(-(context.length + LEAD_IN_CHARS), -context.length);
  const leadIn = leadInOf(leadInCodes.subarray(0, normalizeInto(leadInText, leadInCodes, 0)), leadInScratch);
  const stats: ContextStats = {
    surroundings,
    leadIn,
    leadInSimilarity: leadInSimilarity(index, context.lo, context.hi, leadIn),
    context,
    codes,
    count: blocks.reduce((n, b) => n + b.count, 0),
    docs: countDocs(index, context.lo, context.hi, DOC_SCAN_CAP),
    blocks,
    clauseChars: clauseChars(codes),
  };
  const out: CorpusCandidate[] = [];
  for (const block of blocks.slice(0, limit)) {
    const c = candidateOf(index, stats, block, tuning, model, trees);
    if (c) out.push(c);
  }
  return out;
}

/**
 * The draft's own continuation (`draftMemory.ts`) as a candidate: its corpus support is the head's after the
 * last `localContextChars` of the context, as for corpus candidates.
 */
function draftCandidate(index: PhraseIndex, textBeforeCursor: string, local: LocalContext, tuning: QueryTuning, model: DraftModel): DraftCandidate | null {
  const match = draftMatch(textBeforeCursor, { ...tuning, minContextChars: tuning.draftMinContextChars });
  if (!match) return null;
  const support = localSupport(index, local, normalizeCodes(match.text.slice(0, match.headChars)));
  const evidence: DraftEvidence = { ...match.evidence, corpusLocalCount: support.count, corpusLocalHeadCount: support.headCount };
  const confidence = estimateDraftConfidence(evidence, model);
  return {
    source: 'draft',
    suggestion: {
      text: match.text,
      chunks: match.chunks,
      count: match.evidence.headCount,
      docCount: 0,
      contextLength: match.evidence.contextLength,
      confidence,
      sources: [DRAFT_SOURCE],
      origin: 'draft',
    },
    evidence,
    expectedSaving: confidence * match.saving,
  };
}

/**
 * Adds `c` to `out` unless an alternative starting with the same character saves more (alternatives stay
 * distinct). The same text from elsewhere replaces the one in `out` only when `sameText` says so.
 */
function mergeCandidate(out: Candidate[], c: Candidate, sameText = false): void {
  const i = out.findIndex((o) => o.suggestion.text[0] === c.suggestion.text[0]);
  if (i < 0) out.push(c);
  else if (c.expectedSaving > out[i].expectedSaving && (sameText || c.suggestion.text !== out[i].suggestion.text)) out[i] = c;
}

/**
 * Candidates of the main context in rank order, then those of the extra contexts (see `QueryTuning`) and
 * the draft's own continuation: one whose first character no earlier candidate has is added, one that
 * starts like an earlier one replaces it when it is a different text of higher expected saving.
 * Alternatives stay distinct.
 */
export function findCandidates(
  index: PhraseIndex,
  textBeforeCursor: string,
  limit: number,
  tuning: QueryTuning = DEFAULT_QUERY_TUNING,
  model: AcceptanceModel = ACCEPTANCE_MODEL,
  draftModel: DraftModel = DRAFT_MODEL,
  trees: CompiledTrees = ACCEPTANCE_TREES,
): Candidate[] {
  const paragraph = currentParagraph(textBeforeCursor);
  if (paragraph.length < tuning.minContextChars || index.sa.length === 0 || limit <= 0) return [];
  const codes = normalizeCodes(paragraph);
  const out: Candidate[] = [];
  const local = localContext(index, codes, tuning.localContextChars);
  const main = mainContext(index, codes, tuning);
  if (main) {
    const surroundings: Surroundings = { before: textBeforeCursor, affinity: documentAffinity(index, textBeforeCursor), local };
    out.push(...contextCandidates(index, codes, main.context, main.blocks, limit, surroundings, tuning, model, trees));
    for (const context of extraContexts(index, codes, main.context, tuning)) {
      const blocks = continuationBlocks(index, context.lo, context.hi, context.length);
      for (const c of contextCandidates(index, codes, context, blocks, EXTRA_CONTEXT_CANDIDATES, surroundings, tuning, model, trees)) mergeCandidate(out, c);
    }
  }
  if (tuning.draftMemory) {
    const c = draftCandidate(index, textBeforeCursor, local, tuning, draftModel);
    if (c) mergeCandidate(out, c);
  }
  return out;
}

/** Index of the candidate of best expected saving. */
function bestBySaving(candidates: readonly Candidate[]): number {
  let best = 0;
  for (let i = 1; i < candidates.length; i++) if (candidates[i].expectedSaving > candidates[best].expectedSaving) best = i;
  return best;
}

/**
 * Ranked suggestions for the text before the cursor, searched in `index`: at most `options.limit`
 * (default 5), those below `options.minConfidence` left out. The first is the one of best expected
 * saving (when `tuning.pickBySaving`); the others follow in rank order (documents, occurrences, length).
 */
export function suggestFromIndex(
  index: PhraseIndex,
  textBeforeCursor: string,
  options: SuggestOptions = {},
  tuning: QueryTuning = DEFAULT_QUERY_TUNING,
  model: AcceptanceModel = ACCEPTANCE_MODEL,
  draftModel: DraftModel = DRAFT_MODEL,
  trees: CompiledTrees = ACCEPTANCE_TREES,
): Suggestion[] {
  const minConfidence = options.minConfidence ?? 0;
  const limit = options.limit ?? DEFAULT_LIMIT;
  if (options.draftMemory !== undefined) tuning = { ...tuning, draftMemory: options.draftMemory };
  const poolSize = Math.max(limit, tuning.pickBySaving ? CANDIDATE_POOL : 0);
  const pool = findCandidates(index, textBeforeCursor, poolSize, tuning, model, draftModel, trees);
  const inside = Math.min((options.committedChars ?? 1) - 1, COMMITTED_LOOKBACK_CHARS);
  for (let typed = 1; typed <= inside; typed++) {
    for (const c of findCandidates(index, textBeforeCursor.slice(0, -typed), poolSize, tuning, model, draftModel, trees)) {
      const rest = typedThrough(c, textBeforeCursor.slice(-typed), tuning.minSuggestionChars);
      // The same text with the confidence it had where the word began beats the one asked at its end.
      if (rest) mergeCandidate(pool, rest, true);
    }
  }
  return orderCandidates(pool, minConfidence, tuning).slice(0, limit).map((c) => c.suggestion);
}

/**
 * Positions inside a committed word that are asked too (`SuggestOptions.committedChars`). A pinyin IME commits
 * a word at a time, so its writer is never at 「增强“四」 to see 「个意识”、坚定“四个自信”…」 there; the
 * acceptance model, fitted on a writer who types character by character and takes every right suggestion,
 * holds a formulation the writer has just typed into less likely at 「增强“四个」 (a writer who got there
 * that way had passed it by). What the query would have offered inside the word, once the word has typed its
 * beginning, is what a writer typing character by character would still see as a ghost they typed through.
 */
export const COMMITTED_LOOKBACK_CHARS = 4;

/** `c` after the writer typed `typed` of it: its rest, as long as `typed` is its beginning and the rest is worth offering. */
function typedThrough<C extends Candidate>(c: C, typed: string, minChars: number): C | null {
  const { text, chunks } = c.suggestion;
  if (!text.startsWith(typed) || text.length - typed.length < minChars) return null;
  const rest: string[] = [];
  let at = 0;
  for (const chunk of chunks) {
    const end = at + chunk.length;
    if (end > typed.length) rest.push(at >= typed.length ? chunk : chunk.slice(typed.length - at));
    at = end;
  }
  return { ...c, suggestion: { ...c.suggestion, text: text.slice(typed.length), chunks: rest } };
}

/** The candidates at or above `minConfidence`, in the order they are offered (see `suggestFromIndex`). */
export function orderCandidates(pool: readonly Candidate[], minConfidence: number, tuning: QueryTuning = DEFAULT_QUERY_TUNING): Candidate[] {
  const kept = pool.filter((c) => c.suggestion.confidence >= minConfidence);
  if (tuning.pickBySaving && kept.length > 1) {
    const b = bestBySaving(kept);
    if (b > 0) kept.unshift(kept.splice(b, 1)[0]);
  }
  return kept;
}
