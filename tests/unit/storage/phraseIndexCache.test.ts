import { describe, expect, it } from 'vitest';
import { MAX_CACHED_INDEXES, openPhraseIndexCache, type CacheStorageLike } from '../../../src/storage/phraseIndexCache';

/** An in-memory Cache Storage: requests by URL, Responses as stored. */
function memoryCaches(): CacheStorageLike & { names: Map<string, Map<string, Response>> } {
  const names = new Map<string, Map<string, Response>>();
  return {
    names,
    async open(name) {
      const entries = names.get(name) ?? new Map<string, Response>();
      names.set(name, entries);
      const urlOf = (r: RequestInfo | URL) => (typeof r === 'string' ? r : r instanceof URL ? r.href : r.url);
      return {
        async match(r: RequestInfo | URL) { return entries.get(urlOf(r))?.clone(); },
        async put(r: RequestInfo | URL, response: Response) { entries.set(urlOf(r), response); },
        async keys() { return [...entries.keys()].map((u) => new Request(u)); },
        async delete(r: RequestInfo | URL) { return entries.delete(urlOf(r)); },
      } as unknown as Cache;
    },
  };
}

const bytes = (...values: number[]) => new Uint8Array(values).buffer;

describe('phrase index cache', () => {
  it('returns what was stored for the key, nothing for another key', async () => {
    const cache = openPhraseIndexCache('http://127.0.0.1/app/', memoryCaches());
    await cache.put('a'.repeat(64), bytes(1, 2, 3));
    expect(new Uint8Array((await cache.get('a'.repeat(64)))!)).toEqual(new Uint8Array([1, 2, 3]));
    expect(await cache.get('b'.repeat(64))).toBeNull();
  });

  it(`keeps only the newest ${MAX_CACHED_INDEXES} files, and forgets one on request`, async () => {
    const storage = memoryCaches();
    const cache = openPhraseIndexCache('http://127.0.0.1/', storage);
    await cache.put('1', bytes(1), 100);
    await cache.put('2', bytes(2), 200);
    await cache.put('3', bytes(3), 300);
    expect(await cache.get('1')).toBeNull();
    expect(await cache.get('2')).not.toBeNull();
    expect(await cache.get('3')).not.toBeNull();
    await cache.remove('3');
    expect(await cache.get('3')).toBeNull();
    expect([...storage.names.keys()]).toEqual(['jianggao-phrase-index']);
  });

  it('without Cache Storage nothing is found and a put fails (the caller only loses the cache)', async () => {
    const cache = openPhraseIndexCache('http://127.0.0.1/', undefined);
    expect(await cache.get('x')).toBeNull();
    await expect(cache.put('x', bytes(1))).rejects.toThrow();
    await cache.remove('x');
  });

  it('newest(): the most recently stored file and its key; the stored file is a copy (the original may be transferred)', async () => {
    const cache = openPhraseIndexCache('http://127.0.0.1/app/', memoryCaches());
    expect(await cache.newest()).toBeNull();
    const older = bytes(1);
    await cache.put('a'.repeat(64), older, 100);
    const file = bytes(7, 8);
    const putting = cache.put('b'.repeat(64), file, 200);
    structuredClone(file, { transfer: [file] }); // detached right after the call, as when handed to the worker
    await putting;
    const newest = await cache.newest();
    expect(newest?.key).toBe('b'.repeat(64));
    expect(new Uint8Array(newest!.file)).toEqual(new Uint8Array([7, 8]));
  });
});
