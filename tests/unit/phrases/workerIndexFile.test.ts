import { describe, expect, it } from 'vitest';
import { createPhraseClient, type WorkerLike } from '../../../src/phrases/client';
import { indexContentKey } from '../../../src/phrases/indexFile';
import { createPhraseRequestHandler, type PhraseRequest, type PhraseResponse } from '../../../src/phrases/protocol';
import { harness } from './workerHarness';

const corpus = [
  { id: 'a', title: '甲', pack: 't', text: '推动经济高质量发展。', year: 2024 },
  { id: 'b', title: '乙', pack: 't', text: '推动经济高质量发展。', year: 2025 },
];
const other = [
  { id: 'c', title: '丙', pack: 't', text: '坚定不移走中国特色社会主义道路。' },
  { id: 'd', title: '丁', pack: 't', text: '坚定不移走中国特色社会主义道路。' },
];

/** A Worker-like object running the real handler, asynchronously; transferred buffers are detached as a real worker would. */
class FakeWorker implements WorkerLike {
  listeners = new Set<(e: { data: PhraseResponse }) => void>();
  handle: (request: PhraseRequest) => void;
  /** `preparedFile`: the file the worker reads at its start (as `storage/phraseIndexWorker.ts` gives it). */
  constructor(preparedFile?: Promise<ArrayBuffer | null>) {
    this.handle = createPhraseRequestHandler(
      (r, transfer) => {
        const data = structuredClone(r, { transfer });
        queueMicrotask(() => this.listeners.forEach((l) => l({ data })));
      },
      (t) => queueMicrotask(t),
      undefined,
      preparedFile,
    );
  }
  postMessage(m: PhraseRequest, transfer?: Transferable[]) {
    const data = structuredClone(m, { transfer });
    queueMicrotask(() => this.handle(data));
  }
  addEventListener(_: 'message', l: (e: { data: PhraseResponse }) => void) { this.listeners.add(l); }
  removeEventListener(_: 'message', l: (e: { data: PhraseResponse }) => void) { this.listeners.delete(l); }
  terminate() {}
}

describe('worker: index files', () => {
  it('a build asked for a file returns one; a fresh worker loads it and suggests the same', async () => {
    const key = await indexContentKey(corpus.map((d) => ({ ...d, contentHash: d.text })));
    const first = createPhraseClient(new FakeWorker());
    const built = await first.build(corpus, { fileKey: key });
    expect(built).toMatchObject({ docs: 2, chars: 20, from: 'build' });
    expect(built.file).toBeInstanceOf(ArrayBuffer);
    const expected = await first.suggest('推动经济');
    const second = createPhraseClient(new FakeWorker());
    const file = built.file!;
    const loaded = await second.load(file, key);
    expect(file.byteLength).toBe(0); // transferred, not copied
    expect(loaded).toMatchObject({ ok: true, stats: { docs: 2, chars: 20, from: 'file' } });
    expect(await second.suggest('推动经济')).toEqual(expected);
  });

  it('a damaged file or another key is rejected, and the worker keeps the index it had', async () => {
    const key = await indexContentKey(corpus.map((d) => ({ ...d, contentHash: d.text })));
    const client = createPhraseClient(new FakeWorker());
    const { file } = await client.build(corpus, { fileKey: key });
    await client.build(other);
    const damaged = file!.slice(0);
    new Uint8Array(damaged)[damaged.byteLength - 5] ^= 1;
    expect(await client.load(damaged, key)).toMatchObject({ ok: false });
    expect(await client.load(file!.slice(0, 300), key)).toMatchObject({ ok: false });
    expect(await client.load(file!.slice(0), 'f'.repeat(64))).toMatchObject({ ok: false });
    const kept = await client.suggest('坚定不移走');
    expect(kept?.[0]?.text).toContain('中国特色');
  });

  it('a load overtaken by a later build does not replace the built index', async () => {
    const key = await indexContentKey(corpus.map((d) => ({ ...d, contentHash: d.text })));
    const maker = createPhraseClient(new FakeWorker());
    const { file } = await maker.build(corpus, { fileKey: key });
    const client = createPhraseClient(new FakeWorker());
    const loading = client.load(file!, key);
    const building = client.build(other);
    expect(await loading).toEqual({ ok: false, reason: 'superseded' });
    await building;
    expect((await client.suggest('坚定不移走'))?.[0]?.text).toContain('中国特色');
    expect(await client.suggest('推动经济')).toEqual([]);
  });

  it('a builder (fileOnly) returns the file and keeps its own index; the answering worker suggests from the old index until the file is loaded', async () => {
    const oldKey = await indexContentKey(other.map((d) => ({ ...d, contentHash: d.text })));
    const key = await indexContentKey(corpus.map((d) => ({ ...d, contentHash: d.text })));
    const serving = createPhraseClient(new FakeWorker());
    await serving.build(other, { fileKey: oldKey });
    const builder = createPhraseClient(new FakeWorker());
    await builder.build(other);
    const built = await builder.build(corpus, { fileKey: key, fileOnly: true });
    expect(built.file).toBeInstanceOf(ArrayBuffer);
    expect(built).toMatchObject({ docs: 2, chars: 20 });
    // The builder's own index is still the one it had.
    expect((await builder.suggest('坚定不移走'))?.[0]?.text).toContain('中国特色');
    // The client asks the worker during a load (no `[]` short cut); the worker answers from the index it has.
    const { posted, handle, flush } = harness();
    handle({ type: 'build', id: 1, docs: other });
    handle({ type: 'load', id: 2, buffer: built.file!.slice(0), key });
    handle({ type: 'suggest', id: 3, text: '坚定不移走' });
    flush();
    const meanwhile = posted.find((r) => r.type === 'suggestions');
    expect(meanwhile?.type === 'suggestions' && meanwhile.suggestions?.[0]?.text).toContain('中国特色');
    const loading = serving.load(built.file!, key, corpus.map((d) => ({ title: d.title, year: d.year })));
    expect(await loading).toMatchObject({ ok: true, stats: { docs: 2, from: 'file', steps: { received: expect.any(Number), ready: expect.any(Number) } } });
    expect((await serving.suggest('推动经济'))?.[0]?.text).toContain('高质量');
  });

  it('the file read at the worker\'s start is used only by a `use` for its key; a build or load before it drops it', async () => {
    const key = await indexContentKey(corpus.map((d) => ({ ...d, contentHash: d.text })));
    const maker = createPhraseClient(new FakeWorker());
    const { file } = await maker.build(corpus, { fileKey: key });
    const expected = await maker.suggest('推动经济');
    // Its key: used, and suggests as a load would; not in use before.
    let arrive!: (b: ArrayBuffer | null) => void;
    const client = createPhraseClient(new FakeWorker(new Promise((r) => { arrive = r; })));
    expect(await client.suggest('推动经济')).toEqual([]);
    const using = client.use(key); // asked before the file is read: waits for it
    arrive(file!.slice(0));
    expect(await using).toMatchObject({ ok: true, stats: { docs: 2, from: 'file', steps: { received: expect.any(Number), deserialized: expect.any(Number) } } });
    expect(await client.suggest('推动经济')).toEqual(expected);
    expect(await client.use(key)).toEqual({ ok: false, reason: 'no prepared file' }); // used once
    // Another key: refused, and the worker keeps what it has.
    const serving = createPhraseClient(new FakeWorker(Promise.resolve(file!.slice(0))));
    await serving.build(other);
    expect(await serving.use(key)).toEqual({ ok: false, reason: 'no prepared file' }); // the build dropped it
    expect((await serving.suggest('坚定不移走'))?.[0]?.text).toContain('中国特色');
    const mismatch = createPhraseClient(new FakeWorker(Promise.resolve(file!.slice(0))));
    expect(await mismatch.use('f'.repeat(64))).toEqual({ ok: false, reason: 'the prepared file is for other inputs' });
    expect(await mismatch.suggest('推动经济')).toEqual([]);
    // A damaged file, no file, a file that is not an index, a failed read: refused at the `use`.
    const damaged = file!.slice(0);
    new Uint8Array(damaged)[damaged.byteLength - 5] ^= 1;
    expect(await createPhraseClient(new FakeWorker(Promise.resolve(damaged))).use(key)).toMatchObject({ ok: false, reason: expect.stringContaining('校验和') });
    expect(await createPhraseClient(new FakeWorker(Promise.resolve(null))).use(key)).toEqual({ ok: false, reason: 'no prepared file' });
    expect(await createPhraseClient(new FakeWorker(Promise.resolve(new ArrayBuffer(16)))).use(key)).toMatchObject({ ok: false });
    expect(await createPhraseClient(new FakeWorker(Promise.reject(new Error('no cache')))).use(key)).toEqual({ ok: false, reason: 'no prepared file' });
  });
});
