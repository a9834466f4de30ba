/**
 * The phrase suggestion as a TipTap extension: ghost text after the caret, an Alt+↓ list of alternatives,
 * keys that accept all or word by word, and strict deference to the IME. Assembled here from its parts —
 * types.ts (options), state.ts (pure state), context.ts (what to ask), plugin.ts (timing, answers,
 * drawing), ghost.ts (the widget), list.ts (the listbox DOM), announce.ts (the screen-reader live
 * region), keymap.ts (keys as data; the help and the settings UI import it directly).
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
