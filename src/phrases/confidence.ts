/**
 * Confidence of a suggestion: the estimate of "will the writer accept at least the first word" from the
 * evidence the query gathered — a logistic model corrected by boosted trees (`trees.ts`). The thresholds the
 * editor's setting offers are in `levels.ts`. Pure, no DOM.
 */
import acceptanceTrees from './acceptanceTrees.json';
import { compileTrees, treeMargin, validateEnsemble, type CompiledTrees, type TreeEnsemble } from './trees';

/** The evidence a query gathered for one candidate continuation. */
export interface ContinuationEvidence {
  /** Length of the matched context (code units). */
  contextLength: number;
  /** Occurrences of the context that have some continuation in the paragraph. */
  contextCount: number;
  /** Distinct documents among them. */
  contextDocs: number;
  /** Occurrences of context + the first acceptable part of the suggestion (≥ 2 characters, whole chunks). */
  headCount: number;
  /** Distinct documents among them. */
  headDocs: number;
  /** Characters of the head. */
  headChars: number;
  /** Occurrences of the last few characters of the context alone, and of those followed by the head. */
  localCount: number;
  localHeadCount: number;
  /** The context ends with punctuation: what follows a comma is freer than what follows half a word. */
  afterPunctuation: boolean;
  /** Occurrences of the candidate's first-character block, and of the largest other block of its context. */
  blockCount: number;
  rivalCount: number;
  /** Distinct first characters that follow the context (as found: sampled in large ranges). */
  continuations: number;
  /** Characters since the last punctuation mark before the cursor (position in the clause). */
  clauseChars: number;
  /** The head ends with a punctuation mark (it completes a clause). */
  headEndsPunctuation: boolean;
  /** The head holds a figure, or the cursor follows one (「增长5.」): figures are facts, not formulations. */
  headHasDigit: boolean;
  afterDigit: boolean;
  /** The cursor is inside a word: the text before it and the head segment as one word across the cursor. */
  midWord: boolean;
  /** Occurrences of the head anywhere in the index, and the index's size: how generic the head is. */
  headAnywhereCount: number;
  indexChars: number;
  /** Earlier occurrences in the draft itself of the last few characters of the context, and of those followed by the head. */
  draftLocalCount: number;
  draftLocalHeadCount: number;
  /**
   * Character pairs of the draft's lead-in to the context (`leadIn.ts`) that the head's occurrences share on
   * average, minus those the context's occurrences share: the head comes from passages like this one. Also
   * over the nearest characters of the lead-in, and for the best-matching occurrence.
   */
  leadInLift: number;
  nearLeadInLift: number;
  leadInBestLift: number;
  /** Share of the lead-in's character pairs the head's occurrences hold on average (`leadInShare`), × `LEAD_IN_CHARS − 1`. */
  leadInHead: number;
  /** Highest affinity score among the head's documents: recent clauses of the draft they matched (`affinity.ts`). */
  affinity: number;
  /** Read by the trees only (`trees.ts`): the suggestion's length and words, how far the corpus agreed, the occurrences of all of it, the rank of its first character among the context's. */
  suggestionChars: number;
  headChunks: number;
  extensionChars: number;
  suggestionCount: number;
  blockRank: number;
}

/**
 * Weights of the logistic acceptance model. Fitted by `scripts/fit-confidence.ts --fit-top` on the reports
 * pack only, on the candidate the writer is offered at each position the simulated writer of `npm run eval`
 * visits (leave-one-out, so every count is from the other documents; the writer sends the last
 * `BEFORE_CURSOR_WINDOW_CHARS` before the cursor), and checked on the speeches pack, which it never saw. With
 * the document-affinity term (`affinity.ts`) the AUC of the offered candidate went 0.830 → 0.831 (reports)
 * and 0.813 → 0.818 (speeches); with the draft's own choice after the last characters and the figure terms,
 * on the path with draft candidates, 0.829 → 0.831 and 0.811 → 0.816; with the lead-in terms (`leadIn.ts`),
 * 0.830 → 0.834 and 0.821 → 0.826 on the path the writer takes with them. Terms tried and dropped (weight ≈ 0): documents share, rival count, share
 * > 0.5, affinity ahead of / behind every rival of the pool, a followed document at all, a followed
 * one-document head.
 * Logs are natural. Measured what each term buys: see README.
 */
export const ACCEPTANCE_MODEL = {
  bias: 0.62,
  /** Occurrences of context + head: the more often the corpus wrote it here, the likelier. */
  perLogHeadCount: 1.38,
  /** Occurrences of the context: a frequent context has many possible continuations. */
  perLogContextCount: -0.83,
  /**
   * Share of the context's occurrences that continue with the head, piecewise: linear and squared terms,
   * and a step above `NEAR_UNANIMOUS_SHARE` (the corpus all but unanimous).
   */
  perHeadShare: -0.3,
  perHeadShareSquared: 0.19,
  headShareNearUnanimous: 0.59,
  perLogContextDocs: 0.23,
  perLogHeadDocs: -0.78,
  /** Heads seen in exactly 2 or 3 documents: weaker than the log-count suggests. */
  headDocsTwo: -0.56,
  headDocsThree: -0.19,
  /** A context seen in exactly 2 documents (the least the main context may have). */
  contextDocsTwo: -0.06,
  /** Context length: a longer context is more specific. */
  perLogContextLength: -0.09,
  /** Share, and log count, of the head after only the last few characters: a locally standard phrase. */
  perLocalShare: 0.91,
  perLogLocalHeadCount: 0.03,
  /**
   * What follows punctuation is freer than what follows half a word — unless many documents agree on it
   * (「增强“四个意识”、」→「坚定“四个自信”」): the penalty shrinks with the head's documents.
   */
  afterPunctuation: -1.29,
  afterPunctuationPerHeadShare: 0.15,
  afterPunctuationPerLogHeadDocs: 0.32,
  /**
   * A head seen in one document only: the writer is usually at the point where that document and the
   * draft part ways (the simulated writer's visits after an acceptance), unless the shared passage is long
   * or the head is locally standard.
   */
  singleDoc: -2.42,
  singleDocPerLogContextLength: 0.53,
  singleDocPerLocalShare: 0.29,
  /** A context seen in one document only: a passage the draft shares with that document. */
  singleContext: -1.6,
  singleContextPerLogContextLength: 0.63,
  /** Length of the head (characters): a long first word must match whole. */
  perLogHeadChars: -0.52,
  /** Share of the head's first character among it and the largest rival first character. */
  perMargin: -0.6,
  /** Share of the first character's matches that go on to the whole head. */
  perBlockShare: 0.11,
  /** Distinct first characters after the context: a point where the corpus branches. */
  perLogContinuations: -0.21,
  /** Characters since the last punctuation: deep in a clause, the writer's own wording has taken over. */
  perLogClauseChars: -0.07,
  /** The head ends at a punctuation mark. */
  headEndsPunctuation: -0.31,
  /** A figure in the head, or just before the cursor (≈ 0: what follows a figure is its unit, often standard). */
  headHasDigit: -0.56,
  afterDigit: 0.01,
  /** The cursor is inside a word and the head completes it. */
  midWord: 0.29,
  /** Log of the head's frequency anywhere in the index (per character): with the head count, its PMI with the context. */
  perLogHeadPrior: 0.05,
  /** The head comes from a document the draft has been following (`affinity.ts`): log(1 + its score). */
  perLogAffinity: 0.08,
  /** The draft itself went on with the head after the same few characters (share, when it wrote them before). */
  perDraftLocalShare: 0.63,
  /** The draft wrote those few characters before but never followed them with the head. */
  draftLocalUnseen: -0.21,
  /** The head's occurrences are led in like the draft (`leadIn.ts`): extra shared character pairs. */
  perLeadInLift: 0.02,
  perNearLeadInLift: 0.26,
  perLeadInBestLift: 0.02,
  /** The head's occurrences share much of the lead-in at all. */
  perLeadInHead: 0.01,
};

/** The shape of the acceptance model's weights (the fitting script produces one). */
export type AcceptanceModel = typeof ACCEPTANCE_MODEL;

/** Head share above which the corpus counts as all but unanimous (a step of the piecewise share term). */
export const NEAR_UNANIMOUS_SHARE = 0.9;

/** The value of each term of the model for one candidate (`bias` is 1); the fitting script uses it too. */
export function acceptanceFeatures(e: ContinuationEvidence): Record<keyof AcceptanceModel, number> {
  const share = e.contextCount > 0 ? e.headCount / e.contextCount : 0;
  const localShare = e.localCount > 0 ? e.localHeadCount / e.localCount : 0;
  const logK = Math.log(Math.max(1, e.contextLength));
  const single = e.headDocs <= 1 ? 1 : 0;
  const singleContext = e.contextDocs <= 1 ? 1 : 0;
  return {
    bias: 1,
    perLogHeadCount: Math.log1p(e.headCount),
    perLogContextCount: Math.log1p(e.contextCount),
    perHeadShare: share,
    perLogContextDocs: Math.log1p(e.contextDocs),
    perLogHeadDocs: Math.log1p(e.headDocs),
    perLogContextLength: logK,
    perLocalShare: localShare,
    perLogLocalHeadCount: Math.log1p(e.localHeadCount),
    afterPunctuation: e.afterPunctuation ? 1 : 0,
    singleDoc: single,
    singleDocPerLogContextLength: single * logK,
    singleDocPerLocalShare: single * localShare,
    singleContext: singleContext,
    singleContextPerLogContextLength: singleContext * logK,
    perLogHeadChars: Math.log(Math.max(1, e.headChars)),
    perHeadShareSquared: share * share,
    headShareNearUnanimous: share > NEAR_UNANIMOUS_SHARE ? 1 : 0,
    headDocsTwo: e.headDocs === 2 ? 1 : 0,
    headDocsThree: e.headDocs === 3 ? 1 : 0,
    contextDocsTwo: e.contextDocs === 2 ? 1 : 0,
    afterPunctuationPerHeadShare: e.afterPunctuation ? share : 0,
    afterPunctuationPerLogHeadDocs: e.afterPunctuation ? Math.log1p(e.headDocs) : 0,
    perMargin: e.blockCount / Math.max(1, e.blockCount + e.rivalCount),
    perBlockShare: e.blockCount > 0 ? Math.min(1, e.headCount / e.blockCount) : 0,
    perLogContinuations: Math.log(Math.max(1, e.continuations)),
    perLogClauseChars: Math.log1p(e.clauseChars),
    headEndsPunctuation: e.headEndsPunctuation ? 1 : 0,
    headHasDigit: e.headHasDigit ? 1 : 0,
    afterDigit: e.afterDigit ? 1 : 0,
    midWord: e.midWord ? 1 : 0,
    perLogHeadPrior: Math.log((e.headAnywhereCount + 1) / Math.max(1, e.indexChars)),
    perLogAffinity: Math.log1p(e.affinity),
    perDraftLocalShare: e.draftLocalCount > 0 ? e.draftLocalHeadCount / e.draftLocalCount : 0,
    draftLocalUnseen: e.draftLocalCount > 0 && e.draftLocalHeadCount === 0 ? 1 : 0,
    perLeadInLift: e.leadInLift,
    perNearLeadInLift: e.nearLeadInLift,
    perLeadInBestLift: e.leadInBestLift,
    perLeadInHead: e.leadInHead,
  };
}

/** Log-odds of acceptance by the logistic model `m` alone, from the terms `f`. */
export function logisticMargin(f: Record<keyof AcceptanceModel, number>, m: AcceptanceModel = ACCEPTANCE_MODEL): number {
  let z = 0;
  for (const key in m) z += m[key as keyof AcceptanceModel] * f[key as keyof AcceptanceModel];
  return z;
}

/**
 * What the trees read (`trees.ts`), in this order: the logistic terms, the counts those use only in ratios,
 * a few facts of the suggestion itself, and the logistic model's own log-odds (`logit`), so that a tree can
 * correct it where it is too sure or too shy.
 */
const LOGISTIC_TERMS = Object.keys(ACCEPTANCE_MODEL).filter((k) => k !== 'bias') as Array<keyof AcceptanceModel>;
export const TREE_INPUTS: readonly string[] = [
  ...LOGISTIC_TERMS,
  'logLocalCount',
  'logBlockCount',
  'logRivalCount',
  'logDraftLocalCount',
  'headDocsShare',
  'logSuggestionChars',
  'headChunks',
  'logExtensionChars',
  'suggestionShare',
  'blockRank',
  'logit',
];

/**
 * The trees' input vector (`TREE_INPUTS`) of one candidate, from its evidence, logistic terms and log-odds,
 * written into `out` (the query reuses one buffer: this runs for every candidate of every keystroke).
 */
export function treeInputs(
  e: ContinuationEvidence,
  f: Record<keyof AcceptanceModel, number>,
  logit: number,
  out: Float64Array = new Float64Array(TREE_INPUTS.length),
): Float64Array {
  let i = 0;
  for (; i < LOGISTIC_TERMS.length; i++) out[i] = f[LOGISTIC_TERMS[i]];
  out[i++] = Math.log1p(e.localCount);
  out[i++] = Math.log1p(e.blockCount);
  out[i++] = Math.log1p(e.rivalCount);
  out[i++] = Math.log1p(e.draftLocalCount);
  out[i++] = e.headDocs / Math.max(1, e.contextDocs);
  out[i++] = Math.log(Math.max(1, e.suggestionChars));
  out[i++] = e.headChunks;
  out[i++] = Math.log(Math.max(1, e.extensionChars));
  out[i++] = e.suggestionCount / Math.max(1, e.headCount);
  out[i++] = e.blockRank;
  out[i++] = logit;
  return out;
}

const treeInputBuffer = new Float64Array(TREE_INPUTS.length);

/** The shipped trees (`acceptanceTrees.json`), checked and flattened for `TREE_INPUTS`. */
export const ACCEPTANCE_TREES: CompiledTrees = compileTrees(validateEnsemble(acceptanceTrees as TreeEnsemble), TREE_INPUTS);

/**
 * Estimated probability that the writer accepts the head of the suggestion (its first whole words, at
 * least 2 characters): the logistic model `m`, corrected by the boosted trees `trees`.
 */
export function estimateConfidence(e: ContinuationEvidence, m: AcceptanceModel = ACCEPTANCE_MODEL, trees: CompiledTrees = ACCEPTANCE_TREES): number {
  const f = acceptanceFeatures(e);
  let z = logisticMargin(f, m);
  if (trees.count > 0) z += treeMargin(trees, treeInputs(e, f, z, treeInputBuffer));
  return 1 / (1 + Math.exp(-z));
}
