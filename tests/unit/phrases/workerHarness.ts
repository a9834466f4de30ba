import { createPhraseRequestHandler, type CheckEngine, type PhraseResponse } from '../../../src/phrases/protocol';
import { createChecker } from '../../../src/checks/checker';
import { FormulationLibrary } from '../../../src/checks/library';
import { SHIPPED_TIMELINESS_RULES } from '../../../src/checks/timeliness';

/** The check engine loaded up front, so that the handler answers checks without waiting for an import. */
export const CHECK_ENGINE: CheckEngine = { createChecker, FormulationLibrary, SHIPPED_TIMELINESS_RULES };

/** A worker request handler with a manual scheduler: `flush` runs the deferred tasks queued so far. */
export function harness() {
  const posted: PhraseResponse[] = [];
  const tasks: Array<() => void> = [];
  const handle = createPhraseRequestHandler((r) => posted.push(r), (t) => tasks.push(t), CHECK_ENGINE);
  const flush = () => tasks.splice(0).forEach((t) => t());
  return { posted, handle, flush };
}
