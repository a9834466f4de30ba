import { describe, expect, it } from 'vitest';
import { createPhraseClient, type WorkerLike } from '../../../src/phrases/client';
import { createPhraseRequestHandler, type PhraseRequest, type PhraseResponse } from '../../../src/phrases/protocol';
import { harness } from './workerHarness';

const corpus = [
  { id: 'a', title: '甲', pack: 't', text: '推动经济高质量发展。' },
  { id: 'b', title: '乙', pack: 't', text: '推动经济高质量发展。' },
];


describe('worker request handler', () => {
  it('answers [] before any build, then real suggestions after one', () => {
    const { posted, handle, flush } = harness();
    handle({ type: 'suggest', id: 1, text: '推动经济' });
    flush();
    expect(posted).toEqual([{ type: 'suggestions', id: 1, suggestions: [] }]);
    handle({ type: 'build', id: 2, docs: corpus });
    expect(posted[1]).toMatchObject({ type: 'built', id: 2, stats: { docs: 2, chars: 20 } });
    handle({ type: 'suggest', id: 3, text: '推动经济' });
    flush();
    expect(posted[2]).toMatchObject({ type: 'suggestions', id: 3, suggestions: [{ text: '高质量发展。' }] });
  });

  it('answers a query superseded before it ran with null, without computing it', () => {
    const { posted, handle, flush } = harness();
    handle({ type: 'build', id: 1, docs: corpus });
    handle({ type: 'suggest', id: 2, text: '推动' });
    handle({ type: 'suggest', id: 3, text: '推动经济' });
    flush();
    expect(posted.slice(1)).toEqual([
      { type: 'suggestions', id: 2, suggestions: null },
      expect.objectContaining({ type: 'suggestions', id: 3 }),
    ]);
  });
});

/** A Worker-like object running the real handler, answering asynchronously like a worker would. */
class FakeWorker implements WorkerLike {
  listeners = new Set<(e: { data: PhraseResponse }) => void>();
  tasks: Array<() => void> = [];
  terminated = false;
  handle = createPhraseRequestHandler(
    (r) => queueMicrotask(() => this.listeners.forEach((l) => l({ data: r }))),
    (t) => this.tasks.push(t),
  );
  postMessage(m: PhraseRequest) {
    // Structured clone, as postMessage would.
    queueMicrotask(() => this.handle(structuredClone(m)));
  }
  addEventListener(_: 'message', l: (e: { data: PhraseResponse }) => void) { this.listeners.add(l); }
  removeEventListener(_: 'message', l: (e: { data: PhraseResponse }) => void) { this.listeners.delete(l); }
  terminate() { this.terminated = true; }
  async flush() {
    await new Promise((r) => setTimeout(r, 0));
    this.tasks.splice(0).forEach((t) => t());
    await new Promise((r) => setTimeout(r, 0));
  }
}

describe('phrase client', () => {
  it('resolves [] while no index is ready, then builds and suggests', async () => {
    const worker = new FakeWorker();
    const client = createPhraseClient(worker);
    await expect(client.suggest('推动经济')).resolves.toEqual([]);
    const built = client.build(corpus);
    await expect(client.suggest('推动经济')).resolves.toEqual([]); // during the build
    await expect(built).resolves.toMatchObject({ docs: 2, chars: 20 });
    const answer = client.suggest('推动经济');
    await worker.flush();
    expect((await answer)?.[0].text).toBe('高质量发展。');
  });

  it('resolves a superseded query null at once and drops its late answer', async () => {
    const worker = new FakeWorker();
    const client = createPhraseClient(worker);
    await client.build(corpus);
    const older = client.suggest('推动');
    const newer = client.suggest('推动经济');
    await expect(older).resolves.toBeNull();
    await worker.flush();
    expect((await newer)?.[0].text).toBe('高质量发展。');
  });

  it('dispose terminates the worker and settles what is pending', async () => {
    const worker = new FakeWorker();
    const client = createPhraseClient(worker);
    await client.build(corpus);
    const pending = client.suggest('推动经济');
    client.dispose();
    await expect(pending).resolves.toBeNull();
    expect(worker.terminated).toBe(true);
    await expect(client.build(corpus)).rejects.toThrow();
  });
});
