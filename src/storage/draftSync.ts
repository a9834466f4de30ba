/**
 * The one owner of a draft's persistence (modelled on tldraw's TLLocalSyncClient): which drafts exist and
 * their summaries, the open draft, throttled saving with retries (DraftSaver), the unload stash and its
 * replay, history snapshots, the per-draft edit lock and its hand-over between tabs, and following a draft
 * that another tab edits. The database, lock manager, cross-tab channel, clock and stash storage are passed
 * in, so that all of it runs in Node tests. It decides *what* is stored; the DraftSaver decides *when*.
 *
 * `revision` changes whenever the open draft's content is replaced from outside the editor (a restore,
 * another tab's edit shown read-only); the editor remounts on it.
 */
import type { Clock } from './clock';
import type { CrossTab } from './crossTab';
import type { JianggaoDB } from './db';
import { DraftLocks, type DraftLock, type LockManagerLike } from './draftLock';
import { DraftSaver, readUnsavedStash, UNSAVED_STASH_KEY, type SaveStatus } from './draftSaver';
import { deleteDraft, getDraft, listDrafts, newDraftRecord, putDraft } from './drafts';
import type { Rejected } from './quarantine';
import { validateDraft, type DocJSON, type DraftRecord, type SnapshotRecord } from './records';
import { addSnapshot, AUTO_SNAPSHOT_INTERVAL_MS, deleteSnapshotsOf, listSnapshots, maybeAutoSnapshot, renameSnapshot, snapshotOf } from './snapshots';

export const DEFAULT_DRAFT_TITLE = '未命名讲稿';
/** How often, at most, this tab re-reads drafts that another tab is changing. */
export const REMOTE_REFRESH_THROTTLE_MS = 1000;
/**
 * On load, how long the last draft's lock may take to come free: after a reload the old page lets go a
 * moment after the new one asks. A draft open in another tab is shown read-only after this long.
 */
export const RELOAD_LOCK_GRACE_MS = 1500;

export interface DraftSummary { id: string; title: string; updatedAt: number; chars: number }

export interface DraftContent { doc: DocJSON; text: string }

export interface DraftSyncState {
  drafts: DraftSummary[];
  /** The open draft as loaded; the editor owns its live content. */
  current: DraftRecord | null;
  revision: number;
  /** False while another tab edits the open draft. */
  editable: boolean;
  save: SaveStatus;
  /** Records that failed validation at load (quarantined), shown once to the writer. */
  rejected: Rejected[];
  /** The last deleted draft, kept for 撤销. */
  lastDeleted: DraftRecord | null;
  /** Bumped after every snapshot written, so that the history panel reloads. */
  snapshotsVersion: number;
}

export interface DraftSyncOptions {
  openDB(): Promise<JianggaoDB>;
  /** `navigator.locks`; null where Web Locks are missing (every tab edits). */
  locks: LockManagerLike | null;
  channel: CrossTab;
  clock: Clock;
  /** Synchronous storage for the unload stash (localStorage); omitted where there is none. */
  stash?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  /** Told the id of every draft shown, so that the next start opens it again. */
  onOpened?(draftId: string): void;
}

const summarise = (d: DraftRecord): DraftSummary => ({ id: d.id, title: d.title, updatedAt: d.updatedAt, chars: d.text.replace(/\s/g, '').length });

/** The list with `draft`'s summary put in (or replaced), newest first: the one place summaries change. */
function withSummary(drafts: readonly DraftSummary[], draft: DraftRecord): DraftSummary[] {
  return [summarise(draft), ...drafts.filter((d) => d.id !== draft.id)].sort((a, b) => b.updatedAt - a.updatedAt);
}

/** Runs `task` at once, then at most once per `intervalMs`, always once more after the last request. */
function throttled(clock: Clock, intervalMs: number, task: () => Promise<void>): { request(): void } {
  let running = false;
  let again = false;
  const run = async () => {
    running = true;
    try {
      await task();
    } finally {
      clock.setTimeout(() => {
        running = false;
        if (again) {
          again = false;
          void run();
        }
      }, intervalMs);
    }
  };
  return {
    request() {
      if (running) again = true;
      else void run();
    },
  };
}

export class DraftSync {
  private state: DraftSyncState = {
    drafts: [], current: null, revision: 0, editable: true,
    save: { state: 'saved', error: null, savedAt: null }, rejected: [], lastDeleted: null, snapshotsVersion: 0,
  };
  private readonly listeners = new Set<(state: DraftSyncState) => void>();
  private readonly saver: DraftSaver;
  private readonly locks: DraftLocks;
  private lock: DraftLock | null = null;
  /** Newest snapshot time per draft, so that saves while typing do not read the history every time. */
  private readonly newestSnapshotAt = new Map<string, number>();
  private readonly followOtherTab: { request(): void };
  private readonly stopListening: () => void;

  constructor(private readonly options: DraftSyncOptions) {
    this.locks = new DraftLocks(options.locks, options.clock);
    this.saver = new DraftSaver({
      write: (draft) => this.write(draft),
      onStatus: (save) => this.update({ save }),
      stash: options.stash,
      clock: options.clock,
    });
    /*
     * Another tab saves while its writer types (every few hundred ms): this tab re-reads its list, and the
     * open draft when it only follows along, at most once per REMOTE_REFRESH_THROTTLE_MS.
     */
    this.followOtherTab = throttled(options.clock, REMOTE_REFRESH_THROTTLE_MS, async () => {
      await this.refreshList();
      if (!this.state.editable) await this.reloadCurrentFromDisk();
    });
    this.stopListening = options.channel.listen((message) => {
      if (message.type === 'release-request') void this.yieldTo(message.draftId);
      if (message.type === 'drafts-changed') this.followOtherTab.request();
    });
  }

  getState(): DraftSyncState {
    return this.state;
  }

  /** Calls `listener` after every change of state; returns an unsubscribe function. */
  subscribe(listener: (state: DraftSyncState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private update(patch: Partial<DraftSyncState> | ((s: DraftSyncState) => Partial<DraftSyncState>)): void {
    this.state = { ...this.state, ...(typeof patch === 'function' ? patch(this.state) : patch) };
    for (const listener of this.listeners) listener(this.state);
  }

  private announce(draftId: string): void {
    this.options.channel.post({ type: 'drafts-changed', draftId });
  }

  /** Replays the unload stash, lists the drafts, opens `lastDraftId` (or the newest, or a new one). */
  async start(lastDraftId: string | null): Promise<void> {
    await this.replayUnloadStash();
    const { values, rejected } = await listDrafts(await this.options.openDB());
    this.update({ drafts: values.map(summarise), rejected });
    const toOpen = values.find((d) => d.id === lastDraftId) ?? values[0];
    if (toOpen) await this.show(toOpen, RELOAD_LOCK_GRACE_MS);
    else await this.create();
  }

  /** Stops hearing other tabs and lets go of the edit lock (for tests; a page simply closes). */
  dispose(): void {
    this.stopListening();
    this.lock?.release();
    this.lock = null;
  }

  private async write(draft: DraftRecord): Promise<void> {
    await putDraft(await this.options.openDB(), draft);
    this.update((s) => ({
      drafts: withSummary(s.drafts, draft),
      current: s.current?.id === draft.id ? draft : s.current,
    }));
    this.announce(draft.id);
    await this.snapshotIfDue(draft);
  }

  /** History must never cost the draft itself: a failed snapshot is simply tried again on a later save. */
  private async snapshotIfDue(draft: DraftRecord): Promise<void> {
    const known = this.newestSnapshotAt.get(draft.id);
    if (known !== undefined && draft.updatedAt - known < AUTO_SNAPSHOT_INTERVAL_MS) return;
    try {
      const { taken, newestAt } = await maybeAutoSnapshot(await this.options.openDB(), draft, this.options.clock.now());
      this.newestSnapshotAt.set(draft.id, newestAt);
      if (taken) this.update((s) => ({ snapshotsVersion: s.snapshotsVersion + 1 }));
    } catch {
      this.newestSnapshotAt.delete(draft.id);
    }
  }

  /** Writes what a page that closed stashed on its way out, unless the database already holds newer. */
  private async replayUnloadStash(): Promise<void> {
    const storage = this.options.stash;
    if (!storage) return;
    const stashed = validateDraft(readUnsavedStash(storage));
    if (stashed.ok) {
      const db = await this.options.openDB();
      const stored = await getDraft(db, stashed.value.id);
      if (!stored || stored.updatedAt <= stashed.value.updatedAt) await putDraft(db, stashed.value);
    }
    storage.removeItem(UNSAVED_STASH_KEY);
  }

  /**
   * Makes `draft` the open one, taking the edit lock if no other tab holds it. Otherwise the draft is
   * shown read-only and a request for the lock waits in line: when the other tab closes or lets go
   * (see takeOver), this tab reloads the latest text and becomes the editor.
   */
  private async show(draft: DraftRecord, lockGraceMs = 0): Promise<void> {
    this.lock?.release();
    this.lock = await this.locks.tryLock(draft.id);
    if (!this.lock && lockGraceMs > 0) {
      this.lock = await this.locks.lockWithin(draft.id, lockGraceMs);
      // The page that held the lock wrote its last keystrokes while we waited (or stashed them on unload).
      if (this.lock) draft = (await this.latestOnDisk(draft.id)) ?? draft;
    }
    this.update((s) => ({ current: draft, revision: s.revision + 1, editable: this.lock !== null }));
    this.options.onOpened?.(draft.id);
    if (!this.lock) this.waitInLineFor(draft.id);
  }

  private waitInLineFor(draftId: string): void {
    void this.locks.waitFor(draftId).then(async (granted) => {
      if (this.state.current?.id !== draftId || this.lock) {
        granted.release();
        return;
      }
      this.lock = granted;
      await this.replayUnloadStash();
      await this.reloadCurrentFromDisk();
      this.update({ editable: true });
    });
  }

  /** Another tab asked for the open draft (its 「在此页编辑」): save, turn read-only, let go, wait in line. */
  private async yieldTo(draftId: string): Promise<void> {
    if (this.state.current?.id !== draftId || !this.lock) return;
    await this.saver.flush();
    this.update({ editable: false });
    this.lock?.release();
    this.lock = null;
    this.waitInLineFor(draftId);
  }

  /** The draft as stored, after replaying what a page that has just closed stashed on its way out. */
  private async latestOnDisk(id: string): Promise<DraftRecord | undefined> {
    await this.replayUnloadStash();
    return getDraft(await this.options.openDB(), id);
  }

  private async reloadCurrentFromDisk(): Promise<void> {
    const id = this.state.current?.id;
    if (!id) return;
    const fresh = await getDraft(await this.options.openDB(), id);
    const shown = this.state.current;
    // Unchanged on disk: the editor stays mounted, and the writer's caret with it.
    if (!fresh || shown?.id !== id || fresh.updatedAt === shown.updatedAt) return;
    this.update((s) => ({ current: fresh, revision: s.revision + 1 }));
  }

  async refreshList(): Promise<void> {
    const { values, rejected } = await listDrafts(await this.options.openDB());
    this.update((s) => ({ drafts: values.map(summarise), rejected: rejected.length ? [...s.rejected, ...rejected] : s.rejected }));
  }

  async create(title = DEFAULT_DRAFT_TITLE, content?: DraftContent): Promise<void> {
    await this.saver.flush();
    const draft = newDraftRecord(title, this.options.clock.now(), content?.doc, content?.text);
    await putDraft(await this.options.openDB(), draft);
    this.update((s) => ({ drafts: withSummary(s.drafts, draft) }));
    await this.show(draft);
    this.announce(draft.id);
  }

  async open(id: string): Promise<void> {
    if (this.state.current?.id === id) return;
    await this.saver.flush();
    const draft = await getDraft(await this.options.openDB(), id);
    if (draft) await this.show(draft);
    else await this.refreshList();
  }

  async rename(id: string, title: string): Promise<void> {
    const clean = title.trim() || DEFAULT_DRAFT_TITLE;
    if (this.state.current?.id === id) await this.saver.flush();
    const db = await this.options.openDB();
    const draft = await getDraft(db, id);
    if (!draft) return;
    const renamed = { ...draft, title: clean, updatedAt: this.options.clock.now() };
    await putDraft(db, renamed);
    this.update((s) => ({
      drafts: withSummary(s.drafts, renamed),
      current: s.current?.id === id ? renamed : s.current,
    }));
    this.announce(id);
  }

  async remove(id: string): Promise<void> {
    const db = await this.options.openDB();
    if (this.state.current?.id === id) await this.saver.flush();
    const draft = await getDraft(db, id);
    if (!draft) return;
    await deleteDraft(db, id);
    const previous = this.state.lastDeleted;
    if (previous) await deleteSnapshotsOf(db, previous.id);
    const drafts = this.state.drafts.filter((d) => d.id !== id);
    this.update({ drafts, lastDeleted: draft });
    this.announce(id);
    if (this.state.current?.id === id) {
      if (drafts[0]) await this.open(drafts[0].id);
      else await this.create();
    }
  }

  async undoRemove(): Promise<void> {
    const draft = this.state.lastDeleted;
    if (!draft) return;
    await this.saver.flush();
    await putDraft(await this.options.openDB(), draft);
    this.update((s) => ({ lastDeleted: null, drafts: withSummary(s.drafts, draft) }));
    await this.show(draft);
    this.announce(draft.id);
  }

  /**
   * The editor's change: `produce` is called only when the save runs, so nothing is serialised per key.
   * Refused (false) while another tab edits the draft: a following tab never writes, not even later.
   */
  contentChanged(produce: () => DraftContent): boolean {
    const base = this.state.current;
    if (!base || !this.state.editable) return false;
    this.saver.schedule(() => ({ ...base, ...produce(), title: this.state.current?.title ?? base.title, updatedAt: this.options.clock.now() }));
    return true;
  }

  /** The open draft's history, newest first. */
  async listSnapshots(draftId: string): Promise<SnapshotRecord[]> {
    return listSnapshots(await this.options.openDB(), draftId);
  }

  /** 保存版本, with the writer's name for it if given (初稿, 修改稿). */
  async takeSnapshot(name?: string): Promise<void> {
    await this.saver.flush();
    const current = this.state.current;
    if (!current) return;
    const snapshot = snapshotOf(current, 'manual', this.options.clock.now(), name);
    await addSnapshot(await this.options.openDB(), snapshot);
    this.newestSnapshotAt.set(current.id, snapshot.createdAt);
    this.update((s) => ({ snapshotsVersion: s.snapshotsVersion + 1 }));
  }

  async renameSnapshot(id: string, name: string): Promise<void> {
    if (await renameSnapshot(await this.options.openDB(), id, name)) this.update((s) => ({ snapshotsVersion: s.snapshotsVersion + 1 }));
  }

  /**
   * Replaces the open draft's content with `snapshot`'s, after keeping the current content as a 「恢复前」
   * version; returns that version (null when nothing was restored: another draft, or read-only).
   */
  async restoreSnapshot(snapshot: SnapshotRecord): Promise<SnapshotRecord | null> {
    await this.saver.flush();
    const current = this.state.current;
    if (!current || current.id !== snapshot.draftId || !this.state.editable) return null;
    const db = await this.options.openDB();
    const now = this.options.clock.now();
    const kept = snapshotOf(current, 'before-restore', now);
    await addSnapshot(db, kept);
    const restored: DraftRecord = { ...current, doc: snapshot.doc, text: snapshot.text, updatedAt: now };
    await putDraft(db, restored);
    this.update((s) => ({
      current: restored, revision: s.revision + 1, snapshotsVersion: s.snapshotsVersion + 1, drafts: withSummary(s.drafts, restored),
    }));
    this.announce(restored.id);
    return kept;
  }

  /** 「在此页编辑」: asks the tab editing the open draft to save and let go; this tab's place in line does the rest. */
  takeOver(): void {
    const id = this.state.current?.id;
    if (id && !this.state.editable) this.options.channel.post({ type: 'release-request', draftId: id });
  }

  flush(): Promise<void> {
    return this.saver.flush();
  }

  /** Synchronous stash + async write, for pagehide/beforeunload. */
  flushOnHide(): void {
    this.saver.flushOnHide();
  }

  dismissRejected(): void {
    this.update({ rejected: [] });
  }
}
