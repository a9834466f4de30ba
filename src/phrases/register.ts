/**
 * Register: a party-committee speech and a government work report word the same things differently
 * (「把党的领导贯穿政府工作各方面」 is a report's). The draft's register is the pack it most resembles: for
 * each of its last `REGISTER_CLAUSES` clause ends before the current paragraph, the longest match in the
 * index (up to `REGISTER_MATCH_CHARS`) spreads one unit over the packs of its documents; a pack's
 * resemblance is its share of those units over its share of the index's characters, smoothed towards 1 by
 * `REGISTER_PRIOR_CLAUSES`. When the best pack resembles the draft `REGISTER_MIN_RESEMBLANCE` times more
 * than its size says, a suggestion's words are weighed by how that pack writes them: a word's *register
 * lift* is log((its occurrences in the pack + 1) / (its occurrences × the pack's share + 1)) — 「政府工作」,
 * hundreds of times in reports and rarely in speeches, is below 0 for a speech — and a suggestion's is its
 * lowest word's, within [`REGISTER_MIN_LIFT`, `REGISTER_MAX_LIFT`]: a word the pack writes as often as its
 * size says, or more, lifts nothing (every suggestion would rise in a speech, and precision with it fall). A whole-pack weight (as recency
 * weighs years) was tried first and moved nothing: the reports are 85 % of the corpus, so their weight
 * stays near 1 for any draft, and the only continuation of a context cannot lose to itself.
 *
 * Cost: the text before the current paragraph does not change while the writer types in it, so the draft's
 * pack is read once per paragraph (cached per index by that text); a clause end's documents are remembered
 * by the codes before it (a new paragraph mostly meets clause ends read before), the packs once per index,
 * a word's lift per index and pack. Pure, no DOM.
 */
import type { PhraseIndex } from './build';
import { normalizeCodes, normalizeInto, PARAGRAPH_BREAK, PARAGRAPH_BREAK_CODE } from './normalize';
import { findRange, longestSuffixRange } from './search';

/** Text before the current paragraph looked at. */
export const REGISTER_WINDOW_CHARS = 2000;
/** Clause ends looked at, the most recent first. */
export const REGISTER_CLAUSES = 24;
/** Shortest match that says anything about a pack. */
export const REGISTER_MIN_MATCH_CHARS = 4;
/** Longest match tried at a clause end (code units). */
export const REGISTER_MATCH_CHARS = 12;
/** Ranks of a match's range whose documents are read. */
export const REGISTER_SCAN_CAP = 64;
/** Clauses' worth of prior (every pack as often as its size says) that a resemblance is smoothed with. */
export const REGISTER_PRIOR_CLAUSES = 4;
/** The draft has a register when its best pack resembles it at least this many times more than its size says. */
export const REGISTER_MIN_RESEMBLANCE = 4;
/** Bounds of a suggestion's register lift (log units): it only lowers what the draft's kind of document does not write. */
export const REGISTER_MIN_LIFT = -2;
export const REGISTER_MAX_LIFT = 0;
/** Neighbouring words are also weighed together up to this length (「政府工作」; longer pairs are phrases, rare anywhere). */
export const REGISTER_PAIR_MAX_CHARS = 4;
/** Ranks of a word's range whose documents are read (evenly spaced beyond). */
export const REGISTER_WORD_SCAN_CAP = 512;

/** The pack a draft most resembles (`draftRegister`). */
export interface DraftRegister {
  pack: string;
  /** The pack's documents (1) by document number. */
  inPack: Uint8Array;
  /** The pack's share of the index's characters. */
  share: number;
  /** Word → register lift, remembered for this draft's pack. */
  lifts: Map<string, number>;
}

/** Clause marks (by code unit) after which the text before is matched. */
const CLAUSE_END_CODE = new Uint8Array(0x10000);
for (const c of '，、。！？；：,;:!?') CLAUSE_END_CODE[c.charCodeAt(0)] = 1;
const cache = new WeakMap<PhraseIndex, { key: string; register: DraftRegister | null }>();
const scratch = new Uint16Array(REGISTER_WINDOW_CHARS);

/** The packs of an index: each document's pack number, each pack's characters (read once per index). */
interface Packs {
  names: string[];
  docPack: Int32Array;
  packChars: number[];
  totalChars: number;
  /** Codes before a clause end → the distinct documents of their longest match (`clauseDocs`); null when none. */
  clauses: Map<string, readonly number[] | null>;
  /** Each pack's word lifts (`DraftRegister.lifts`): a lift depends on the word and the pack only. */
  lifts: Map<number, Map<string, number>>;
}
const packsByIndex = new WeakMap<PhraseIndex, Packs>();
/** Clause ends remembered per index (cleared when full). */
export const REGISTER_CLAUSE_CACHE_SIZE = 8192;
/** Word lifts remembered per index and pack (started afresh when full). */
export const REGISTER_LIFT_CACHE_SIZE = 65_536;

function packsOf(index: PhraseIndex): Packs {
  let packs = packsByIndex.get(index);
  if (packs) return packs;
  const packOf = new Map<string, number>();
  const docPack = new Int32Array(index.docs.length);
  const packChars: number[] = [];
  let totalChars = 0;
  index.docs.forEach((d, i) => {
    let p = packOf.get(d.pack);
    if (p === undefined) packOf.set(d.pack, (p = packChars.push(0) - 1));
    docPack[i] = p;
    packChars[p] += d.text.length;
    totalChars += d.text.length;
  });
  packs = { names: [...packOf.keys()], docPack, packChars, totalChars, clauses: new Map(), lifts: new Map() };
  packsByIndex.set(index, packs);
  return packs;
}

/** The pack the draft `textBeforeCursor` most resembles, when it resembles one clearly; null otherwise. */
export function draftRegister(index: PhraseIndex, textBeforeCursor: string): DraftRegister | null {
  const paragraphStart = textBeforeCursor.lastIndexOf(PARAGRAPH_BREAK) + 1;
  const key = textBeforeCursor.slice(Math.max(0, paragraphStart - REGISTER_WINDOW_CHARS), paragraphStart);
  const hit = cache.get(index);
  if (hit && hit.key === key) return hit.register;
  const register = readRegister(index, key);
  cache.set(index, { key, register });
  return register;
}

function readRegister(index: PhraseIndex, text: string): DraftRegister | null {
  const packs = packsOf(index);
  const { docPack, packChars, totalChars } = packs;
  if (packChars.length < 2 || totalChars === 0) return null;
  const mass = new Float64Array(packChars.length);
  const clauses = readClauses(index, text, packs, mass);
  if (clauses === 0) return null;
  let best = -1;
  let bestResemblance = 0;
  for (let p = 0; p < packChars.length; p++) {
    const prior = packChars[p] / totalChars;
    const resemblance = (mass[p] + REGISTER_PRIOR_CLAUSES * prior) / (clauses + REGISTER_PRIOR_CLAUSES) / prior;
    if (resemblance > bestResemblance) [best, bestResemblance] = [p, resemblance];
  }
  if (bestResemblance < REGISTER_MIN_RESEMBLANCE) return null;
  const inPack = new Uint8Array(index.docs.length);
  for (let d = 0; d < inPack.length; d++) inPack[d] = docPack[d] === best ? 1 : 0;
  let lifts = packs.lifts.get(best);
  if (!lifts || lifts.size >= REGISTER_LIFT_CACHE_SIZE) packs.lifts.set(best, (lifts = new Map()));
  return { pack: packs.names[best], inPack, share: packChars[best] / totalChars, lifts };
}

/**
 * The register lift of a suggestion of `words` (its chunks) for a draft of `register`: its lowest word's or
 * pair of neighbouring words' (「政府工作」 is a report's where 「政府」 and 「工作」 alone are anyone's).
 */
export function registerLift(index: PhraseIndex, register: DraftRegister, words: readonly string[]): number {
  let lift = REGISTER_MAX_LIFT;
  let any = false;
  let prev = '';
  for (const word of words) {
    const core = word.replace(/[^\p{Script=Han}]/gu, '');
    const pair = core.length === word.length && prev.length > 0 && prev.length + core.length <= REGISTER_PAIR_MAX_CHARS ? prev + core : '';
    for (const term of [core, pair]) {
      if (term.length < 2) continue;
      let l = register.lifts.get(term);
      if (l === undefined) register.lifts.set(term, (l = wordLift(index, register, term)));
      any = true;
      lift = Math.min(lift, l);
    }
    prev = core.length === word.length ? core : '';
  }
  return any ? Math.max(REGISTER_MIN_LIFT, lift) : 0;
}

function wordLift(index: PhraseIndex, register: DraftRegister, word: string): number {
  const codes = normalizeCodes(word);
  const [lo, hi] = findRange(index, codes, 0, codes.length);
  const n = hi - lo;
  const step = n > REGISTER_WORD_SCAN_CAP ? n / REGISTER_WORD_SCAN_CAP : 1;
  let inPack = 0;
  let read = 0;
  for (let x = lo; x < hi; x += step) {
    inPack += register.inPack[index.docOfRank[Math.floor(x)]];
    read++;
  }
  const observed = read > 0 ? (inPack * n) / read : 0;
  return Math.min(REGISTER_MAX_LIFT, Math.log((observed + 1) / (n * register.share + 1)));
}

/** Adds each clause end's unit to the packs of its match's documents; returns how many clause ends matched. */
function readClauses(index: PhraseIndex, text: string, packs: Packs, mass: Float64Array): number {
  const codes = scratch.subarray(0, normalizeInto(text, scratch, 0));
  let clauses = 0;
  let seen = 0;
  for (let end = codes.length; end > 0 && seen < REGISTER_CLAUSES; end--) {
    if (CLAUSE_END_CODE[text.charCodeAt(end - 1)] === 0) continue;
    seen++;
    const docs = clauseDocs(index, codes, end - 1, packs.clauses);
    if (!docs) continue;
    for (const d of docs) mass[packs.docPack[d]] += 1 / docs.length;
    clauses++;
  }
  return clauses;
}

/**
 * The distinct documents (in rank order of first sight) among the sampled ranks of the longest match ending at
 * `end`; null when there is none. Remembered by the codes the match is looked for in, which decide it.
 */
function clauseDocs(index: PhraseIndex, codes: Uint16Array, end: number, memo: Map<string, readonly number[] | null>): readonly number[] | null {
  const from = matchStart(codes, end);
  const key = String.fromCharCode.apply(null, codes.subarray(from, end) as unknown as number[]);
  const known = memo.get(key);
  if (known !== undefined) return known;
  const range = longestSuffixRange(index, codes, from, end, REGISTER_MIN_MATCH_CHARS);
  let docs: number[] | null = null;
  if (range) {
    const [lo, hi] = range;
    const step = hi - lo > REGISTER_SCAN_CAP ? (hi - lo) / REGISTER_SCAN_CAP : 1;
    const seen = new Set<number>();
    for (let x = lo; x < hi; x += step) seen.add(index.docOfRank[Math.floor(x)]);
    docs = [...seen];
  }
  if (memo.size >= REGISTER_CLAUSE_CACHE_SIZE) memo.clear();
  memo.set(key, docs);
  return docs;
}

/** Where the match ending at `end` may start: at most `REGISTER_MATCH_CHARS` back, within its paragraph. */
function matchStart(codes: Uint16Array, end: number): number {
  let from = end;
  while (from > 0 && end - from < REGISTER_MATCH_CHARS && codes[from - 1] !== PARAGRAPH_BREAK_CODE) from--;
  return from;
}
