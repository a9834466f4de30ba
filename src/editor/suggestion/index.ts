/**
 * The phrase suggestion as a TipTap extension (ghost text, Alt+↓ list, keys, deference to the IME),
 * assembled from its parts; docs/architecture.md says what each part does.
 */
import { Extension } from '@tiptap/core';
import { suggestionPlugin } from './plugin';
import type { PhraseSuggestionOptions } from './types';

export type { PhraseSuggestionOptions, SuggestionConfig, SuggestionProvider } from './types';
export { getSuggestionState } from './plugin';

/**
 * Above StarterKit's extensions (priority 100), so that Tab accepts the ghost before the list item's Tab
 * indents. An open slash menu still keeps its keys: the plugin takes none while one is active.
 */
const PHRASE_SUGGESTION_PRIORITY = 150;

const DISABLED: PhraseSuggestionOptions = {
  provider: { suggest: async () => [] },
  getConfig: () => ({ enabled: false, minConfidence: 1, listMinConfidence: 1, draftMemory: true }),
};

export const PhraseSuggestion = Extension.create<PhraseSuggestionOptions>({
  name: 'phraseSuggestion',
  priority: PHRASE_SUGGESTION_PRIORITY,
  addOptions: () => DISABLED,
  addProseMirrorPlugins() {
    return [suggestionPlugin(this.options)];
  },
});

/** The extension asking `options.provider`; see `PhraseSuggestionOptions`. */
export function phraseSuggestion(options: PhraseSuggestionOptions) {
  return PhraseSuggestion.configure(options);
}
