/**
 * Boosted regression trees over the acceptance model's evidence: the part of "will the writer accept"
 * that a sum of per-term weights cannot express — a term that matters only in some range of another
 * (few documents *and* a long context, a high share *after* punctuation …). The logistic model stays the
 * base; the trees add a correction to its log-odds (`confidence.ts`). They are fitted by
 * `scripts/fit-confidence.ts --trees` and stored as data (`acceptanceTrees.json`); this module only walks
 * them. Pure, no DOM.
 *
 * The trees are oblivious (symmetric, as in CatBoost): every node of a level splits on the same input at
 * the same threshold, so a leaf's index is `depth` comparisons that do not wait for one another: about half
 * the cost of ordinary trees, where each step waits for the one before, for the hundreds a query walks.
 */

/**
 * One oblivious tree: level d sends a value right when input `feature[d]` (an index into the ensemble's
 * `features`; −1 = the level does not split, always left) is ≥ `threshold[d]`. The leaf of a sample is
 * the binary number of its turns, the first level's the highest bit; `leaf` holds the 2^depth values.
 */
export interface RegressionTree {
  feature: number[];
  threshold: number[];
  leaf: number[];
}

/** A sum of trees over named inputs. */
export interface TreeEnsemble {
  features: string[];
  depth: number;
  trees: RegressionTree[];
}

/**
 * An ensemble flattened for the query's hot path: the levels of all trees end to end, each level's input
 * resolved to its position in the caller's input vector (a level that does not split: input 0, threshold +∞).
 */
export interface CompiledTrees {
  depth: number;
  count: number;
  input: Int32Array;
  threshold: Float64Array;
  /** Leaf values in units of `LEAF_UNIT` (the fit rounds them so): a quarter of the memory the walk touches. */
  leaf: Int16Array;
}

/** The precision of leaf values (`scripts/boost.ts` rounds to it). */
export const LEAF_UNIT = 1e-4;

/** `v` in units of `LEAF_UNIT`, or null when it is not a whole number of them that 16 bits hold. */
function leafUnits(v: number): number | null {
  const units = Math.round(v / LEAF_UNIT);
  return Math.abs(units * LEAF_UNIT - v) < LEAF_UNIT / 100 && Math.abs(units) <= 32767 ? units : null;
}

function fail(message: string): never {
  throw new Error(message);
}

/** Flattens `ensemble` for input vectors laid out as `inputs` (names); an input it reads that is not there is an error. */
export function compileTrees(ensemble: TreeEnsemble, inputs: readonly string[]): CompiledTrees {
  const position = ensemble.features.map((name) => {
    const at = inputs.indexOf(name);
    if (at < 0) throw new Error(`acceptance trees: unknown input ${name}`);
    return at;
  });
  const { depth } = ensemble;
  const count = ensemble.trees.length;
  const input = new Int32Array(count * depth);
  const threshold = new Float64Array(count * depth);
  const leaf = new Int16Array(count * 2 ** depth);
  ensemble.trees.forEach((tree, t) => {
    for (let d = 0; d < depth; d++) {
      const split = tree.feature[d] >= 0;
      input[t * depth + d] = split ? position[tree.feature[d]] : 0;
      threshold[t * depth + d] = split ? tree.threshold[d] : Infinity;
    }
    leaf.set(tree.leaf.map((v) => leafUnits(v) ?? fail('acceptance trees: leaf out of range')), t * 2 ** depth);
  });
  return { depth, count, input, threshold, leaf };
}

/**
 * The shipped depth, walked without an inner loop: V8 does not unroll a loop whose bound is data, and the
 * six comparisons written out are several times faster.
 */
const UNROLLED_DEPTH = 6;

function marginAtDepth6(trees: CompiledTrees, x: ArrayLike<number>): number {
  const { input, threshold: th, leaf, count } = trees;
  let sum = 0;
  for (let t = 0, b = 0; t < count; t++, b += 6) {
    const index =
      (+(x[input[b]] >= th[b]) << 5) |
      (+(x[input[b + 1]] >= th[b + 1]) << 4) |
      (+(x[input[b + 2]] >= th[b + 2]) << 3) |
      (+(x[input[b + 3]] >= th[b + 3]) << 2) |
      (+(x[input[b + 4]] >= th[b + 4]) << 1) |
      +(x[input[b + 5]] >= th[b + 5]);
    sum += leaf[(t << 6) + index];
  }
  return sum * LEAF_UNIT;
}

/** The sum of the trees' leaf values for the input vector `x` (finite values). */
export function treeMargin(trees: CompiledTrees, x: ArrayLike<number>): number {
  if (trees.depth === UNROLLED_DEPTH) return marginAtDepth6(trees, x);
  const { depth, input, threshold, leaf, count } = trees;
  const leaves = 2 ** depth;
  let sum = 0;
  for (let t = 0; t < count; t++) {
    const base = t * depth;
    let index = 0;
    for (let d = 0; d < depth; d++) index = (index << 1) | +(x[input[base + d]] >= threshold[base + d]);
    sum += leaf[t * leaves + index];
  }
  return sum * LEAF_UNIT;
}

/** Checks the shape of an ensemble read from data (a hand-edited or truncated file fails loudly here). */
export function validateEnsemble(value: TreeEnsemble): TreeEnsemble {
  const ok =
    Array.isArray(value.features) &&
    Number.isInteger(value.depth) &&
    value.depth >= 0 &&
    value.depth <= 16 &&
    Array.isArray(value.trees) &&
    value.trees.every(
      (t) =>
        t.feature.length === value.depth &&
        t.threshold.length === value.depth &&
        t.leaf.length === 2 ** value.depth &&
        t.feature.every((f) => Number.isInteger(f) && f >= -1 && f < value.features.length) &&
        t.leaf.every((v) => leafUnits(v) !== null),
    );
  if (!ok) throw new Error('acceptance trees: malformed ensemble');
  return value;
}

/** No trees: adds nothing. */
export const NO_TREES: CompiledTrees = compileTrees({ features: [], depth: 0, trees: [] }, []);
