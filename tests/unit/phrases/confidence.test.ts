import { describe, expect, it } from 'vitest';
import { ACCEPTANCE_MODEL, DRAFT_MODEL, estimateConfidence } from '../../../src/phrases/confidence';
import { acceptanceFeatures, draftFeatures, type ContinuationEvidence, type DraftEvidence } from '../../../src/phrases/evidence';
import { NO_TREES } from '../../../src/phrases/trees';
import { UNANIMOUS_EVIDENCE } from './evidence';

const unanimous = UNANIMOUS_EVIDENCE;

describe('estimateConfidence', () => {
  it('penalises following punctuation less when many documents agree on the head (the logistic base)', () => {
    const logit = (e: ContinuationEvidence): number => { const p = estimateConfidence(e, ACCEPTANCE_MODEL, NO_TREES); return Math.log(p / (1 - p)); };
    const penalty = (e: ContinuationEvidence): number => logit({ ...e, afterPunctuation: false }) - logit(e);
    const twoDocs = { ...unanimous, contextCount: 2, contextDocs: 2, headCount: 2, headDocs: 2, blockCount: 2 };
    expect(penalty(unanimous)).toBeLessThan(penalty(twoDocs));
    expect(estimateConfidence(unanimous)).toBeGreaterThan(0.3);
  });

  it('trusts a one-document head less than the same head in many documents', () => {
    const single = { ...unanimous, contextCount: 1, contextDocs: 1, headCount: 1, headDocs: 1, blockCount: 1 };
    expect(estimateConfidence(single)).toBeLessThan(estimateConfidence(unanimous));
  });
});

describe('the shipped models', () => {
  const draft: DraftEvidence = { contextLength: 10, occurrences: 2, headCount: 2, headChars: 4, afterPunctuation: false, midWord: true, distance: 500, corpusLocalCount: 0, corpusLocalHeadCount: 0 };

  it('hold one weight for each term of their evidence, no more and no fewer', () => {
    expect(Object.keys(ACCEPTANCE_MODEL).sort()).toEqual(Object.keys(acceptanceFeatures(unanimous)).sort());
    expect(Object.keys(DRAFT_MODEL).sort()).toEqual(Object.keys(draftFeatures(draft)).sort());
  });
});
