import type { ContinuationEvidence } from '../../../src/phrases/evidence';
import { LEAD_IN_CHARS, LEAD_IN_PRIOR_SHARE } from '../../../src/phrases/leadIn';

/** A unanimous head after punctuation: 10 documents of 10 continue the context with it (its lead-in as shared as usual). */
export const UNANIMOUS_EVIDENCE: ContinuationEvidence = {
  contextLength: 9, contextCount: 10, contextDocs: 10, headCount: 10, headDocs: 10, headChars: 2,
  localCount: 40, localHeadCount: 10, afterPunctuation: true, blockCount: 10, rivalCount: 0, continuations: 1,
  clauseChars: 0, headEndsPunctuation: false, midWord: false, headAnywhereCount: 30, indexChars: 500_000, affinity: 0, headHasDigit: false, afterDigit: false, draftLocalCount: 0, draftLocalHeadCount: 0, leadInLift: 0, nearLeadInLift: 0, leadInBestLift: 0, leadInHead: LEAD_IN_PRIOR_SHARE * (LEAD_IN_CHARS - 1),
  suggestionChars: 2, headChunks: 1, extensionChars: 2, suggestionCount: 10, blockRank: 0, recencyWeight: 0,
};
