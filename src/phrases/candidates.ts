/**
 * Stage 2 of the query (`query.ts`): the candidates. Turns each continuation block of a context into a
 * suggestion — extended while the corpus agrees, its province names localised, cut where the expected
 * saving is best — evidenced (`evidence.ts`) and scored (`confidence.ts`); and the draft's own continuation
 * (`draftMemory.ts`) likewise. Pure, no DOM.
 */
import type { PhraseIndex } from './build';
import { balancedLength, splitIntoChunks, withoutLead, wordLead, type WordJoiner } from './chunks';
import { estimateConfidence, estimateDraftConfidence, shiftLogOdds } from './confidence';
import type { EngineConfig, QueryTuning } from './config';
import { DOC_SCAN_CAP, endsParagraph, type Block, type Context, type LocalContext } from './contexts';
import { draftMatch, draftWording, DRAFT_WORDING_MIN_COUNT, DRAFT_WORDING_PREFIX_CHARS } from './draftMemory';
import { contextStats, corpusEvidence, draftEvidence, draftPlaceOf, rangeSize, type ContextStats, type ContinuationEvidence, type DraftEvidence, type Surroundings } from './evidence';
import { SENTENCE_END_CHARS } from './normalize';
import { hasPlaceName, localiseLevelWords, localisePlaceNames, placeSafeLength } from './places';
import { draftRegister, registerLift, type DraftRegister } from './register';
import { stopSuggestion } from './saving';
import { countDocs, docsOfRange, blockOf, codeAt, yearSpan } from './search';
import type { Suggestion, SuggestionSource } from './types';
import { corpusWords } from './words';

/** Sources listed per suggestion. */
export const MAX_SOURCES = 3;
/** Where a draft candidate comes from, as the suggestion list names it. */
export const DRAFT_SOURCE = { id: 'draft', title: '本稿前文' } as const;
const SENTENCE_END_CODES = new Set(Array.from(SENTENCE_END_CHARS, (c) => c.charCodeAt(0)));

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

/** A suggestion with the evidence, confidence and expected saving it was ranked by. */
export type Candidate = CorpusCandidate | DraftCandidate;

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

/** One continuation block turned into a candidate: extended, cut where the saving is best, evidenced. */
function candidateOf(index: PhraseIndex, stats: ContextStats, block: Block, config: EngineConfig, register: DraftRegister | null): CorpusCandidate | null {
  const { tuning } = config;
  const k = stats.context.length;
  const ext = extend(index, block, k, tuning);
  if (ext.length < tuning.minSuggestionChars) return null;
  const firstRank = ext.ranges[ext.length - 1][0];
  const first = index.sa[firstRank];
  const firstDoc = index.docs[index.docOfRank[firstRank]];
  const corpusText = firstDoc.text.slice(first - firstDoc.start + k, first - firstDoc.start + k + ext.length);
  // Never another place's name, nor a closing mark the draft did not open: the suggestion stops before them.
  const draft = draftPlaceOf(stats.surroundings);
  const corpusCodes = index.codes.subarray(first + k, first + k + ext.length);
  const safe = Math.min(placeSafeLength(corpusText, corpusCodes, draft), balancedLength(corpusText, stats.surroundings.before));
  if (safe < tuning.minSuggestionChars) return null;
  const written = corpusText.slice(0, safe);
  const writtenCodes = corpusCodes.subarray(0, safe);
  // A province name in the continuation is shown as the draft's own, a level word at the draft's level (`places.ts`).
  const place = hasPlaceName(writtenCodes) ? draft.province : null;
  const localised = localiseLevelWords(place === null ? written : localisePlaceNames(written, writtenCodes, place), draft.level, draft.before);
  // The measurements below count characters of the corpus's text; a name of another length is put in at the end.
  const full = localised.length === written.length ? localised : written;
  const countAfter = (chars: number) => rangeSize(ext.ranges[chars - 1]);
  const words = corpusWords(index);
  const stop = stopSuggestion(full, tuning.minSuggestionChars, countAfter, { chunk: tuning.chunkSmoothing, figure: tuning.figureSmoothing }, tuning.stopBySaving, words, wordLead(stats.surroundings.before));
  const { chunks, chars: length, headChars } = stop;
  if (length < tuning.minSuggestionChars) return null;
  const [lo, hi] = ext.ranges[length - 1];
  const evidence = corpusEvidence(
    index,
    stats,
    block,
    { first, full, chars: length, headChars, headChunks: stop.headChunks, extensionChars: ext.length, head: ext.ranges[headChars - 1], whole: [lo, hi] },
    tuning.localContextChars,
  );
  // The register moves the fitted confidence (the models read no pack); recency is shared out later, between alternatives.
  const lift = register ? registerLift(index, register, chunks) : 0;
  const confidence = shiftLogOdds(estimateConfidence(evidence, config.model, config.trees), tuning.registerPerLift * lift);
  const text = full === localised ? full.slice(0, length) : localiseLevelWords(localisePlaceNames(written.slice(0, length), writtenCodes, place!), draft.level, draft.before);
  return {
    source: 'corpus',
    suggestion: {
      text,
      chunks: text.length === length ? chunks : localisedChunks(text, wordLead(stats.surroundings.before), words),
      count: hi - lo,
      docCount: countDocs(index, lo, hi, DOC_SCAN_CAP),
      contextLength: k,
      confidence,
      sources: docsOfRange(index, lo, hi, MAX_SOURCES, DOC_SCAN_CAP).map((d) => sourceOf(index, d)),
      ...yearsOf(index, lo, hi),
      origin: 'corpus',
    },
    evidence,
    expectedSaving: confidence * stop.saving,
  };
}

/** Chunks of a suggestion whose text was localised after its stop was chosen. */
function localisedChunks(text: string, lead: string, words: WordJoiner): string[] {
  return withoutLead(splitIntoChunks(lead + text, words), lead.length);
}

/** Document `d` as a suggestion's source: id, title and, when known, its year. */
function sourceOf(index: PhraseIndex, d: number): SuggestionSource {
  const year = index.docYears[d];
  return year ? { id: index.docs[d].id, title: index.docs[d].title, year } : { id: index.docs[d].id, title: index.docs[d].title };
}

/** `Suggestion.years` of the range `[lo, hi)`, as a property to spread (none when no document has a year). */
function yearsOf(index: PhraseIndex, lo: number, hi: number): { years?: { from: number; to: number } } {
  const years = yearSpan(index, lo, hi, DOC_SCAN_CAP);
  return years ? { years } : {};
}

/** Candidates of one context: its best `limit` continuation blocks. */
export function contextCandidates(
  index: PhraseIndex,
  codes: Uint16Array,
  context: Context,
  blocks: Block[],
  limit: number,
  surroundings: Surroundings,
  config: EngineConfig,
): CorpusCandidate[] {
  const stats = contextStats(index, codes, context, blocks, surroundings);
  const register = config.tuning.registerPerLift !== 0 ? draftRegister(index, surroundings.before) : null;
  const out: CorpusCandidate[] = [];
  for (const block of blocks.slice(0, limit)) {
    const c = candidateOf(index, stats, block, config, register);
    if (c) out.push(config.tuning.draftWording ? inDraftWording(index, c, surroundings.before, config.tuning) : c);
  }
  return out;
}

/**
 * `c` in the draft's own wording (`draftWording`) when the draft, after the suggestion's first characters,
 * has repeatedly gone on otherwise than the corpus: the corpus says what comes next (after 「党的」 a
 * congress), the draft how it words it (「二十届四中全会」, not 「二十大」). The confidence stays the corpus's;
 * the suggestion is then the draft's (`origin: 'draft'`, 「本稿前文」).
 */
function inDraftWording(index: PhraseIndex, c: CorpusCandidate, before: string, tuning: QueryTuning): CorpusCandidate {
  const { text } = c.suggestion;
  const prefix = text.slice(0, DRAFT_WORDING_PREFIX_CHARS);
  const own = prefix.length === DRAFT_WORDING_PREFIX_CHARS ? draftWording(before, prefix, tuning) : null;
  if (!own || own.text.startsWith(text) || text.startsWith(own.text)) return c;
  const countAfter = (chars: number) => (chars <= prefix.length ? own.counts[0] : own.counts[chars - prefix.length - 1]);
  const stop = stopSuggestion(own.text, tuning.minSuggestionChars, countAfter, { chunk: tuning.chunkSmoothing, figure: tuning.figureSmoothing }, tuning.stopBySaving, corpusWords(index), wordLead(before));
  const worded = own.text.slice(0, stop.chars);
  if (stop.chars < tuning.minSuggestionChars || text.startsWith(worded) || countAfter(stop.chars) < DRAFT_WORDING_MIN_COUNT) return c;
  return {
    ...c,
    suggestion: { ...c.suggestion, text: worded, chunks: stop.chunks, count: countAfter(stop.chars), docCount: 0, sources: [DRAFT_SOURCE], years: undefined, origin: 'draft' },
    expectedSaving: c.suggestion.confidence * stop.saving,
  };
}

/** The draft's own continuation (`draftMemory.ts`) as a candidate. */
export function draftCandidate(index: PhraseIndex, textBeforeCursor: string, local: LocalContext, config: EngineConfig): DraftCandidate | null {
  const { tuning } = config;
  const match = draftMatch(textBeforeCursor, { ...tuning, minContextChars: tuning.draftMinContextChars }, corpusWords(index));
  if (!match) return null;
  const evidence = draftEvidence(index, local, match);
  const confidence = estimateDraftConfidence(evidence, config.draftModel);
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

/** `c` after the writer typed `typed` of it: its rest, as long as `typed` is its beginning and the rest is worth offering. */
export function typedThrough<C extends Candidate>(c: C, typed: string, minChars: number): C | null {
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
