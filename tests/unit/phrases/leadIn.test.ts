import { describe, expect, it } from 'vitest';
import { buildPhraseIndex } from '../../../src/phrases/build';
import { LEAD_IN_PRIOR_SHARE, leadInOf, leadInShare, leadInSimilarity } from '../../../src/phrases/leadIn';
import { normalizeCodes } from '../../../src/phrases/normalize';
import { findRange } from '../../../src/phrases/search';
import type { PhraseDocument } from '../../../src/phrases/types';

const docs = (...texts: string[]): PhraseDocument[] => texts.map((text, i) => ({ id: `d${i}`, title: `文档${i}`, pack: 'test', text }));
const range = (index: ReturnType<typeof buildPhraseIndex>, text: string) => { const codes = normalizeCodes(text); return findRange(index, codes, 0, codes.length); };

describe('lead-in similarity', () => {
  const index = buildPhraseIndex(docs(
    '水环境质量持续向好，土壤污染治理成效明显。水环境质量稳步向好，',
    '城市更新加快推进，土壤环境质量总体稳定。',
    '大气环境质量改善，土壤污染风险有效管控。',
  ));
  const leadIn = leadInOf(normalizeCodes('水环境质量稳步向好，'));

  it('is higher for the occurrences led in like the draft', () => {
    const [plo, phi] = range(index, '土壤污');
    const [hlo, hhi] = range(index, '土壤环');
    // 「水环」「环境」「境质」「质量」「向好」「好，」 of the draft's 9 pairs precede 土壤污 in the first document.
    expect(leadInSimilarity(index, hlo, hhi, leadIn).mean).toBeLessThan(leadInSimilarity(index, plo, phi, leadIn).mean);
    expect(leadInSimilarity(index, plo, phi, leadIn).mean).toBeGreaterThan(0.3);
    expect(leadInSimilarity(index, plo, phi, leadIn).nearMean).toBeGreaterThan(0.3);
  });

  it('never reads across into the previous document (which ends with the very lead-in)', () => {
    const [lo, hi] = range(index, '城市');
    expect(leadInSimilarity(index, lo, hi, leadIn)).toEqual({ mean: 0, nearMean: 0, best: 0 });
  });

  it('is 0 without a lead-in or without occurrences', () => {
    const [lo, hi] = range(index, '土壤');
    expect(leadInSimilarity(index, lo, hi, leadInOf(new Uint16Array(0))).mean).toBe(0);
    expect(leadInSimilarity(index, lo, lo, leadIn).best).toBe(0);
  });

  it('judges a draft with no lead-in yet by the prior, and a whole lead-in by itself', () => {
    expect(leadInShare(0, leadInOf(new Uint16Array(0)))).toBeCloseTo(LEAD_IN_PRIOR_SHARE, 9);
    const short = leadInShare(0, leadInOf(normalizeCodes('同志们：')));
    const long = leadInShare(0, leadInOf(normalizeCodes('各位代表，过去一年极不平凡，我们坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展，全省经济回升向好、质效齐升')));
    // 3 pairs of nothing in common barely move the prior; 70 of them pull it most of the way to 0.
    expect(short).toBeGreaterThan(0.8 * LEAD_IN_PRIOR_SHARE);
    expect(long).toBeLessThan(0.3 * LEAD_IN_PRIOR_SHARE);
  });
});
