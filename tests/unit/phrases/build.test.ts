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
