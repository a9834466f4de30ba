import { describe, expect, it } from 'vitest';
import { buildSuffixArray } from '../../../src/phrases/suffixArray';

function naiveSuffixArray(a: Uint16Array): number[] {
  const idx = Array.from(a.keys());
  return idx.sort((x, y) => {
    for (let k = 0; ; k++) {
      if (x + k >= a.length) return -1;
      if (y + k >= a.length) return 1;
      if (a[x + k] !== a[y + k]) return a[x + k] - a[y + k];
    }
  });
}

describe('buildSuffixArray (SA-IS)', () => {
  it('matches a naive sort on small random and repetitive strings', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    for (let t = 0; t < 500; t++) {
      const n = 1 + Math.floor(random() * 50);
      const alphabet = 1 + Math.floor(random() * (t % 3 === 0 ? 2 : 8));
      const a = Uint16Array.from({ length: n }, () => 1 + Math.floor(random() * alphabet) * (t % 5 === 0 ? 9000 : 1));
      expect(Array.from(buildSuffixArray(a))).toEqual(naiveSuffixArray(a));
    }
  });

  it('sorts a text of Chinese characters', () => {
    const a = Uint16Array.from('四个意识四个自信四个', (c) => c.charCodeAt(0));
    expect(Array.from(buildSuffixArray(a))).toEqual(naiveSuffixArray(a));
  });
});
