/**
 * Stage 3 of the query (`query.ts`): the evidence. Owns what the acceptance models read about a candidate —
 * the evidence types, their construction from the index and the draft, and the model terms computed from
 * them — so that a new term is added here (field, value, term) and in the model's JSON. Pure, no DOM.
 *
 * Not re-entrant: `contextStats` reads the draft's lead-in into module-level scratch buffers, valid until
 * the next call (the candidates of one context are evidenced before the next context's lead-in is read).
 */
import { rangeAffinity } from './affinity';
import type { PhraseIndex } from './build';
import { cursorInsideWord, WORD_BOUNDARY_TAIL_CHARS } from './chunks';
import { DOC_SCAN_CAP, type Block, type Context, type LocalContext } from './contexts';
import { draftLocalEnds, draftLocalSupport, type DraftMatch } from './draftMemory';
import { LEAD_IN_CHARS, leadInOf, leadInShare, leadInSimilarity, type LeadIn, type LeadInSimilarity } from './leadIn';
import { isPunctuationCode, normalizeCodes, normalizeInto } from './normalize';
import { draftLevel, draftPlaceName, type DraftPlace } from './places';
import { meanDocWeight } from './recency';
import { blockOf, countDocs, findRange } from './search';

/** The evidence a query gathered for one candidate continuation from the corpus. */
export interface ContinuationEvidence {
  /** Length of the matched context (code units). */
  contextLength: number;
  /** Occurrences of the context that have some continuation in the paragraph. */
  contextCount: number;
  /** Distinct documents among them. */
  contextDocs: number;
  /** Occurrences of context + the first acceptable part of the suggestion (≥ 2 characters, whole chunks). */
  headCount: number;
  /** Distinct documents among them. */
  headDocs: number;
  /** Characters of the head. */
  headChars: number;
  /** Occurrences of the last few characters of the context alone, and of those followed by the head. */
  localCount: number;
  localHeadCount: number;
  /** The context ends with punctuation: what follows a comma is freer than what follows half a word. */
  afterPunctuation: boolean;
  /** Occurrences of the candidate's first-character block, and of the largest other block of its context. */
  blockCount: number;
  rivalCount: number;
  /** Distinct first characters that follow the context (as found: sampled in large ranges). */
  continuations: number;
  /** Characters since the last punctuation mark before the cursor (position in the clause). */
  clauseChars: number;
  /** The head ends with a punctuation mark (it completes a clause). */
  headEndsPunctuation: boolean;
  /** The head holds a figure, or the cursor follows one (「增长5.」): figures are facts, not formulations. */
  headHasDigit: boolean;
  afterDigit: boolean;
  /** The cursor is inside a word: the text before it and the head segment as one word across the cursor. */
  midWord: boolean;
  /** Occurrences of the head anywhere in the index, and the index's size: how generic the head is. */
  headAnywhereCount: number;
  indexChars: number;
  /** Earlier occurrences in the draft itself of the last few characters of the context, and of those followed by the head. */
  draftLocalCount: number;
  draftLocalHeadCount: number;
  /**
   * Character pairs of the draft's lead-in to the context (`leadIn.ts`) that the head's occurrences share on
   * average, minus those the context's occurrences share: the head comes from passages like this one. Also
   * over the nearest characters of the lead-in, and for the best-matching occurrence.
   */
  leadInLift: number;
  nearLeadInLift: number;
  leadInBestLift: number;
  /** Share of the lead-in's character pairs the head's occurrences hold on average (`leadInShare`), × `LEAD_IN_CHARS − 1`. */
  leadInHead: number;
  /** Highest affinity score among the head's documents: recent clauses of the draft they matched (`affinity.ts`). */
  affinity: number;
  /** Read by the trees only (`trees.ts`): the suggestion's length and words, how far the corpus agreed, the occurrences of all of it, the rank of its first character among the context's. */
  suggestionChars: number;
  headChunks: number;
  extensionChars: number;
  suggestionCount: number;
  blockRank: number;
  /** Mean recency weight of the head's documents (`recency.ts`); 0 without a reference year. Read by no model. */
  recencyWeight: number;
}

/** The evidence the draft model reads about a continuation the draft itself wrote (see `draftFeatures`). */
export interface DraftEvidence {
  /** Length of the longest suffix of the paragraph seen earlier in the draft. */
  contextLength: number;
  /** Its earlier occurrences that have a continuation in their paragraph. */
  occurrences: number;
  /** Of those, the ones that continue with the head. */
  headCount: number;
  headChars: number;
  afterPunctuation: boolean;
  midWord: boolean;
  /** Code units from the end of the nearest agreeing occurrence's context to the cursor. */
  distance: number;
  /** Occurrences in the corpus of the last 3 characters of the context, and of those followed by the head. */
  corpusLocalCount: number;
  corpusLocalHeadCount: number;
}

/** The draft before the cursor, beyond the current context. */
export interface Surroundings {
  /** The text before the cursor (up to `BEFORE_CURSOR_WINDOW_CHARS`). */
  before: string;
  /** Affinity score of each document the draft has recently followed (`affinity.ts`). */
  affinity: ReadonlyMap<number, number>;
  /** The province the draft names (`places.ts`), found when a candidate first needs it. */
  place?: string | null;
  /** The draft's level word (`draftLevel`), found when a candidate first needs it. */
  level?: string | null;
  /** The corpus range of the context's last `localContextChars` codes (`localSupport`). */
  local: LocalContext;
  /** The draft's own earlier occurrences of them (`draftLocalEnds`), found when a candidate first needs them. */
  draftLocalEnds?: readonly number[];
  /** Each document's recency weight for the query's reference year (`recency.ts`); null without one. */
  recency: Float64Array | null;
}

/** What the candidates of one context share. */
export interface ContextStats {
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

/** Where a corpus candidate's text lies and how it was cut: what `corpusEvidence` measures. */
export interface CandidateShape {
  /** Position in the index of the first occurrence's context start. */
  first: number;
  /** The continuation as the corpus (or the localised draft) wrote it, extended. */
  full: string;
  /** Characters of the suggestion, of its head, and how far the corpus agreed. */
  chars: number;
  headChars: number;
  headChunks: number;
  extensionChars: number;
  /** Suffix-array ranges after the head and after the whole suggestion. */
  head: [number, number];
  whole: [number, number];
}

/** Digits, Arabic or Chinese: figures are the draft's own facts, not formulations. */
const DIGIT = /[0-9０-９%％.．]/u;

/** The lead-in being read, rewritten for each context (see the module header). */
const leadInScratch = leadInOf(new Uint16Array(0));
const leadInCodes = new Uint16Array(LEAD_IN_CHARS);

/** Characters since the last punctuation mark at the end of `codes` (all of them when there is none). */
function clauseChars(codes: Uint16Array): number {
  let n = 0;
  while (n < codes.length && !isPunctuationCode(codes[codes.length - 1 - n])) n++;
  return n;
}

/** Size of a suffix-array range. */
export function rangeSize([lo, hi]: [number, number]): number {
  return hi - lo;
}

/** Occurrences of the largest block of `blocks` other than `block`. */
function rivalCount(blocks: readonly Block[], block: Block): number {
  let best = 0;
  for (const b of blocks) if (b !== block && b.count > best) best = b.count;
  return best;
}

/** The province the draft names, found once per query. */
export function placeOf(surroundings: Surroundings): string | null {
  if (surroundings.place === undefined) surroundings.place = draftPlaceName(surroundings.before);
  return surroundings.place;
}

/** The draft's province, level and text (`places.ts`), the first two found once per query. */
export function draftPlaceOf(surroundings: Surroundings): DraftPlace {
  if (surroundings.level === undefined) surroundings.level = draftLevel(surroundings.before);
  return { province: placeOf(surroundings), level: surroundings.level, before: surroundings.before };
}

function draftLocalEndsOf(surroundings: Surroundings, chars: number): readonly number[] {
  return (surroundings.draftLocalEnds ??= draftLocalEnds(surroundings.before, chars));
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

/** What the candidates of `context` share; its lead-in lives in the scratch buffers until the next call. */
export function contextStats(index: PhraseIndex, codes: Uint16Array, context: Context, blocks: Block[], surroundings: Surroundings): ContextStats {
  const leadInText = surroundings.before.slice(-(context.length + LEAD_IN_CHARS), -context.length);
  const leadIn = leadInOf(leadInCodes.subarray(0, normalizeInto(leadInText, leadInCodes, 0)), leadInScratch);
  return {
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
}

/** The evidence of the corpus candidate `shape`, continuing `block` of the context of `stats`. */
export function corpusEvidence(index: PhraseIndex, stats: ContextStats, block: Block, shape: CandidateShape, localContextChars: number): ContinuationEvidence {
  const k = stats.context.length;
  const { first, full, headChars } = shape;
  const [hlo, hhi] = shape.head;
  const local = localSupport(index, stats.surroundings.local, index.codes.subarray(first + k, first + k + headChars));
  const own = draftLocalSupport(stats.surroundings.before, draftLocalEndsOf(stats.surroundings, localContextChars), full.slice(0, headChars));
  const headLeadIn = leadInSimilarity(index, hlo, hhi, stats.leadIn);
  const contextLeadIn = stats.leadInSimilarity;
  return {
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
    suggestionChars: shape.chars,
    headChunks: shape.headChunks,
    extensionChars: shape.extensionChars,
    suggestionCount: rangeSize(shape.whole),
    blockRank: stats.blocks.indexOf(block),
    recencyWeight: stats.surroundings.recency ? meanDocWeight(index, hlo, hhi, DOC_SCAN_CAP, stats.surroundings.recency) : 0,
  };
}

/** The evidence of the draft's own continuation `match`: its corpus support is the head's after the local context. */
export function draftEvidence(index: PhraseIndex, local: LocalContext, match: DraftMatch): DraftEvidence {
  const support = localSupport(index, local, normalizeCodes(match.text.slice(0, match.headChars)));
  return { ...match.evidence, corpusLocalCount: support.count, corpusLocalHeadCount: support.headCount };
}

/** Head share above which the corpus counts as all but unanimous (a step of the piecewise share term). */
export const NEAR_UNANIMOUS_SHARE = 0.9;

/**
 * The value of each term of the acceptance model for one candidate (`bias` is 1); logs are natural. The
 * model (`acceptanceModel.json`) holds one weight per key; the fitting script reads these terms too.
 */
export function acceptanceFeatures(e: ContinuationEvidence) {
  const share = e.contextCount > 0 ? e.headCount / e.contextCount : 0;
  const localShare = e.localCount > 0 ? e.localHeadCount / e.localCount : 0;
  const logK = Math.log(Math.max(1, e.contextLength));
  const single = e.headDocs <= 1 ? 1 : 0;
  const singleContext = e.contextDocs <= 1 ? 1 : 0;
  return {
    bias: 1,
    /** Occurrences of context + head: the more often the corpus wrote it here, the likelier. */
    perLogHeadCount: Math.log1p(e.headCount),
    /** Occurrences of the context: a frequent context has many possible continuations. */
    perLogContextCount: Math.log1p(e.contextCount),
    /** Share of the context's occurrences that continue with the head: linear, squared, and a step when all but unanimous. */
    perHeadShare: share,
    perLogContextDocs: Math.log1p(e.contextDocs),
    perLogHeadDocs: Math.log1p(e.headDocs),
    /** Context length: a longer context is more specific. */
    perLogContextLength: logK,
    /** Share, and log count, of the head after only the last few characters: a locally standard phrase. */
    perLocalShare: localShare,
    perLogLocalHeadCount: Math.log1p(e.localHeadCount),
    /** What follows punctuation is freer than what follows half a word, unless many documents agree on it. */
    afterPunctuation: e.afterPunctuation ? 1 : 0,
    /**
     * A head seen in one document only: the writer is usually where that document and the draft part ways,
     * unless the shared passage is long or the head is locally standard.
     */
    singleDoc: single,
    singleDocPerLogContextLength: single * logK,
    singleDocPerLocalShare: single * localShare,
    /** A context seen in one document only: a passage the draft shares with that document. */
    singleContext: singleContext,
    singleContextPerLogContextLength: singleContext * logK,
    /** Length of the head (characters): a long first word must match whole. */
    perLogHeadChars: Math.log(Math.max(1, e.headChars)),
    perHeadShareSquared: share * share,
    headShareNearUnanimous: share > NEAR_UNANIMOUS_SHARE ? 1 : 0,
    /** Heads seen in exactly 2 or 3 documents: weaker than the log-count suggests. */
    headDocsTwo: e.headDocs === 2 ? 1 : 0,
    headDocsThree: e.headDocs === 3 ? 1 : 0,
    /** A context seen in exactly 2 documents (the least the main context may have). */
    contextDocsTwo: e.contextDocs === 2 ? 1 : 0,
    afterPunctuationPerHeadShare: e.afterPunctuation ? share : 0,
    afterPunctuationPerLogHeadDocs: e.afterPunctuation ? Math.log1p(e.headDocs) : 0,
    /** Share of the head's first character among it and the largest rival first character. */
    perMargin: e.blockCount / Math.max(1, e.blockCount + e.rivalCount),
    /** Share of the first character's matches that go on to the whole head. */
    perBlockShare: e.blockCount > 0 ? Math.min(1, e.headCount / e.blockCount) : 0,
    /** Distinct first characters after the context: a point where the corpus branches. */
    perLogContinuations: Math.log(Math.max(1, e.continuations)),
    /** Characters since the last punctuation: deep in a clause, the writer's own wording has taken over. */
    perLogClauseChars: Math.log1p(e.clauseChars),
    headEndsPunctuation: e.headEndsPunctuation ? 1 : 0,
    /** A figure in the head, or just before the cursor (what follows a figure is its unit, often standard). */
    headHasDigit: e.headHasDigit ? 1 : 0,
    afterDigit: e.afterDigit ? 1 : 0,
    /** The cursor is inside a word and the head completes it. */
    midWord: e.midWord ? 1 : 0,
    /** Log of the head's frequency anywhere in the index (per character): with the head count, its PMI with the context. */
    perLogHeadPrior: Math.log((e.headAnywhereCount + 1) / Math.max(1, e.indexChars)),
    /** The head comes from a document the draft has been following (`affinity.ts`): log(1 + its score). */
    perLogAffinity: Math.log1p(e.affinity),
    /** The draft itself went on with the head after the same few characters (share, when it wrote them before). */
    perDraftLocalShare: e.draftLocalCount > 0 ? e.draftLocalHeadCount / e.draftLocalCount : 0,
    /** The draft wrote those few characters before but never followed them with the head. */
    draftLocalUnseen: e.draftLocalCount > 0 && e.draftLocalHeadCount === 0 ? 1 : 0,
    /** The head's occurrences are led in like the draft (`leadIn.ts`): extra shared character pairs, and the share at all. */
    perLeadInLift: e.leadInLift,
    perNearLeadInLift: e.nearLeadInLift,
    perLeadInBestLift: e.leadInBestLift,
    perLeadInHead: e.leadInHead,
  };
}

/** The value of each term of the draft model (`draftModel.json`; `bias` is 1); the fitting script uses it too. */
export function draftFeatures(e: DraftEvidence) {
  return {
    bias: 1,
    perLogContextLength: Math.log(Math.max(1, e.contextLength)),
    perLogOccurrences: Math.log(Math.max(1, e.occurrences)),
    perHeadShare: e.occurrences > 0 ? e.headCount / e.occurrences : 0,
    perLogHeadChars: Math.log(Math.max(1, e.headChars)),
    afterPunctuation: e.afterPunctuation ? 1 : 0,
    midWord: e.midWord ? 1 : 0,
    perLogDistance: Math.log1p(e.distance),
    perCorpusLocalShare: e.corpusLocalCount > 0 ? e.corpusLocalHeadCount / e.corpusLocalCount : 0,
    perLogCorpusLocalHeadCount: Math.log1p(e.corpusLocalHeadCount),
    corpusUnseen: e.corpusLocalHeadCount === 0 ? 1 : 0,
  };
}

/** Weights of the acceptance model of corpus candidates: one per term of `acceptanceFeatures`. */
export type AcceptanceModel = ReturnType<typeof acceptanceFeatures>;
/** Weights of the acceptance model of draft candidates: one per term of `draftFeatures`. */
export type DraftModel = ReturnType<typeof draftFeatures>;
