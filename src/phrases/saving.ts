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

/**
 * Expected keystrokes saved per unit of P(head), for a suggestion cut after each boundary of `bounds`
 * (boundary 0 is the head). Returns the saving at each boundary and the index of the best one.
 */
export function bestStop(bounds: readonly ChunkBoundary[], smoothing: StopSmoothing): { best: number; savings: number[] } {
  let best = 0;
  const savings: number[] = [];
  // partial: saving from the accepts that stop strictly before the current boundary.
  let partial = 0;
  let p = 1;
  for (let m = 0; m < bounds.length; m++) {
    if (m > 0) {
      const q = bounds[m].count / (bounds[m - 1].count + smoothing.chunk + (bounds[m].figure ? smoothing.figure : 0));
      const pNext = p * q;
      partial += (p - pNext) * Math.max(0, bounds[m - 1].chars - bounds[m - 1].chunks);
      p = pNext;
    }
    const saving = partial + p * (bounds[m].chars - 1);
    savings.push(saving);
    if (saving > savings[best] + 1e-9) best = m;
  }
  return { best, savings };
}

/**
 * The stopping points of a suggestion split into `chunks`: the end of its head (the first whole chunks, at
 * least `minChars` characters) and every chunk end after it, with `countAfter(chars)`, the matches that
 * still agree after that many characters.
 */
export function chunkBoundaries(chunks: readonly string[], minChars: number, countAfter: (chars: number) => number): ChunkBoundary[] {
  const out: ChunkBoundary[] = [];
  let chars = 0;
  for (let i = 0; i < chunks.length; i++) {
    chars += chunks[i].length;
    if (chars < minChars && i < chunks.length - 1) continue;
    out.push({ chars, chunks: i + 1, count: countAfter(chars), figure: HAS_DIGIT.test(chunks[i]) });
  }
  return out;
}
