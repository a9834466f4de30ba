/**
 * Stage 4 of the query (`query.ts`): the confidence. The estimate of "will the writer accept at least the
 * first word" from a candidate's evidence (`evidence.ts`): a logistic model (`acceptanceModel.json`)
 * corrected by boosted trees (`acceptanceTrees.json`, `trees.ts`) for corpus candidates, a logistic model
 * (`draftModel.json`) for the draft's own. All three are fitted by `scripts/fit-confidence.ts` and stored
 * as data. The thresholds the editor's setting offers are in `levels.ts`. Pure, no DOM.
 *
 * Not re-entrant: `estimateConfidence` writes the trees' input vector into one module-level buffer.
 */
import acceptanceModel from './acceptanceModel.json';
import acceptanceTrees from './acceptanceTrees.json';
import draftModel from './draftModel.json';
import { acceptanceFeatures, draftFeatures, type AcceptanceModel, type ContinuationEvidence, type DraftEvidence, type DraftModel } from './evidence';
import { compileTrees, treeMargin, validateEnsemble, type CompiledTrees, type TreeEnsemble } from './trees';

/** Checks that a model read from data is a set of finite weights (a hand-edited file fails loudly here). */
export function validateModel<M extends Record<string, number>>(value: M, name: string): M {
  if (!Object.values(value).every((w) => typeof w === 'number' && Number.isFinite(w))) throw new Error(`${name}: malformed weights`);
  return value;
}

/** The shipped logistic model of corpus candidates; its keys' order is the order terms are summed in. */
export const ACCEPTANCE_MODEL: AcceptanceModel = validateModel(acceptanceModel, 'acceptance model');
/** The shipped logistic model of draft candidates. */
export const DRAFT_MODEL: DraftModel = validateModel(draftModel, 'draft model');

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
  return logistic(z);
}

/** Estimated probability that the writer accepts the head of a draft candidate, by the model `m`. */
export function estimateDraftConfidence(e: DraftEvidence, m: DraftModel = DRAFT_MODEL): number {
  const f = draftFeatures(e);
  let z = 0;
  for (const key in m) z += m[key as keyof DraftModel] * f[key as keyof DraftModel];
  return logistic(z);
}

function logistic(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** `confidence` with `delta` added to its log-odds (unchanged for a delta of 0 or a confidence of 0 or 1). */
export function shiftLogOdds(confidence: number, delta: number): number {
  if (delta === 0 || confidence <= 0 || confidence >= 1) return confidence;
  return logistic(Math.log(confidence / (1 - confidence)) + delta);
}
