import { describe, expect, it } from 'vitest';
import { boost } from '../../../scripts/boost';
import { ACCEPTANCE_MODEL, ACCEPTANCE_TREES, estimateConfidence, logisticMargin, TREE_INPUTS, treeInputs } from '../../../src/phrases/confidence';
import { acceptanceFeatures, type ContinuationEvidence } from '../../../src/phrases/evidence';
import { UNANIMOUS_EVIDENCE } from './evidence';
import { compileTrees, NO_TREES, treeMargin, validateEnsemble, type TreeEnsemble } from '../../../src/phrases/trees';

/** Depth 2, oblivious: the first level splits on a at 5, the second on b at 1. */
const handMade: TreeEnsemble = {
  features: ['a', 'b'],
  depth: 2,
  trees: [{ feature: [0, 1], threshold: [5, 1], leaf: [-0.1, -0.2, 0.3, 0.4] }],
};

/** A middling candidate: every input away from its edge cases. */
const evidence: ContinuationEvidence = {
  ...UNANIMOUS_EVIDENCE,
  contextLength: 4, contextCount: 20, contextDocs: 8, headCount: 12, headDocs: 6, localCount: 60, localHeadCount: 15,
  afterPunctuation: false, blockCount: 14, rivalCount: 3, continuations: 3, clauseChars: 4, midWord: true, headAnywhereCount: 40,
  affinity: 1, leadInLift: 2, nearLeadInLift: 1, leadInBestLift: 3, leadInHead: 20, suggestionChars: 6, extensionChars: 9, suggestionCount: 9,
};

describe('treeMargin', () => {
  it('walks each tree to the leaf its inputs reach (right when ≥ the threshold) and sums the leaves', () => {
    const trees = compileTrees(handMade, ['a', 'b']);
    expect(treeMargin(trees, [4, 0])).toBeCloseTo(-0.1, 12);
    expect(treeMargin(trees, [4, 1])).toBeCloseTo(-0.2, 12);
    expect(treeMargin(trees, [5, 0.5])).toBeCloseTo(0.3, 12);
    expect(treeMargin(trees, [5, 9])).toBeCloseTo(0.4, 12);
    // A level that does not split sends everything left.
    const flat = compileTrees({ ...handMade, trees: [{ feature: [0, -1], threshold: [5, 0], leaf: [-0.1, -0.2, 0.3, 0.4] }] }, ['a', 'b']);
    expect(treeMargin(flat, [9, 9])).toBeCloseTo(0.3, 12);
    const twice = compileTrees({ ...handMade, trees: [...handMade.trees, ...handMade.trees] }, ['a', 'b']);
    expect(treeMargin(twice, [4, 1])).toBeCloseTo(-0.4, 12);
    expect(treeMargin(NO_TREES, [1, 2])).toBeCloseTo(0, 12);
  });

  it('reads each input from where the caller\'s vector holds it, and refuses an input the vector lacks', () => {
    const swapped = compileTrees(handMade, ['b', 'a', 'c']);
    expect(treeMargin(swapped, [0, 4, 99])).toBeCloseTo(-0.1, 12);
    expect(treeMargin(swapped, [9, 5, 0])).toBeCloseTo(0.4, 12);
    expect(() => compileTrees(handMade, ['a'])).toThrow(/unknown input b/);
  });

  it('refuses an ensemble whose trees do not have the shape of their depth', () => {
    expect(() => validateEnsemble({ ...handMade, trees: [{ feature: [0], threshold: [5], leaf: [1, 2] }] })).toThrow();
    expect(() => validateEnsemble({ ...handMade, trees: [{ feature: [0, 7], threshold: [5, 1], leaf: [1, 2, 3, 4] }] })).toThrow();
    expect(() => validateEnsemble({ ...handMade, trees: [{ feature: [0, 1], threshold: [5, 1], leaf: [0.1, 0.2, 0.3, Number.NaN] }] })).toThrow();
    // Leaves are kept in units of 1e-4 in 16 bits.
    expect(() => validateEnsemble({ ...handMade, trees: [{ feature: [0, 1], threshold: [5, 1], leaf: [0.1, 0.2, 0.3, 0.00005] }] })).toThrow();
    expect(() => validateEnsemble({ ...handMade, trees: [{ feature: [0, 1], threshold: [5, 1], leaf: [0.1, 0.2, 0.3, 4] }] })).toThrow();
    expect(validateEnsemble(handMade)).toBe(handMade);
  });
});

describe('the shipped acceptance trees', () => {
  it('read an input vector with a value for every input name', () => {
    const f = acceptanceFeatures(evidence);
    const x = treeInputs(evidence, f, logisticMargin(f));
    expect(x).toHaveLength(TREE_INPUTS.length);
    expect(Array.from(x).every(Number.isFinite)).toBe(true);
    expect(x[TREE_INPUTS.indexOf('logit')]).toBeCloseTo(logisticMargin(f), 12);
    expect(x[TREE_INPUTS.indexOf('perLogHeadCount')]).toBeCloseTo(Math.log1p(evidence.headCount), 12);
    expect(ACCEPTANCE_TREES.count).toBeGreaterThan(0);
  });

  it('correct the logistic estimate, and without trees the estimate is the logistic one', () => {
    const z = logisticMargin(acceptanceFeatures(evidence), ACCEPTANCE_MODEL);
    expect(estimateConfidence(evidence, ACCEPTANCE_MODEL, NO_TREES)).toBeCloseTo(1 / (1 + Math.exp(-z)), 12);
    expect(estimateConfidence(evidence)).not.toBeCloseTo(estimateConfidence(evidence, ACCEPTANCE_MODEL, NO_TREES), 6);
  });
});

describe('boost', () => {
  it('learns a step the base log-odds miss: label 1 from x ≥ 5 on', () => {
    const xs = Array.from({ length: 2000 }, (_, i) => [i % 10, (i * 7) % 3]);
    const labels = xs.map(([x]) => (x >= 5 ? 1 : 0));
    const ensemble = boost(['x', 'noise'], xs, labels, new Float64Array(xs.length), { trees: 20, depth: 2, learningRate: 0.3, lambda: 1, bins: 16 });
    const trees = compileTrees(ensemble, ['x', 'noise']);
    expect(treeMargin(trees, [7, 0])).toBeGreaterThan(2);
    expect(treeMargin(trees, [2, 0])).toBeLessThan(-2);
    // It split on x, halfway between 4 and 5.
    const splits = ensemble.trees.flatMap((t) => t.feature.map((f, i) => [f, t.threshold[i]]).filter(([f]) => f >= 0));
    expect(splits.some(([f, th]) => f === 0 && th === 4.5)).toBe(true);
  });
});

describe('the walk at the shipped depth (written out)', () => {
  it('reaches the same leaves as walking level by level', () => {
    let seed = 7;
    const random = (): number => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const depth = 6;
    const ensemble: TreeEnsemble = {
      features: ['a', 'b', 'c'],
      depth,
      trees: Array.from({ length: 30 }, () => ({
        feature: Array.from({ length: depth }, () => Math.floor(random() * 4) - 1),
        threshold: Array.from({ length: depth }, () => random()),
        leaf: Array.from({ length: 2 ** depth }, () => Math.round((random() - 0.5) * 1e4) / 1e4),
      })),
    };
    const trees = compileTrees(ensemble, ['a', 'b', 'c']);
    const reference = (x: number[]): number => ensemble.trees.reduce((sum, t) => {
      let index = 0;
      for (let d = 0; d < depth; d++) index = 2 * index + (t.feature[d] >= 0 && x[t.feature[d]] >= t.threshold[d] ? 1 : 0);
      return sum + t.leaf[index];
    }, 0);
    for (let k = 0; k < 50; k++) {
      const x = [random(), random(), random()];
      expect(treeMargin(trees, x)).toBeCloseTo(reference(x), 12);
    }
  });
});
