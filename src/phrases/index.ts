/**
 * The phrase engine's public API, assembled in one place (like CodeMirror autocomplete's index.ts):
 * the worker client for the editor, and the pure engine for Node, tests and the evaluation.
 *
 * File map: types.ts (shapes) · normalize.ts (variants, boundaries) · suffixArray.ts (SA-IS) ·
 * build.ts (the index) · search.ts (range primitives) · query.ts (back-off, extension, assembly) ·
 * rank.ts (order of alternatives) · confidence.ts (acceptance model, levels) · chunks.ts (words) ·
 * evaluate.ts (simulated writer) · protocol.ts (worker messages and handler) · worker.ts (entry) ·
 * client.ts (main thread).
 */
export type { PhraseDocument, Suggestion, SuggestionSource, SuggestOptions } from './types';
export { createPhraseClient, type PhraseClient, type WorkerLike, type IndexStats } from './client';
export { buildPhraseIndex, indexBytes, type PhraseIndex } from './build';
export { suggestFromIndex, findCandidates, DEFAULT_QUERY_TUNING, type QueryTuning } from './query';
export { estimateConfidence } from './confidence';
export { CONFIDENCE_LEVELS, DEFAULT_CONFIDENCE_LEVEL_ID, confidenceLevel, type ConfidenceLevel } from './levels';
export { splitIntoChunks } from './chunks';
