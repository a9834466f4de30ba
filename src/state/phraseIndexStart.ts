/**
 * Starts the phrase index when imported: the entry imports this first, so that the worker's code, the
 * manifest and the cached index are being read while the rest of the app is still being evaluated.
 */
import { ensurePhraseIndex } from './phraseIndex';

ensurePhraseIndex();
