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

  it('matches a naive sort on longer texts: large alphabets, runs and repeated blocks (deep recursion)', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const pick = (k: number, spread: number) => 1 + Math.floor(random() * k) * spread;
    for (let t = 0; t < 60; t++) {
      const n = 200 + Math.floor(random() * 2_000);
      const kind = t % 4;
      // 0: thousands of codes (wider than 16 bits once typed); 1: runs of one code; 2: a block repeated with slips; 3: two codes.
      const k = kind === 0 ? 40_000 : kind === 3 ? 2 : 20;
      const block = Uint16Array.from({ length: 5 + Math.floor(random() * 40) }, () => pick(k, kind === 0 ? 1 : 97));
      const a = new Uint16Array(n);
      for (let i = 0; i < n; ) {
        if (kind === 1) {
          const c = pick(k, 97);
          for (let r = 1 + Math.floor(random() * 30); r > 0 && i < n; r--) a[i++] = c;
        } else if (kind === 2) {
          for (let b = 0; b < block.length && i < n; b++) a[i++] = random() < 0.02 ? pick(k, 97) : block[b];
        } else a[i++] = pick(k, 1);
      }
      expect(Array.from(buildSuffixArray(a))).toEqual(naiveSuffixArray(a));
    }
  });

  it('matches a naive sort with more than 2^15 distinct codes (32-bit values at the top level)', () => {
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const a = Uint16Array.from({ length: 45_000 }, (_, i) => (i < 34_000 ? 1 + ((i * 7919) % 60_000) : 1 + Math.floor(random() * 50)));
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    expect(Array.from(buildSuffixArray(a))).toEqual(naiveSuffixArray(a));
  });

  it('sorts a text of Chinese characters', () => {
    const a = Uint16Array.from('四个意识四个自信四个', (c) => c.charCodeAt(0));
    expect(Array.from(buildSuffixArray(a))).toEqual(naiveSuffixArray(a));
  });
});
