import { describe, expect, it } from 'vitest';
import { ACCEPTANCE_MODEL, estimateConfidence, type ContinuationEvidence } from '../../../src/phrases/confidence';
import { NO_TREES } from '../../../src/phrases/trees';

/** A unanimous head after punctuation: 10 documents of 10 continue the context with it (its lead-in as shared as usual). */
const unanimous: ContinuationEvidence = {
  contextLength: 9, contextCount: 10, contextDocs: 10, headCount: 10, headDocs: 10, headChars: 2,
  localCount: 40, localHeadCount: 10, afterPunctuation: true, blockCount: 10, rivalCount: 0, continuations: 1,
  clauseChars: 0, headEndsPunctuation: false, midWord: false, headAnywhereCount: 30, indexChars: 500_000, affinity: 0, headHasDigit: false, afterDigit: false, draftLocalCount: 0, draftLocalHeadCount: 0, leadInLift: 0, nearLeadInLift: 0, leadInBestLift: 0, leadInHead: 9,
  suggestionChars: 2, headChunks: 1, extensionChars: 2, suggestionCount: 10, blockRank: 0,
};

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
