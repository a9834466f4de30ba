import { describe, expect, it } from 'vitest';
import { documentAffinity, rangeAffinity } from '../../../src/phrases/affinity';
import { buildPhraseIndex } from '../../../src/phrases/build';
import { normalizeCodes } from '../../../src/phrases/normalize';
import { findRange } from '../../../src/phrases/search';
import type { PhraseDocument } from '../../../src/phrases/types';

const docs = (...texts: string[]): PhraseDocument[] => texts.map((text, i) => ({ id: `d${i}`, title: `t${i}`, pack: 'p', text }));

describe('documentAffinity', () => {
  const index = buildPhraseIndex(docs(
    '今年全省地区生产总值增长百分之五点二，粮食产量再创历史新高。\n坚持稳中求进工作总基调。',
    '今年全市地区生产总值增长百分之六，城乡居民收入稳步增长。\n坚持稳中求进工作总基调。',
    '坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。',
  ));

  it('scores the documents whose specific passages the draft just matched, across paragraphs', () => {
    const scores = documentAffinity(index, '今年全省地区生产总值增长百分之五点二，粮食产量再创历史新高。\n坚持');
    expect(scores.get(0)).toBe(2);
    expect(scores.has(1)).toBe(false);
    expect(scores.has(2)).toBe(false);
  });

  it('ignores short clauses and the clause being typed', () => {
    expect(documentAffinity(index, '今年，全省地区生产总值增长百分之五').size).toBe(0);
  });

  it('gives a range the best score of its documents', () => {
    const scores = new Map([[1, 3]]);
    const pattern = normalizeCodes('坚持稳中求进');
    const [lo, hi] = findRange(index, pattern, 0, pattern.length);
    expect(rangeAffinity(index, lo, hi, scores)).toBe(3);
    expect(rangeAffinity(index, lo, hi, new Map())).toBe(0);
  });
});
