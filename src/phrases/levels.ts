/**
 * The levels the editor's setting offers (少而准 … 多而全): thresholds on a suggestion's confidence
 * (`confidence.ts`), read off the measured `npm run eval -- --curve`. Apart from the model so that the
 * settings UI does not load the model's trees. Pure, no DOM.
 */

/** One position of the editor's setting. */
export interface ConfidenceLevel {
  id: string;
  label: string;
  minConfidence: number;
}

/** The editor's setting, ordered 少而准 → 多而全. */
export const CONFIDENCE_LEVELS: readonly ConfidenceLevel[] = [
  { id: 'precise', label: '少而准', minConfidence: 0.35 },
  { id: 'balanced', label: '适中', minConfidence: 0.25 },
  { id: 'broad', label: '多而全', minConfidence: 0.19 },
];

/**
 * The default level: the threshold at which both packs keep the targets, cross-fitted
 * (`npm run eval -- --curve --tree-folds scripts/tree-folds`: the shipped trees saw every report).
 */
export const DEFAULT_CONFIDENCE_LEVEL_ID = 'balanced';

/** The level with this id, or the default one. */
export function confidenceLevel(id: string | undefined): ConfidenceLevel {
  return CONFIDENCE_LEVELS.find((l) => l.id === id) ?? CONFIDENCE_LEVELS.find((l) => l.id === DEFAULT_CONFIDENCE_LEVEL_ID)!;
}

