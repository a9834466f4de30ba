/**
 * The messages between the main thread and the phrase worker, and the worker-side handler as a plain
 * function (so it is tested in Node without a Worker). Owns the worker's state (the current index) and
 * the dropping of stale queries: a query is answered after a turn of the event loop, and only if no newer
 * query arrived meanwhile; an older one is answered `null` (superseded). Checks (src/checks) run here
 * too, with the same rule: only the newest `check` is answered with findings. No DOM.
 */
import { createChecker, type Checker } from '../checks/checker';
import { FormulationLibrary, type Formulation, type LibraryQuery } from '../checks/library';
import type { StudyDocument } from '../checks/quotations';
import type { TimelinessRule } from '../checks/timeliness';
import { SHIPPED_TIMELINESS_RULES } from '../checks/timeliness';
import type { CheckDocMeta, CheckFinding, CheckKind } from '../checks/types';
import { buildPhraseIndex, type PhraseIndex } from './build';
import { suggestFromIndex } from './query';
import type { PhraseDocument, SuggestOptions, Suggestion } from './types';

/** Figures about a built index, returned by `build`. */
export interface IndexStats {
  docs: number;
  chars: number;
  buildMs: number;
}

/**
 * What the checks need besides the index: each indexed document's title and year (index order), the
 * office's own 时效 rules (added to the shipped ones) and the writer's 学习材料.
 */
export interface CheckConfig {
  meta: CheckDocMeta[];
  officeRules: TimelinessRule[];
  studyMaterial: StudyDocument[];
}

export interface CheckRequestOptions {
  /** Reference year of the draft. */
  year: number;
  /** Only these kinds (default all). */
  kinds?: readonly CheckKind[];
}

export type PhraseRequest =
  | { type: 'build'; id: number; docs: PhraseDocument[] }
  | { type: 'suggest'; id: number; text: string; options?: SuggestOptions }
  | { type: 'checkConfig'; id: number; config: CheckConfig }
  | { type: 'check'; id: number; text: string; options: CheckRequestOptions }
  | { type: 'library'; id: number; query: LibraryQuery };

export type PhraseResponse =
  | { type: 'built'; id: number; stats: IndexStats }
  | { type: 'suggestions'; id: number; suggestions: Suggestion[] | null }
  | { type: 'checkConfigured'; id: number }
  /** `findings` is null when a newer check superseded this one; `ms` is the time the check took in the worker. */
  | { type: 'checked'; id: number; findings: CheckFinding[] | null; ms: number }
  /** The 提法库's matches for the query (at most its limit) and how many formulations the library holds. */
  | { type: 'library'; id: number; formulations: Formulation[]; total: number }
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
  let docs: readonly PhraseDocument[] = [];
  let latestQueryId = -1;
  let latestCheckId = -1;
  let config: CheckConfig | null = null;
  // Built on first use after the index or the configuration changed.
  let checker: Checker | null = null;
  let library: FormulationLibrary | null = null;
  const metaOf = (d: number): CheckDocMeta => config?.meta[d] ?? { title: docs[d]?.title ?? '', year: null };
  const fail = (id: number, e: unknown) => post({ type: 'error', id, message: e instanceof Error ? e.message : String(e) });
  return (request) => {
    if (request.type === 'checkConfig') {
      config = request.config;
      checker = null;
      library = null;
      post({ type: 'checkConfigured', id: request.id });
      return;
    }
    if (request.type === 'check') {
      latestCheckId = Math.max(latestCheckId, request.id);
      schedule(() => {
        if (request.id !== latestCheckId) {
          post({ type: 'checked', id: request.id, findings: null, ms: 0 });
          return;
        }
        try {
          const t0 = performance.now();
          if (!index) {
            post({ type: 'checked', id: request.id, findings: [], ms: 0 });
            return;
          }
          const current = index;
          checker ??= createChecker(current, docs.map((_, d) => metaOf(d)), { rules: [...SHIPPED_TIMELINESS_RULES, ...(config?.officeRules ?? [])] });
          const findings = checker.check(request.text, { year: request.options.year, kinds: request.options.kinds, studyMaterial: config?.studyMaterial });
          post({ type: 'checked', id: request.id, findings, ms: performance.now() - t0 });
        } catch (e) {
          fail(request.id, e);
        }
      });
      return;
    }
    if (request.type === 'library') {
      try {
        library ??= new FormulationLibrary(docs.map((d, i) => ({ title: d.title, pack: d.pack, year: metaOf(i).year, text: d.text })));
        post({ type: 'library', id: request.id, formulations: library.search(request.query), total: library.formulations.length });
      } catch (e) {
        fail(request.id, e);
      }
      return;
    }
    if (request.type === 'build') {
      try {
        index = buildPhraseIndex(request.docs);
        docs = request.docs;
        checker = null;
        library = null;
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
