/**
 * The messages between the main thread and the phrase worker, and the worker-side handler as a plain
 * function (so it is tested in Node without a Worker). Owns the worker's state (the current index) and
 * the dropping of stale queries: a query is answered after a turn of the event loop, and only if no newer
 * query arrived meanwhile; an older one is answered `null` (superseded). No DOM.
 */
import { buildPhraseIndex, type PhraseIndex } from './build';
import { suggestFromIndex } from './query';
import type { PhraseDocument, SuggestOptions, Suggestion } from './types';

/** Figures about a built index, returned by `build`. */
export interface IndexStats {
  docs: number;
  chars: number;
  buildMs: number;
}

export type PhraseRequest =
  | { type: 'build'; id: number; docs: PhraseDocument[] }
  | { type: 'suggest'; id: number; text: string; options?: SuggestOptions };

export type PhraseResponse =
  | { type: 'built'; id: number; stats: IndexStats }
  | { type: 'suggestions'; id: number; suggestions: Suggestion[] | null }
  | { type: 'error'; id: number; message: string };

/** Runs `task` after the messages already queued (default: a zero-delay timer). */
export type Scheduler = (task: () => void) => void;

const defaultScheduler: Scheduler = (task) => {
  setTimeout(task, 0);
};

/**
 * The worker's message handler: `post` sends a response back. Builds replace the index synchronously
 * (the worker is the thread that may block); queries before any build answer `[]`.
 */
export function createPhraseRequestHandler(post: (response: PhraseResponse) => void, schedule: Scheduler = defaultScheduler): (request: PhraseRequest) => void {
  let index: PhraseIndex | null = null;
  let latestQueryId = -1;
  return (request) => {
    if (request.type === 'build') {
      try {
        index = buildPhraseIndex(request.docs);
        post({ type: 'built', id: request.id, stats: { docs: index.docs.length, chars: index.chars, buildMs: index.buildMs } });
      } catch (e) {
        post({ type: 'error', id: request.id, message: e instanceof Error ? e.message : String(e) });
      }
      return;
    }
    latestQueryId = Math.max(latestQueryId, request.id);
    schedule(() => {
      if (request.id !== latestQueryId) {
        post({ type: 'suggestions', id: request.id, suggestions: null });
        return;
      }
      try {
        const suggestions = index ? suggestFromIndex(index, request.text, request.options) : [];
        post({ type: 'suggestions', id: request.id, suggestions });
      } catch (e) {
        post({ type: 'error', id: request.id, message: e instanceof Error ? e.message : String(e) });
      }
    });
  };
}
