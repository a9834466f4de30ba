/**
 * Web Worker entry of the page's answering phrase worker: the engine's request handler (`phrases/protocol.ts`)
 * given the newest cached index file, read here from the index cache as soon as the worker starts, so that it
 * is checked and read while the page is still computing the key of its inputs (the page then sends `use`).
 * The short-lived builder workers run `phrases/worker.ts`, which reads nothing.
 */
import { createPhraseRequestHandler, importCheckEngine, type PhraseRequest, type PhraseResponse } from '../phrases/protocol';
import { openPhraseIndexCache } from './phraseIndexCache';

interface WorkerScope {
  postMessage(message: PhraseResponse, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<PhraseRequest>) => void) | null;
  location: { href: string };
}

const scope = self as unknown as WorkerScope;
const newest = openPhraseIndexCache(scope.location.href).newest().then((found) => found?.file ?? null);
const handle = createPhraseRequestHandler((response, transfer) => scope.postMessage(response, transfer), undefined, importCheckEngine, newest);
scope.onmessage = (event) => handle(event.data);
