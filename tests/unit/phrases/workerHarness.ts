import { createPhraseRequestHandler, type PhraseResponse } from '../../../src/phrases/protocol';

/** A worker request handler with a manual scheduler: `flush` runs the deferred tasks queued so far. */
export function harness() {
  const posted: PhraseResponse[] = [];
  const tasks: Array<() => void> = [];
  const handle = createPhraseRequestHandler((r) => posted.push(r), (t) => tasks.push(t));
  const flush = () => tasks.splice(0).forEach((t) => t());
  return { posted, handle, flush };
}
