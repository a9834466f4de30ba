/**
 * Gradient boosting of shallow oblivious regression trees (one split per level, `src/phrases/trees.ts`) for a binary label, from a base log-odds (the logistic
 * model's): histogram splits over quantile bins, Newton leaf values, shrinkage. Used by
 * `fit-confidence.ts --trees`; the result is the data `src/phrases/trees.ts` walks.
 *
 * Why by hand: the npm libraries for boosting are bindings to native or WebAssembly builds of XGBoost or
 * LightGBM that do not install offline on this machine, or random forests without a base margin; what is
 * needed here is ~100 lines, and the output has to be the small level-order format the editor reads.
 */
import { LEAF_UNIT, type RegressionTree, type TreeEnsemble } from '../src/phrases/trees';
import { seededRandom } from './random';

export interface BoostOptions {
  trees: number;
  depth: number;
  learningRate: number;
  /** L2 penalty on leaf values (Newton step `−G / (H + λ)`). */
  lambda: number;
  /** Quantile bins per input. */
  bins: number;
  /** Share of the samples each tree is grown on, drawn afresh per tree (stochastic boosting; 1 = all). */
  subsample?: number;
}

export const DEFAULT_BOOST: BoostOptions = { trees: 100, depth: 3, learningRate: 0.1, lambda: 10, bins: 64 };

/**
 * Sorted distinct cut points of one input at its quantiles (bin of x = number of cuts ≤ x), and for each the
 * threshold a tree stores: halfway between the cut and the largest value below it, in 6 significant digits
 * when that still falls between them — the same split for every value seen, a short number in the data.
 */
function cutsOf(values: Float64Array, bins: number): { cuts: number[]; thresholds: number[] } {
  const sorted = Float64Array.from(values).sort();
  const cuts: number[] = [];
  const thresholds: number[] = [];
  for (let b = 1; b < bins; b++) {
    const v = sorted[Math.floor((b * sorted.length) / bins)];
    // A cut at the minimum separates nothing.
    if (v <= sorted[0] || (cuts.length > 0 && v <= cuts[cuts.length - 1])) continue;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    const below = sorted[lo - 1];
    const half = (below + v) / 2;
    const short = Number(half.toPrecision(6));
    cuts.push(v);
    thresholds.push(short > below && short <= v ? short : half);
  }
  return { cuts, thresholds };
}

function binOf(cuts: readonly number[], x: number): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cuts[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Fits `options.trees` trees to `(rows, labels)` starting from the log-odds `base`. `rows[i][j]` is input
 * `features[j]` of sample i.
 */
export function boost(features: string[], rows: ReadonlyArray<ArrayLike<number>>, labels: ArrayLike<number>, base: ArrayLike<number>, options: BoostOptions = DEFAULT_BOOST): TreeEnsemble {
  const n = rows.length;
  const nf = features.length;
  const { depth, bins } = options;
  const cuts: number[][] = [];
  const thresholds: number[][] = [];
  const binned: Uint8Array[] = [];
  for (let j = 0; j < nf; j++) {
    const column = new Float64Array(n);
    for (let i = 0; i < n; i++) column[i] = rows[i][j];
    const c = cutsOf(column, bins);
    cuts.push(c.cuts);
    thresholds.push(c.thresholds);
    binned.push(Uint8Array.from(column, (x) => binOf(c.cuts, x)));
  }
  const margin = Float64Array.from(base);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  // Leaf index so far: the binary number of the turns taken at the levels split so far.
  const node = new Int32Array(n);
  const trees: RegressionTree[] = [];
  const share = options.subsample ?? 1;
  const active = new Int32Array(n);
  const random = seededRandom(1);
  for (let t = 0; t < options.trees; t++) {
    // The samples this tree is grown on; the others only follow its splits to their leaves.
    let grown = 0;
    for (let i = 0; i < n; i++) {
      if (share < 1 && random() >= share) continue;
      active[grown++] = i;
      const p = 1 / (1 + Math.exp(-margin[i]));
      g[i] = p - labels[i];
      h[i] = p * (1 - p);
    }
    node.fill(0);
    const tree: RegressionTree = { feature: [], threshold: [], leaf: [] };
    for (let level = 0; level < depth; level++) {
      const width = 2 ** level;
      const gs = new Float64Array(width * bins);
      const hs = new Float64Array(width * bins);
      let best = { gain: 0, feature: -1, bin: 0 };
      for (let j = 0; j < nf; j++) {
        gs.fill(0);
        hs.fill(0);
        const col = binned[j];
        for (let a = 0; a < grown; a++) {
          const i = active[a];
          const k = node[i] * bins + col[i];
          gs[k] += g[i];
          hs[k] += h[i];
        }
        // One split for the whole level: its gain is the sum over the level's nodes.
        const gain = new Float64Array(cuts[j].length);
        for (let w = 0; w < width; w++) {
          let G = 0, H = 0;
          for (let b = 0; b < bins; b++) { G += gs[w * bins + b]; H += hs[w * bins + b]; }
          let gl = 0, hl = 0;
          for (let b = 0; b < cuts[j].length; b++) {
            gl += gs[w * bins + b];
            hl += hs[w * bins + b];
            gain[b] += (gl * gl) / (hl + options.lambda) + ((G - gl) * (G - gl)) / (H - hl + options.lambda) - (G * G) / (H + options.lambda);
          }
        }
        for (let b = 0; b < cuts[j].length; b++) if (gain[b] > best.gain) best = { gain: gain[b], feature: j, bin: b };
      }
      tree.feature.push(best.feature);
      // Bin > best.bin ⇔ x ≥ cuts[best.bin] ⇔ (for every value seen) x ≥ its threshold: the right branch.
      tree.threshold.push(best.feature >= 0 ? thresholds[best.feature][best.bin] : 0);
      const col = best.feature >= 0 ? binned[best.feature] : null;
      for (let i = 0; i < n; i++) node[i] = 2 * node[i] + (col && col[i] > best.bin ? 1 : 0);
    }
    const leaves = 2 ** depth;
    const G = new Float64Array(leaves);
    const H = new Float64Array(leaves);
    for (let a = 0; a < grown; a++) {
      const i = active[a];
      G[node[i]] += g[i];
      H[node[i]] += h[i];
    }
    tree.leaf = Array.from(G, (gl, k) => Math.round((-gl / (H[k] + options.lambda)) * options.learningRate / LEAF_UNIT) * LEAF_UNIT);
    for (let i = 0; i < n; i++) margin[i] += tree.leaf[node[i]];
    trees.push(tree);
  }
  return { features, depth, trees };
}
