/**
 * Draft memory: what the draft itself has already written after the words just typed. A speech or a
 * report repeats its own formulations — its province (「全区」, not 「全省」), its own slogans, the
 * programme it named three paragraphs up — which no other document of the corpus has. This module finds,
 * in the text before the cursor, the earlier occurrences of the longest suffix of the current paragraph,
 * the continuation most of them agree on (extended while ≥ `extendAgreement` of them agree, as the corpus
 * query does), and the evidence the acceptance model of draft candidates reads (`evidence.ts`).
 *
 * Why not index the draft like the corpus: the window is at most `BEFORE_CURSOR_WINDOW_CHARS` and changes
 * at every keystroke; finding the earlier occurrences of the last character typed (`lastIndexOf`) and
 * comparing backwards from each, folding characters on demand, costs less than building any index or even
 * copying the window. Pure, no DOM.
 */
import { cursorInsideWord, WORD_BOUNDARY_TAIL_CHARS, wordLead, type WordJoiner } from './chunks';
import { foldedCode, foldVariants, isPunctuationCode, PARAGRAPH_BREAK_CODE, SENTENCE_END_CHARS } from './normalize';
import type { DraftEvidence } from './evidence';
import { stopSuggestion } from './saving';

/** Earlier occurrences followed, at most (the most recent first). */
export const DRAFT_MAX_OCCURRENCES = 32;

/** Knobs of the draft memory (shared with the corpus query where they mean the same thing). */
export interface DraftMemoryTuning {
  minContextChars: number;
  maxContextChars: number;
  extendAgreement: number;
  maxSuggestionChars: number;
  minSuggestionChars: number;
  chunkSmoothing: number;
  figureSmoothing: number;
  stopBySaving: boolean;
}

/** A continuation the draft itself wrote, before its confidence is estimated. */
export interface DraftMatch {
  /** The text as the draft wrote it, and its chunks. */
  text: string;
  chunks: string[];
  evidence: Omit<DraftEvidence, 'corpusLocalCount' | 'corpusLocalHeadCount'>;
  /** Characters of the head (first acceptable part) — the query measures its corpus support. */
  headChars: number;
  /** Expected saving of the accepted part per unit of P(head) (`saving.ts`). */
  saving: number;
}

const SENTENCE_END_CODES = new Set(Array.from(SENTENCE_END_CHARS, (c) => c.charCodeAt(0)));

/** The window's characters, folded on demand (`foldedCode`): no copy of the window per query. */
interface FoldedText {
  text: string;
  length: number;
  at(i: number): number;
}

function foldedText(text: string): FoldedText {
  return { text, length: text.length, at: (i) => foldedCode(text.charCodeAt(i)) };
}

/**
 * Positions `j` before the end where the last character occurs again (a context could end there), most
 * recent first. Found with `lastIndexOf` for each variant of it: far fewer than the window's positions.
 */
function earlierEnds(t: FoldedText): number[] {
  const n = t.length;
  const out: number[] = [];
  for (const v of foldVariants(t.text.charCodeAt(n - 1))) {
    for (let i = t.text.lastIndexOf(v, n - 2); i >= 0; i = i > 0 ? t.text.lastIndexOf(v, i - 1) : -1) out.push(i + 1);
  }
  return out.length > 1 ? out.sort((a, b) => b - a) : out;
}

/**
 * Earlier positions `j` (the context ends at `j`, exclusive) whose preceding text matches the longest
 * suffix of the text that occurs earlier, within `maxChars` and one paragraph; most recent first.
 */
function longestEarlierContext(t: FoldedText, paragraphStart: number, minChars: number, maxChars: number): { length: number; ends: number[] } {
  const n = t.length;
  const limit = Math.min(maxChars, n - paragraphStart);
  let best = 0;
  let ends: number[] = [];
  if (limit < minChars) return { length: 0, ends };
  for (const j of earlierEnds(t)) {
    if (t.at(j) === PARAGRAPH_BREAK_CODE) continue;
    let k = 1;
    while (k < limit && j - 1 - k >= 0 && t.at(j - 1 - k) === t.at(n - 1 - k) && t.at(j - 1 - k) !== PARAGRAPH_BREAK_CODE) k++;
    if (k < minChars || k < best) continue;
    if (k > best) {
      best = k;
      ends = [];
    }
    if (ends.length < DRAFT_MAX_OCCURRENCES) ends.push(j);
  }
  return { length: best, ends };
}

/** The majority continuation of the occurrences ending at `ends`, extended while they agree. */
function agreedContinuation(t: FoldedText, ends: number[], tuning: DraftMemoryTuning): { length: number; counts: number[]; nearest: number } {
  const n = t.length;
  // First character: the most frequent; ties go to the most recent (ends are most recent first).
  const tally = new Map<number, number>();
  for (const e of ends) tally.set(t.at(e), (tally.get(t.at(e)) ?? 0) + 1);
  let first = t.at(ends[0]);
  for (const [code, count] of tally) if (count > tally.get(first)!) first = code;
  let members = ends.filter((e) => t.at(e) === first);
  const counts = [members.length];
  let lastCode = first;
  while (counts.length < tuning.maxSuggestionChars && !SENTENCE_END_CODES.has(lastCode)) {
    const d = counts.length;
    const next = new Map<number, number>();
    for (const e of members) if (e + d < n) next.set(t.at(e + d), (next.get(t.at(e + d)) ?? 0) + 1);
    let code = -1;
    let count = 0;
    for (const [c, k] of next) if (k > count) [code, count] = [c, k];
    if (code < 0 || code === PARAGRAPH_BREAK_CODE || count < tuning.extendAgreement * members.length) break;
    members = members.filter((e) => e + d < n && t.at(e + d) === code);
    counts.push(members.length);
    lastCode = code;
  }
  return { length: counts.length, counts, nearest: members[0] };
}

/**
 * The continuation the draft itself wrote after the longest suffix of the current paragraph that it has
 * written before, in `window` (the text before the cursor, up to `BEFORE_CURSOR_WINDOW_CHARS`); null when
 * there is none or it is too short to save anything. Chunked with the corpus words of `words` when given.
 */
export function draftMatch(window: string, tuning: DraftMemoryTuning, words?: WordJoiner): DraftMatch | null {
  if (window.length < 2) return null;
  const t = foldedText(window);
  const n = t.length;
  const paragraphStart = window.lastIndexOf('\n') + 1;
  const context = longestEarlierContext(t, paragraphStart, tuning.minContextChars, tuning.maxContextChars);
  if (context.ends.length === 0) return null;
  const cont = agreedContinuation(t, context.ends, tuning);
  const full = window.slice(cont.nearest, cont.nearest + cont.length);
  if (full.length < tuning.minSuggestionChars) return null;
  const stop = stopSuggestion(full, tuning.minSuggestionChars, (chars) => cont.counts[chars - 1], { chunk: tuning.chunkSmoothing, figure: tuning.figureSmoothing }, tuning.stopBySaving, words, wordLead(window));
  if (stop.chars < tuning.minSuggestionChars) return null;
  const headChars = stop.headChars;
  return {
    text: full.slice(0, stop.chars),
    chunks: stop.chunks,
    headChars,
    saving: stop.saving,
    evidence: {
      contextLength: context.length,
      occurrences: context.ends.length,
      headCount: cont.counts[headChars - 1],
      headChars,
      afterPunctuation: isPunctuationCode(window.charCodeAt(n - 1)),
      midWord: cursorInsideWord(window.slice(-WORD_BOUNDARY_TAIL_CHARS), full.slice(0, headChars)),
      distance: n - cont.nearest,
    },
  };
}

/** Earlier occurrences of a formulation's beginning the draft needs before its own wording wins (`draftWording`). */
export const DRAFT_WORDING_MIN_COUNT = 3;
/** Characters of a corpus suggestion by which the draft's own wording of it is looked up. */
export const DRAFT_WORDING_PREFIX_CHARS = 2;

/** The draft's own wording of a formulation (`draftWording`): its text and the occurrences agreeing after each character. */
export interface DraftWording {
  text: string;
  /** `counts[i]`: earlier occurrences that agree on the first `i + 1` characters of `text`. */
  counts: number[];
}

/**
 * How the draft itself goes on after `prefix` (the beginning of a corpus suggestion): the continuation that
 * at least `extendAgreement` of its earlier occurrences in `window` agree on, character by character, when
 * it occurs at least `DRAFT_WORDING_MIN_COUNT` times and they agree on the first character after it. A draft
 * that has written 「二十届四中全会」 eight times words 「二十…」 its own way, whatever the corpus's
 * majority (「二十大」). Null when the draft has no wording of its own for it.
 */
export function draftWording(window: string, prefix: string, tuning: DraftMemoryTuning): DraftWording | null {
  if (prefix.length === 0) return null;
  const ends: number[] = [];
  const last = window.length - prefix.length - 1;
  for (let at = window.lastIndexOf(prefix, last); at >= 0 && ends.length < DRAFT_MAX_OCCURRENCES; at = at > 0 ? window.lastIndexOf(prefix, at - 1) : -1) ends.push(at + prefix.length);
  if (ends.length < DRAFT_WORDING_MIN_COUNT) return null;
  const t = foldedText(window);
  const cont = agreedContinuation(t, ends, tuning);
  if (cont.counts[0] < DRAFT_WORDING_MIN_COUNT || cont.counts[0] < tuning.extendAgreement * ends.length) return null;
  return { text: prefix + window.slice(cont.nearest, cont.nearest + cont.length), counts: cont.counts };
}

/** Occurrences counted, at most, by `draftLocalEnds`. */
export const DRAFT_LOCAL_CAP = 64;

/**
 * The earlier occurrences in `before` of its last `chars` characters, as the positions where what followed
 * each begins, the most recent first. Found once per query: `draftLocalSupport` reads them for each head.
 */
export function draftLocalEnds(before: string, chars: number): number[] {
  const tail = before.slice(-chars);
  if (tail.length < chars || tail.includes('\n')) return [];
  const ends: number[] = [];
  const limit = before.length - chars - 1;
  for (let at = before.lastIndexOf(tail, limit); at >= 0 && ends.length < DRAFT_LOCAL_CAP; at = at > 0 ? before.lastIndexOf(tail, at - 1) : -1) ends.push(at + chars);
  return ends;
}

/**
 * How the draft itself went on after the last characters before the cursor: their earlier occurrences
 * (`ends`, from `draftLocalEnds`), and those followed by `head` — the writer's own choice where the corpus
 * offers several (「全区」 or 「全省」). Raw text, no normalisation: the draft is one writer's.
 */
export function draftLocalSupport(before: string, ends: readonly number[], head: string): { count: number; headCount: number } {
  let headCount = 0;
  for (const end of ends) if (before.startsWith(head, end)) headCount++;
  return { count: ends.length, headCount };
}
