/**
 * What a query is run with: the knobs of the query (`QueryTuning`) and the fitted models (`EngineConfig`).
 * The defaults are the shipped ones; the evaluation and the fitting script pass others. No logic, no DOM.
 */
import { ACCEPTANCE_MODEL, ACCEPTANCE_TREES, DRAFT_MODEL } from './confidence';
import type { AcceptanceModel, DraftModel } from './evidence';
import type { CompiledTrees } from './trees';

/** Knobs of the query; the defaults are the measured ones. */
export interface QueryTuning {
  /** Longest context tried (code units before the cursor). */
  maxContextChars: number;
  /** Shorter contexts are never used: a 1-character context matches unrelated sentences. */
  minContextChars: number;
  /** The main context must occur in at least this many documents. */
  minContextDocs: number;
  /**
   * Also propose from the longest context seen at all (one document is enough) when it is at least this
   * much longer than the main one: a long passage the draft shares with one document. 0 = off.
   */
  longContextExtraChars: number;
  /** Also propose from the longest context seen in at least this many documents (a shorter, standard one). 0 = off. */
  broadContextDocs: number;
  /** Extension goes on while at least this share of the matches agree on the next character (> 0.5). */
  extendAgreement: number;
  /** Cut the extended suggestion at the chunk boundary of best expected saving (see `saving.ts`). */
  stopBySaving: boolean;
  /** Smoothing of the per-chunk agreement in the expected saving: `n_next / (n_prev + s)`. */
  chunkSmoothing: number;
  /** Added to it for a chunk that holds a figure (see `saving.ts`). */
  figureSmoothing: number;
  /** Put the candidate of best expected saving first (the rest stay in rank order). */
  pickBySaving: boolean;
  /** Suggestions stop at this length even when the corpus still agrees. */
  maxSuggestionChars: number;
  /** Shorter suggestions save nothing and are not offered. */
  minSuggestionChars: number;
  /** Context length at which the local support of a continuation is measured (see `localSupport`). */
  localContextChars: number;
  /** Also offer what the draft itself wrote earlier after the same words (`draftMemory.ts`). */
  draftMemory: boolean;
  /** Shortest context the draft memory uses: shorter repeats in one draft are chance. */
  draftMinContextChars: number;
  /** A corpus suggestion the draft has repeatedly worded otherwise is offered in the draft's wording (`draftWording`). */
  draftWording: boolean;
  /** Log-odds added per unit of register lift (`register.ts`: how the pack the draft resembles writes its words); 0 = off. */
  registerPerLift: number;
  /**
   * How strongly recency moves confidence between a query's corpus alternatives, when it has a reference
   * year: the exponent of their documents' weights (`shareByRecency`). 0 = off.
   */
  recencyStrength: number;
}

export const DEFAULT_QUERY_TUNING: QueryTuning = {
  maxContextChars: 24,
  minContextChars: 2,
  minContextDocs: 2,
  longContextExtraChars: 2,
  broadContextDocs: 4,
  extendAgreement: 0.6,
  stopBySaving: true,
  chunkSmoothing: 2,
  figureSmoothing: 8,
  pickBySaving: true,
  maxSuggestionChars: 32,
  minSuggestionChars: 2,
  localContextChars: 3,
  draftMemory: true,
  draftMinContextChars: 4,
  draftWording: true,
  registerPerLift: 1,
  recencyStrength: 1,
};

/** Everything a query is run with besides the index and the text. */
export interface EngineConfig {
  tuning: QueryTuning;
  /** Logistic acceptance model of corpus candidates (`acceptanceModel.json`). */
  model: AcceptanceModel;
  /** Logistic acceptance model of draft candidates (`draftModel.json`). */
  draftModel: DraftModel;
  /** Boosted trees correcting `model` (`acceptanceTrees.json`). */
  trees: CompiledTrees;
}

/** The shipped configuration. */
export const DEFAULT_ENGINE_CONFIG: EngineConfig = {
  tuning: DEFAULT_QUERY_TUNING,
  model: ACCEPTANCE_MODEL,
  draftModel: DRAFT_MODEL,
  trees: ACCEPTANCE_TREES,
};
