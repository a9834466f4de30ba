/**
 * The proofreading checks of the open draft (提法, 时效, 引文) as a zustand store over the worker client and
 * src/storage/checks.ts: a check is asked CHECK_IDLE_MS after the last edit (never per keystroke, never on
 * the main thread), a superseded answer is dropped; findings dismissed with 「忽略」 are remembered per
 * draft; the office's own 时效 rules, the writer's phrases (我的提法) and starred formulations live here too.
 */
import { create } from 'zustand';
import { findingKey } from '../checks/checker';
import type { LibraryQuery } from '../checks/library';
import type { TimelinessRule } from '../checks/timeliness';
import type { CheckFinding, CheckKind } from '../checks/types';
import {
  readFavourites, readIgnoredFindings, readOfficeRules, readOwnPhrases, validateOfficeRules,
  writeFavourites, writeIgnoredFindings, writeOfficeRules, writeOwnPhrases,
} from '../storage/checks';
import { openJianggaoDB } from '../storage/db';
import { getPhraseClient, rebuild, usePhraseIndex } from './phraseIndex';

export { findingKey } from '../checks/checker';
export type { CheckFinding, CheckKind, DiffOp, QuotationVerdict } from '../checks/types';
export type { Formulation, LibraryQuery } from '../checks/library';
export type { TimelinessRule } from '../checks/timeliness';

/** Quiet time after the last edit before the draft is checked, in milliseconds. */
export const CHECK_IDLE_MS = 800;
/** The kinds the worker checks; 编号/占位 stay with the structure check of the panel. */
export const WORKER_CHECK_KINDS: readonly CheckKind[] = ['提法', '时效', '引文'];

export interface ChecksState {
  /** `waiting`: an edit is waiting for the pause; `checking`: the worker is on it. */
  phase: 'idle' | 'waiting' | 'checking' | 'ready' | 'error';
  draftId: string | null;
  /** The text the findings belong to (paragraphs joined by `\n`). */
  checkedText: string;
  findings: CheckFinding[];
  /** Keys (`findingKey`) the writer dismissed for `draftId`. */
  ignored: string[];
  /** Time the last check took in the worker (ms). */
  ms: number;
  error: string | null;
  officeRules: TimelinessRule[];
  ownPhrases: string[];
  favourites: string[];
}

export const useChecks = create<ChecksState>(() => ({
  phase: 'idle', draftId: null, checkedText: '', findings: [], ignored: [], ms: 0, error: null,
  officeRules: [], ownPhrases: [], favourites: [],
}));

/** Whether a finding counts as a problem (a quotation that matches its source is information only). */
export function isProblem(f: CheckFinding): boolean {
  return !(f.kind === '引文' && f.quotation?.status === '原文一致');
}

/** The findings not dismissed, in text order. */
export function visibleFindings(state: Pick<ChecksState, 'findings' | 'ignored'>): CheckFinding[] {
  const ignored = new Set(state.ignored);
  return state.findings.filter((f) => !ignored.has(findingKey(f)));
}

let timer: ReturnType<typeof setTimeout> | undefined;
let pendingText: (() => string) | null = null;
let loaded: Promise<void> | null = null;

/** Reads the office rules, own phrases and favourites once, and re-checks when the index is rebuilt. */
function ensureLoaded(): Promise<void> {
  loaded ??= (async () => {
    const db = await openJianggaoDB();
    const [officeRules, ownPhrases, favourites] = await Promise.all([readOfficeRules(db), readOwnPhrases(db), readFavourites(db)]);
    useChecks.setState({ officeRules, ownPhrases, favourites });
    usePhraseIndex.subscribe((now, before) => {
      if (now.phase === 'ready' && (before.phase !== 'ready' || now.docMeta !== before.docMeta)) {
        configure();
        recheck();
      }
    });
    if (usePhraseIndex.getState().phase === 'ready') configure();
  })();
  return loaded;
}

function configure(): void {
  const index = usePhraseIndex.getState();
  // The 学习材料 are index documents: the worker takes their texts from its index.
  getPhraseClient().configureChecks({ officeRules: useChecks.getState().officeRules, studyMaterial: [], studyDocIds: index.studyDocIds });
}

let lastDraft: { id: string; text: () => string } | null = null;

function recheck(): void {
  if (lastDraft) scheduleCheck(lastDraft.id, lastDraft.text, 0);
}

/**
 * Asks for a check of draft `draftId` once the writer has paused for `delayMs`; `text` is read only then.
 * A new call restarts the pause.
 */
export function scheduleCheck(draftId: string, text: () => string, delayMs = CHECK_IDLE_MS): void {
  lastDraft = { id: draftId, text };
  clearTimeout(timer);
  pendingText = text;
  const state = useChecks.getState();
  if (state.draftId !== draftId) {
    useChecks.setState({ draftId, findings: [], checkedText: '', ignored: [] });
    void openJianggaoDB().then((db) => readIgnoredFindings(db, draftId)).then((ignored) => {
      if (useChecks.getState().draftId === draftId) useChecks.setState({ ignored });
    });
  }
  useChecks.setState({ phase: 'waiting' });
  timer = setTimeout(() => void runCheck(draftId), delayMs);
}

async function runCheck(draftId: string): Promise<void> {
  const read = pendingText;
  if (!read) return;
  await ensureLoaded();
  if (usePhraseIndex.getState().phase !== 'ready') {
    useChecks.setState({ phase: 'idle' });
    return; // re-checked when the index is ready
  }
  const text = read();
  useChecks.setState({ phase: 'checking' });
  try {
    const result = await getPhraseClient().check(text, { year: new Date().getFullYear(), kinds: WORKER_CHECK_KINDS });
    if (!result || useChecks.getState().draftId !== draftId) return; // superseded
    useChecks.setState({ phase: 'ready', findings: result.findings, checkedText: text, ms: result.ms, error: null });
  } catch (error) {
    useChecks.setState({ phase: 'error', error: error instanceof Error ? error.message : String(error) });
  }
}

/** Stops waiting for a check (the editor closed). */
export function cancelCheck(): void {
  clearTimeout(timer);
  pendingText = null;
  lastDraft = null;
}

async function saveIgnored(draftId: string, ignored: string[]): Promise<void> {
  useChecks.setState({ ignored });
  await writeIgnoredFindings(await openJianggaoDB(), draftId, ignored);
}

/** 「忽略」: dismisses `finding` for the open draft, remembered across reloads. */
export async function ignoreFinding(finding: CheckFinding): Promise<void> {
  const { draftId, ignored } = useChecks.getState();
  if (!draftId) return;
  const key = findingKey(finding);
  if (!ignored.includes(key)) await saveIgnored(draftId, [...ignored, key]);
}

/** Brings back every dismissed finding of the open draft. */
export async function clearIgnored(): Promise<void> {
  const { draftId } = useChecks.getState();
  if (draftId) await saveIgnored(draftId, []);
}

/** A rule of the office: the old form, the current form (or advice) and why. */
export interface NewOfficeRule {
  old: string;
  current: string | null;
  advice?: string;
  reason: string;
}

/** Makes a full rule from the office's few fields (the citation is the office itself). */
export function officeRule(input: NewOfficeRule, now = new Date()): TimelinessRule {
  const old = input.old.trim();
  const current = input.current?.trim() || null;
  return {
    id: `office-${now.getTime().toString(36)}`,
    old,
    current,
    ...(current ? {} : { advice: input.advice?.trim() || '本单位规定不再使用此提法' }),
    since: String(now.getFullYear()),
    reason: input.reason.trim() || '本单位规定',
    citation: { file: '', title: '本单位规则', year: now.getFullYear(), quote: current ?? '' },
    examples: { fires: [old], quiet: [] },
  };
}

async function setOfficeRules(rules: TimelinessRule[]): Promise<void> {
  await writeOfficeRules(await openJianggaoDB(), rules);
  useChecks.setState({ officeRules: rules });
  configure();
  recheck();
}

/** Adds an office rule (throws a Chinese error when it is not sound; nothing is stored then). */
export async function addOfficeRule(input: NewOfficeRule): Promise<void> {
  await ensureLoaded();
  const rule = officeRule(input);
  if (rule.old.length < 2) throw new Error('旧提法至少两个字');
  await setOfficeRules([...useChecks.getState().officeRules, rule]);
}

export async function removeOfficeRule(id: string): Promise<void> {
  await ensureLoaded();
  await setOfficeRules(useChecks.getState().officeRules.filter((r) => r.id !== id));
}

/**
 * The office rules as a section of an exported pack (the team pack of issue 17, or any file that carries
 * sections): `export` gives the rules as stored, `import` validates a section's value and adds the rules
 * not already present (same id), returning how many it added.
 */
export function officeRulesSection() {
  return {
    id: 'officeRules',
    label: '本单位时效规则',
    async export(): Promise<TimelinessRule[]> {
      await ensureLoaded();
      return useChecks.getState().officeRules;
    },
    async import(value: unknown): Promise<number> {
      const checked = validateOfficeRules(value);
      if (!checked.ok) throw new Error(`本单位时效规则无法导入：${checked.reason}`);
      await ensureLoaded();
      const have = useChecks.getState().officeRules;
      const added = checked.value.filter((r) => !have.some((h) => h.id === r.id));
      if (added.length) await setOfficeRules([...have, ...added]);
      return added.length;
    },
  };
}

/** 我的提法: adds a phrase (trimmed, at least two characters) and rebuilds the index so it feeds the suggestions. */
export async function addOwnPhrase(phrase: string): Promise<void> {
  await ensureLoaded();
  const p = phrase.trim();
  if (p.length < 2) throw new Error('提法至少两个字');
  const { ownPhrases } = useChecks.getState();
  if (ownPhrases.includes(p)) return;
  const next = [p, ...ownPhrases];
  await writeOwnPhrases(await openJianggaoDB(), next);
  useChecks.setState({ ownPhrases: next });
  void rebuild();
}

export async function removeOwnPhrase(phrase: string): Promise<void> {
  await ensureLoaded();
  const next = useChecks.getState().ownPhrases.filter((p) => p !== phrase);
  await writeOwnPhrases(await openJianggaoDB(), next);
  useChecks.setState({ ownPhrases: next });
  void rebuild();
}

/** Stars or unstars a formulation of the 提法库. */
export async function toggleFavourite(text: string): Promise<void> {
  await ensureLoaded();
  const { favourites } = useChecks.getState();
  const next = favourites.includes(text) ? favourites.filter((t) => t !== text) : [text, ...favourites];
  await writeFavourites(await openJianggaoDB(), next);
  useChecks.setState({ favourites: next });
}

/** Loads the stored lists (for the 提法库 panel opened before any check). */
export function loadChecks(): Promise<void> {
  return ensureLoaded();
}

/** The 提法库's formulations for `query`, from the worker (empty until the index is ready). */
export async function searchLibrary(query: LibraryQuery) {
  if (usePhraseIndex.getState().phase !== 'ready') return { formulations: [], total: 0 };
  return getPhraseClient().library(query);
}
