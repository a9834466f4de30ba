/**
 * Binds the phrase suggestion to this app: the page's engine client, the writer's settings (on/off,
 * confidence level, draft memory) and the index's readiness. The only file of the extension that knows the app's
 * stores; everything else takes them as options.
 */
import { CONFIDENCE_LEVELS, confidenceLevel } from '../../phrases/levels';
import { effectiveReferenceYear, useSettings } from '../../state/settings';
import { getPhraseClient, usePhraseIndex } from '../../state/phraseIndex';
import { phraseSuggestion } from './index';
import type { SuggestionConfig } from './types';

/** The most permissive level's threshold: the Alt+↓ list, asked for explicitly, goes down to it. */
const LIST_FLOOR_CONFIDENCE = Math.min(...CONFIDENCE_LEVELS.map((l) => l.minConfidence));

function suggestionConfig(): SuggestionConfig {
  const settings = useSettings.getState();
  const level = confidenceLevel(settings.confidenceLevelId);
  return {
    enabled: settings.suggestionsEnabled && usePhraseIndex.getState().phase === 'ready',
    minConfidence: level.minConfidence,
    listMinConfidence: Math.min(level.minConfidence, LIST_FLOOR_CONFIDENCE),
    draftMemory: settings.draftMemoryEnabled,
    referenceYear: effectiveReferenceYear(settings.referenceYear),
  };
}

/** The extension as the draft editor uses it. */
export function appPhraseSuggestion() {
  return phraseSuggestion({
    provider: getPhraseClient(),
    getConfig: suggestionConfig,
    subscribe(listener) {
      const offSettings = useSettings.subscribe(listener);
      const offIndex = usePhraseIndex.subscribe(listener);
      return () => { offSettings(); offIndex(); };
    },
  });
}
