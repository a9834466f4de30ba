/**
 * Web Worker entry of the phrase engine: wires `self.onmessage` to the request handler of `protocol.ts`.
 * Owns nothing else; all logic is in the handler so that it is tested in Node. No DOM.
 */
import { createPhraseRequestHandler, type PhraseRequest, type PhraseResponse } from './protocol';

interface WorkerScope {
  postMessage(message: PhraseResponse, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<PhraseRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const handle = createPhraseRequestHandler((response, transfer) => scope.postMessage(response, transfer));
scope.onmessage = (event) => handle(event.data);
