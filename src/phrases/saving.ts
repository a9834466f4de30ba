/**
 * Expected saving of a suggestion and where it should stop. Owns the keystroke arithmetic of the
 * simulated writer seen from the engine's side: a suggestion accepted whole costs 1 keystroke, one
 * accepted up to its i-th chunk costs i, a wrong one costs nothing extra (the writer types on). So running
 * past the point where the corpus diverges turns a 1-keystroke accept into an i-keystroke one, and a
 * suggestion should stop at the chunk boundary that maximises the expected saving. Pure, no DOM.
 *
 * Probabilities: P(head) — the first whole chunks, ≥ 2 characters — comes from the acceptance model
 * (`confidence.ts`); each further chunk is kept with the corpus's share of the head's matches that go on
 * with it, smoothed (`n_next / (n_prev + s)`), because two documents that agree are weaker evidence than
 * two hundred; a chunk holding a figure is smoothed more (`+ f`): the figure after a formulation in one
 * report (「提高到80岁」) is rarely the one in the next, however many of the matches agree on it.
 */
import { clausePieces, splitIntoChunks, withoutLead, type WordJoiner } from './chunks';

/** One candidate stopping point: the suggestion's first `chunks` chunks, `chars` characters, `count` matches. */
export interface ChunkBoundary {
  chars: number;
  chunks: number;
  count: number;
  /** The chunk ending here holds a digit. */
  figure?: boolean;
}

/** How sure the corpus must be before a suggestion runs on: `n_next / (n_prev + chunk + (figure if a digit))`. */
export interface StopSmoothing {
  chunk: number;
  figure: number;
}

/** A digit, half- or full-width: a chunk holding one is part of a figure. */
const HAS_DIGIT = /[0-9０-９]/;

/** The expected saving at each of a suggestion's boundaries, added in order, and the best so far. */
class StopScan {
  best = 0;
  readonly savings: number[] = [];
  /** Saving from the accepts that stop strictly before the last boundary added, and P(reaching it) per unit of P(head). */
  private partial = 0;
  private p = 1;
  private last: ChunkBoundary | null = null;

  constructor(private readonly smoothing: StopSmoothing) {}

  add(bound: ChunkBoundary): void {
    const prev = this.last;
    if (prev) {
      const q = bound.count / (prev.count + this.smoothing.chunk + (bound.figure ? this.smoothing.figure : 0));
      const pNext = this.p * q;
      this.partial += (this.p - pNext) * Math.max(0, prev.chars - prev.chunks);
      this.p = pNext;
    }
    const saving = this.partial + this.p * (bound.chars - 1);
    this.savings.push(saving);
    if (saving > this.savings[this.best] + 1e-9) this.best = this.savings.length - 1;
    this.last = bound;
  }

  /**
   * The most any boundary after the last one added can save, for a suggestion of `totalChars` characters
   * whose matches one character past that boundary number `nextCount`. Each later step adds at most
   * (P before − P after) · (totalChars − 1) and the last leaves P · (totalChars − 1), so everything past the
   * next boundary is worth at most P(next) · (totalChars − 1); P(next) is at most P · nextCount / (count + s),
   * as counts only fall.
   */
  laterBound(totalChars: number, nextCount: number): number {
    const last = this.last!;
    const kept = Math.max(0, last.chars - last.chunks);
    const pNext = (this.p * nextCount) / (last.count + this.smoothing.chunk);
    return this.partial + this.p * kept + pNext * (totalChars - 1 - kept);
  }
}

/**
 * Expected keystrokes saved per unit of P(head), for a suggestion cut after each boundary of `bounds`
 * (boundary 0 is the head). Returns the saving at each boundary and the index of the best one. The same
 * arithmetic as `stopSuggestion`'s, on boundaries given whole (the tests work it by hand).
 */
export function bestStop(bounds: readonly ChunkBoundary[], smoothing: StopSmoothing): { best: number; savings: number[] } {
  const scan = new StopScan(smoothing);
  for (const bound of bounds) scan.add(bound);
  return { best: scan.best, savings: scan.savings };
}

/** Where a suggestion stops (`stopSuggestion`). */
export interface SuggestionStop {
  /** The chunks through the stop, `chars` characters. */
  chunks: string[];
  chars: number;
  /** The head: the first whole chunks, at least `minChars` characters (boundary 0). */
  headChars: number;
  headChunks: number;
  /** Expected saving at the stop per unit of P(head). */
  saving: number;
}

/**
 * Where the suggestion `text` stops: its stopping points are the end of its head and every chunk end after
 * it, `countAfter(chars)` the matches that still agree after that many characters; it is cut at the one of
 * best expected saving (`bySaving`) or runs to its end.
 *
 * With `words`, chunks are corpus words (`words.ts`) and the text's end is no stop when it cuts one; `lead`
 * is what the cursor stands behind, so that the first chunk completes a word the writer began.
 *
 * The text is chunked a clause at a time (`clausePieces`), and only until no later boundary could save more
 * than the best one so far (`StopScan.laterBound`): word segmentation is the dearest step of a query, and
 * most suggestions stop in their first clause, so the clauses after it need not be segmented at all.
 */
export function stopSuggestion(
  text: string,
  minChars: number,
  countAfter: (chars: number) => number,
  smoothing: StopSmoothing,
  bySaving: boolean,
  words?: WordJoiner,
  lead = '',
): SuggestionStop {
  const chunks: string[] = [];
  const bounds: ChunkBoundary[] = [];
  const scan = new StopScan(smoothing);
  let chars = 0;
  for (const [p, piece] of clausePieces(text).entries()) {
    // The first piece is chunked after the characters the cursor stands behind (`wordLead`).
    for (const chunk of p === 0 && lead !== '' ? withoutLead(splitIntoChunks(lead + piece, words), lead.length) : splitIntoChunks(piece, words)) {
      chunks.push(chunk);
      chars += chunk.length;
      if (chars < minChars && chars < text.length) continue;
      // The text's end is no stop when it cuts a corpus word (「社会主义现代」).
      if (chars === text.length && words?.endsInside(chunks)) continue;
      const bound = { chars, chunks: chunks.length, count: countAfter(chars), figure: HAS_DIGIT.test(chunk) };
      bounds.push(bound);
      scan.add(bound);
    }
    if (bySaving && bounds.length > 0 && chars < text.length && scan.laterBound(text.length, countAfter(chars + 1)) <= scan.savings[scan.best]) break;
  }
  if (bounds.length === 0) return { chunks: [], chars: 0, headChars: 0, headChunks: 0, saving: 0 };
  const cut = bySaving ? scan.best : bounds.length - 1;
  return { chunks: chunks.slice(0, bounds[cut].chunks), chars: bounds[cut].chars, headChars: bounds[0].chars, headChunks: bounds[0].chunks, saving: scan.savings[cut] };
}
