/**
 * The messages between the main thread and the phrase worker, and the worker-side handler as a plain
 * function (so it is tested in Node without a Worker). Owns the worker's state (the current index) and
 * the dropping of stale queries: a query is answered after a turn of the event loop, and only if no newer
 * query arrived meanwhile; an older one is answered `null` (superseded). No DOM.
 */
import { buildPhraseIndex, type PhraseIndex } from './build';
import { deserializePhraseIndex, IndexFileError, serializePhraseIndex } from './indexFile';
import { suggestFromIndex } from './query';
import type { PhraseDocument, SuggestOptions, Suggestion } from './types';

/** Figures about a built index, returned by `build`. */
export interface IndexStats {
  docs: number;
  chars: number;
  buildMs: number;
  /** Built from the documents, or read from a cached index file (`load`). */
  from?: 'build' | 'file';
}

export type PhraseRequest =
  /** `fileKey`: also answer with the index as a file (`indexFile.ts`) carrying this content key. */
  | { type: 'build'; id: number; docs: PhraseDocument[]; fileKey?: string }
  /** Use the index in `buffer` (transferred) if it is a valid file for `key`; else answer `rejected`. */
  | { type: 'load'; id: number; buffer: ArrayBuffer; key: string }
  | { type: 'suggest'; id: number; text: string; options?: SuggestOptions };

export type PhraseResponse =
  | { type: 'built'; id: number; stats: IndexStats; file?: ArrayBuffer }
  | { type: 'rejected'; id: number; reason: string }
  | { type: 'suggestions'; id: number; suggestions: Suggestion[] | null }
  | { type: 'error'; id: number; message: string };

/** Sends a response; `transfer` lists buffers handed over without a copy. */
export type PostResponse = (response: PhraseResponse, transfer?: ArrayBuffer[]) => void;

/** Runs `task` after the messages already queued (default: a zero-delay timer). */
export type Scheduler = (task: () => void) => void;

const defaultScheduler: Scheduler = (task) => {
  setTimeout(task, 0);
};

/**
 * The worker's message handler: `post` sends a response back. Builds replace the index synchronously
 * (the worker is the thread that may block); a load checks the file first (asynchronously) and is dropped
 * if a later build or load arrived meanwhile. Queries before any index answer `[]`.
 */
export function createPhraseRequestHandler(post: PostResponse, schedule: Scheduler = defaultScheduler): (request: PhraseRequest) => void {
  let index: PhraseIndex | null = null;
  let latestQueryId = -1;
  /** Id of the newest build or load: an older load that finishes later does not replace its index. */
  let latestIndexRequest = -1;
  const fail = (id: number, e: unknown) => post({ type: 'error', id, message: e instanceof Error ? e.message : String(e) });
  const statsOf = (built: PhraseIndex, from: 'build' | 'file'): IndexStats => ({ docs: built.docs.length, chars: built.chars, buildMs: built.buildMs, from });
  return (request) => {
    if (request.type === 'build') {
      latestIndexRequest = request.id;
      try {
        const built = buildPhraseIndex(request.docs);
        index = built;
        if (request.fileKey === undefined) {
          post({ type: 'built', id: request.id, stats: statsOf(built, 'build') });
          return;
        }
        serializePhraseIndex(built, request.fileKey).then(
          (file) => post({ type: 'built', id: request.id, stats: statsOf(built, 'build'), file }, [file]),
          (e: unknown) => fail(request.id, e),
        );
      } catch (e) {
        fail(request.id, e);
      }
      return;
    }
    if (request.type === 'load') {
      latestIndexRequest = request.id;
      deserializePhraseIndex(request.buffer, request.key).then(
        (loaded) => {
          if (request.id !== latestIndexRequest) {
            post({ type: 'rejected', id: request.id, reason: 'superseded' });
            return;
          }
          index = loaded;
          post({ type: 'built', id: request.id, stats: statsOf(loaded, 'file') });
        },
        (e: unknown) => {
          if (e instanceof IndexFileError) post({ type: 'rejected', id: request.id, reason: e.message });
          else fail(request.id, e);
        },
      );
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
        fail(request.id, e);
      }
    });
  };
}
