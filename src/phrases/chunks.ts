/**
 * Splitting a suggestion into chunks (words) for word-by-word acceptance. Owns the merge rules on top of
 * `Intl.Segmenter('zh', { granularity: 'word' })`: a quoted term (“四个意识”, 《…》) stays one chunk,
 * an opening mark joins the word after it, closing and pause marks (”、，。) join the word before it,
 * and whitespace joins the word before it. Pure, no DOM (Intl is available in workers and Node).
 */

/** Opening mark → its closing mark. */
const QUOTE_PAIRS: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '「': '」', '『': '』', '（': '）', '【': '】', '〔': '〕' };
/** Marks that belong to the word before them. */
const TRAILING_MARKS = new Set(['”', '’', '》', '」', '』', '）', '】', '〕', '、', '，', '。', '；', '：', '！', '？', '…', '—', ',', '.', ';', ':', '!', '?', ')']);
/** A quoted span longer than this is not a term but a quotation: it is split into words like any text. */
export const QUOTED_TERM_MAX_CHARS = 16;

let segmenter: Intl.Segmenter | null = null;
/**
 * The segmenter's words of `text`, read with `containing` from each word's end: the same boundaries as
 * iterating, without the iterator (V8 copies the ICU break iterator once for `segment` and again for an
 * iterator, and that copy is most of the cost of a short text).
 */
function wordSegments(text: string): string[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const out: string[] = [];
  const segments = segmenter.segment(text);
  for (let at = 0; at < text.length; ) {
    const word = segments.containing(at)!.segment;
    out.push(word);
    at += word.length;
  }
  return out;
}

function isTrailing(segment: string): boolean {
  for (const ch of segment) if (!TRAILING_MARKS.has(ch) && ch.trim() !== '') return false;
  return true;
}

/**
 * Answers of the word segmenter kept for texts seen before: the same formulations come back at many
 * positions, and segmenting is the largest single cost of a query.
 * Cleared when full, which is cheaper than ordering entries by use; its size is in docs/engine/log.md.
 */
const MEMO_LIMIT = 16_384;
const chunkMemo = new Map<string, readonly string[]>();
/** The joiner the chunk memo's answers were made with (the memo is cleared when another is used). */
let memoWords: WordJoiner | undefined;
const insideWordMemo = new Map<string, boolean>();

function remember<T>(memo: Map<string, T>, key: string, value: T): T {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

/** Joins the segmenter's fragments into the words a corpus knows (`words.ts`). */
export interface WordJoiner {
  /** The fragments, neighbours the corpus nearly always writes together joined; `join(f).join('') === f.join('')`. */
  join(fragments: readonly string[]): string[];
  /** True when a text whose chunks are `chunks` stops inside a word (the corpus nearly always goes on). */
  endsInside(chunks: readonly string[]): boolean;
}

/** `text` split into chunks, with the corpus words of `words` when given; `chunks.join('') === text` always holds. */
export function splitIntoChunks(text: string, words?: WordJoiner): string[] {
  if (words !== memoWords) {
    chunkMemo.clear();
    memoWords = words;
  }
  const known = chunkMemo.get(text);
  return (known ?? remember(chunkMemo, text, chunksOf(text, words))).slice();
}

function chunksOf(text: string, words: WordJoiner | undefined): string[] {
  const segments = words ? words.join(wordSegments(text)) : wordSegments(text);
  const chunks: string[] = [];
  let pending = ''; // opening marks waiting for the word they introduce
  let offset = 0;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    const segStart = offset;
    offset += seg.length;
    const close = seg.length === 1 ? QUOTE_PAIRS[seg] : undefined;
    if (close !== undefined) {
      const end = text.indexOf(close, segStart + 1);
      if (end > segStart && end - segStart <= QUOTED_TERM_MAX_CHARS + 1 && !/[。！？；\n]/.test(text.slice(segStart, end))) {
        // Swallow the whole quoted term, then skip the segments it covered.
        chunks.push(pending + text.slice(segStart, end + 1));
        pending = '';
        while (offset < end + 1 && i + 1 < segments.length) offset += segments[++i].length;
        if (offset > end + 1) {
          // The segmenter ran past the closing mark (rare): keep the overhang as its own chunk.
          chunks.push(text.slice(end + 1, offset));
        }
        continue;
      }
      pending += seg;
      continue;
    }
    if (pending === '' && chunks.length > 0 && isTrailing(seg)) {
      chunks[chunks.length - 1] += seg;
      continue;
    }
    chunks.push(pending + seg);
    pending = '';
  }
  if (pending !== '') chunks.push(pending);
  return chunks;
}

/** Clause marks a text may be cut after (`clausePieces`). */
const PIECE_ENDS = new Set(['，', '、', '：']);
const HAN = /\p{Script=Han}/u;

/**
 * `text` cut after each clause mark (，、：) that stands between two Chinese characters outside any quoted
 * term: the chunks of the whole are the chunks of its pieces one after the other. The segmenter breaks on
 * both sides of such a mark whatever surrounds it (its dictionary runs over Chinese characters only, and
 * the marks join words only between digits or Latin letters); no quoted term runs across it, and the
 * piece after it starts with a word, not a mark that would join the chunk before. So a caller may chunk
 * only the pieces it needs (`saving.ts`).
 */
export function clausePieces(text: string): string[] {
  const pieces: string[] = [];
  let from = 0;
  // Every opening mark before `scanned` is closed before `closedBy` (Infinity when one never is).
  let scanned = 0;
  let closedBy = 0;
  for (let i = 1; i < text.length - 1; i++) {
    if (!PIECE_ENDS.has(text[i]) || !HAN.test(text[i - 1]) || !HAN.test(text[i + 1])) continue;
    for (; scanned <= i; scanned++) {
      const close = QUOTE_PAIRS[text[scanned]];
      if (close === undefined) continue;
      const at = text.indexOf(close, scanned + 1);
      closedBy = Math.max(closedBy, at < 0 ? Infinity : at + 1);
    }
    // No quoted term runs past the mark.
    if (closedBy > i + 1) continue;
    pieces.push(text.slice(from, i + 1));
    from = i + 1;
  }
  pieces.push(text.slice(from));
  return pieces;
}

/** Characters of the text before the cursor looked at to tell whether the cursor is inside a word. */
export const WORD_BOUNDARY_TAIL_CHARS = 4;

const HAN_TAIL = new RegExp(`\\p{Script=Han}{1,${WORD_BOUNDARY_TAIL_CHARS}}$`, 'u');

/**
 * The Chinese characters right before the cursor (at most `WORD_BOUNDARY_TAIL_CHARS`) that a word of the
 * suggestion may have begun with: a suggestion is chunked after them (`withoutLead`), so that after
 * 「社会主义现」 its first chunk is 「代化」, the rest of the word, not 「代」.
 */
export function wordLead(before: string): string {
  // Only the tail can match (4 characters are at most 8 code units): an end-anchored pattern over the whole
  // window would be tried at every Chinese character of it.
  return HAN_TAIL.exec(before.slice(-2 * WORD_BOUNDARY_TAIL_CHARS))?.[0] ?? '';
}

/** The chunks of `lead + text` without the `lead.length` characters of `lead`. */
export function withoutLead(chunks: readonly string[], leadChars: number): string[] {
  const out: string[] = [];
  let skip = leadChars;
  for (const chunk of chunks) {
    if (skip >= chunk.length) {
      skip -= chunk.length;
      continue;
    }
    out.push(skip > 0 ? chunk.slice(skip) : chunk);
    skip = 0;
  }
  return out;
}

/**
 * True when the segmenter puts no word boundary at the cursor: the last characters before it and the
 * first of `after` form one word (the writer stopped half-way through a word).
 */
export function cursorInsideWord(before: string, after: string): boolean {
  if (before.length === 0 || after.length === 0) return false;
  const tail = before.slice(-WORD_BOUNDARY_TAIL_CHARS);
  const key = `${tail}\u0000${after}`;
  return insideWordMemo.get(key) ?? remember(insideWordMemo, key, segmentsInsideWord(tail, after));
}

function segmentsInsideWord(tail: string, after: string): boolean {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  // No word starts at the cursor (`after` is not empty, so a word holds the cursor's position).
  return segmenter.segment(tail + after).containing(tail.length)!.index !== tail.length;
}

/** Each mark's pair number (1..8), for opening and for closing marks; 0 for any other code unit. */
const OPENING_PAIR = new Uint8Array(0x10000);
const CLOSING_PAIR = new Uint8Array(0x10000);
Object.entries(QUOTE_PAIRS).forEach(([open, close], i) => {
  OPENING_PAIR[open.charCodeAt(0)] = i + 1;
  CLOSING_PAIR[close.charCodeAt(0)] = i + 1;
});
const PAIRS = Object.keys(QUOTE_PAIRS).length + 1;

/** The marks still open in the current paragraph of the last `before` asked (every candidate of a query asks with the same). */
let openBefore = '';
const openInParagraph = new Int32Array(PAIRS);
const openScratch = new Int32Array(PAIRS);

function countOpenMarks(before: string): void {
  openBefore = before;
  openInParagraph.fill(0);
  for (let i = before.lastIndexOf('\n') + 1; i < before.length; i++) {
    const code = before.charCodeAt(i);
    const o = OPENING_PAIR[code];
    if (o !== 0) openInParagraph[o]++;
    else {
      const c = CLOSING_PAIR[code];
      if (c !== 0 && openInParagraph[c] > 0) openInParagraph[c]--;
    }
  }
}

/**
 * How many leading characters of `suggestion` hold no closing mark (”》）…) without its opening: in the
 * suggestion before it, or still open in the current paragraph of `before`. A suggestion is cut there, so
 * 「两会」 typed without its opening quote is never offered 「”精神」.
 */
export function balancedLength(suggestion: string, before: string): number {
  if (before !== openBefore) countOpenMarks(before);
  const open = openScratch;
  open.set(openInParagraph);
  for (let i = 0; i < suggestion.length; i++) {
    const code = suggestion.charCodeAt(i);
    const o = OPENING_PAIR[code];
    if (o !== 0) open[o]++;
    else {
      const c = CLOSING_PAIR[code];
      if (c === 0) continue;
      if (open[c] === 0) return i;
      open[c]--;
    }
  }
  return suggestion.length;
}
