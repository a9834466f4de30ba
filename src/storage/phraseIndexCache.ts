/**
 * The built phrase index kept between page loads, in Cache Storage (a derived, disposable file: not the
 * writer's data, so not in the IndexedDB database, its backups or its migrations). Entries are named by the
 * index's content key (`phrases/indexFile.ts`: the enabled packs, the writer's documents, the format
 * version), so an index for other inputs is never found. The newest `MAX_CACHED_INDEXES` are kept: switching
 * a pack off and on again finds both. Every failure reads as "not cached": the caller builds.
 */

/** Cache Storage name; the service worker's precache (workbox-*) never touches it. */
export const PHRASE_INDEX_CACHE_NAME = 'jianggao-phrase-index';
/** Index files kept (each about 10 bytes per indexed character). */
export const MAX_CACHED_INDEXES = 2;
const STORED_AT_HEADER = 'x-jianggao-stored-at';

/** The part of `CacheStorage` used here; tests pass an in-memory one. */
export interface CacheStorageLike {
  open(name: string): Promise<Pick<Cache, 'match' | 'put' | 'keys' | 'delete'>>;
}

export interface PhraseIndexCache {
  /** The stored file for `key`, or null (absent, unreadable, or no Cache Storage here). */
  get(key: string): Promise<ArrayBuffer | null>;
  /**
   * Stores `file` for `key` and forgets all but the newest entries. `file` is copied before the call
   * returns, so the caller may transfer it to the worker at once.
   */
  put(key: string, file: ArrayBuffer, now?: number): Promise<void>;
  /** Forgets the file for `key` (one that failed its checks). */
  remove(key: string): Promise<void>;
  /**
   * The most recently stored file and the key it is stored under, or null: read at page load before the
   * key of the current inputs is known (it usually is that one), so that reading overlaps computing the key.
   */
  newest(): Promise<{ key: string; file: ArrayBuffer } | null>;
}

/** The cache under `base` (the app's base URL); without Cache Storage (an insecure context) nothing is kept. */
export function openPhraseIndexCache(base: string, storage: CacheStorageLike | undefined = globalThis.caches): PhraseIndexCache {
  const url = (key: string) => new URL(`phrase-index/${key}.bin`, base).href;
  const open = () => (storage ? storage.open(PHRASE_INDEX_CACHE_NAME) : Promise.reject(new Error('no Cache Storage')));
  return {
    async get(key) {
      try {
        const response = await (await open()).match(url(key));
        return response ? await response.arrayBuffer() : null;
      } catch {
        return null;
      }
    },
    async put(key, file, now = Date.now()) {
      const response = new Response(file, { headers: { 'content-type': 'application/octet-stream', [STORED_AT_HEADER]: String(now) } });
      const cache = await open();
      await cache.put(url(key), response);
      const entries = await Promise.all((await cache.keys()).map(async (request) => {
        const response = await cache.match(request);
        return { request, storedAt: Number(response?.headers.get(STORED_AT_HEADER) ?? 0) };
      }));
      entries.sort((a, b) => b.storedAt - a.storedAt);
      await Promise.all(entries.slice(MAX_CACHED_INDEXES).map((e) => cache.delete(e.request)));
    },
    async newest() {
      try {
        const cache = await open();
        const entries = await Promise.all((await cache.keys()).map(async (request) => ({ request, response: await cache.match(request) })));
        let best: { request: Request; response: Response; storedAt: number } | null = null;
        for (const { request, response } of entries) {
          const storedAt = Number(response?.headers.get(STORED_AT_HEADER) ?? 0);
          if (response && (!best || storedAt > best.storedAt)) best = { request, response, storedAt };
        }
        const key = best && /phrase-index\/([0-9a-f]{64})\.bin$/.exec(best.request.url)?.[1];
        return best && key ? { key, file: await best.response.arrayBuffer() } : null;
      } catch {
        return null;
      }
    },
    async remove(key) {
      try {
        await (await open()).delete(url(key));
      } catch {
        // Nothing to forget.
      }
    },
  };
}
