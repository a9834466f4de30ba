import { describe, expect, it } from 'vitest';
import { buildPhraseIndex } from '../../../src/phrases/build';

describe('buildPhraseIndex: document years', () => {
  it('keeps each document year in docYears, 0 where unknown or implausible', () => {
    const index = buildPhraseIndex([
      { id: 'a', title: 'A', pack: 'p', text: '全面建成小康社会', year: 2017 },
      { id: 'b', title: 'B', pack: 'p', text: '推进中国式现代化' },
      { id: 'c', title: 'C', pack: 'p', text: '高质量发展', year: null },
      { id: 'd', title: 'D', pack: 'p', text: '新质生产力', year: 2024.5 },
      { id: 'e', title: 'E', pack: 'p', text: '', year: 2026 },
    ]);
    expect(index.docYears).toBeInstanceOf(Int16Array);
    expect([...index.docYears]).toEqual([2017, 0, 0, 0, 2026]);
  });
});

describe('buildPhraseIndex: document of each rank', () => {
  it('gives every rank the document its position lies in, with empty, tiny and long documents', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    // Many documents start inside one 1,024-position block (empty and one-character ones), others span blocks.
    const lengths = [0, 0, 1, 0, 3, 2500, 0, 1, 1, 1, 4000, 0, 7, 1200, 0];
    for (let i = 0; i < 1500; i++) lengths.push(random() < 0.5 ? 0 : Math.floor(random() * 4));
    const docs = lengths.map((n, i) => ({ id: `d${i}`, title: `D${i}`, pack: 'p', text: Array.from({ length: n }, () => '发展改革创新'[Math.floor(random() * 6)]).join('') }));
    const index = buildPhraseIndex(docs);
    const docOfPosition: number[] = [];
    index.docs.forEach((d, i) => { for (let k = 0; k <= d.text.length; k++) docOfPosition.push(i); });
    expect(docOfPosition.length).toBe(index.sa.length);
    for (let r = 0; r < index.sa.length; r++) if (index.docOfRank[r] !== docOfPosition[index.sa[r]]) expect([r, index.docOfRank[r]]).toEqual([r, docOfPosition[index.sa[r]]]);
    expect(new Set(index.docOfRank).size).toBe(docs.length);
  });
});
