/**
 * The draft store: which drafts exist, which one is open (and whether this tab may edit it), how saving
 * goes, and what went wrong on load. It decides *what* is stored; the DraftSaver decides *when*. The
 * editor reports changes through `contentChanged`, handing a producer so nothing is serialised per key.
 *
 * `revision` changes whenever the open draft's content is replaced from outside the editor (a restore,
 * another tab's edit shown read-only); the editor remounts on it.
 */
import { create } from 'zustand';
import { openJianggaoDB } from '../storage/db';
import { deleteDraft, getDraft, listDrafts, newDraftRecord, putDraft } from '../storage/drafts';
import { DraftSaver, readUnsavedStash, UNSAVED_STASH_KEY, type SaveStatus } from '../storage/draftSaver';
import { validateDraft, type DocJSON, type DraftRecord, type SnapshotRecord } from '../storage/records';
import { addSnapshot, AUTO_SNAPSHOT_INTERVAL_MS, deleteSnapshotsOf, maybeAutoSnapshot, snapshotOf } from '../storage/snapshots';
import type { Rejected } from '../storage/quarantine';
import { lockDraftWithin, tryLockDraft, waitForDraftLock, type DraftLock } from './draftLock';
import { useSettings } from './settings';
import { announceDraftsChanged, askOtherTabToRelease, onOtherTabMessage } from './tabs';

export const DEFAULT_DRAFT_TITLE = '未命名讲稿';
/** How often, at most, this tab re-reads drafts that another tab is changing. */
export const REMOTE_REFRESH_THROTTLE_MS = 1000;
/**
 * On load, how long the last draft's lock may take to come free: after a reload the old page lets go a
 * moment after the new one asks. A draft open in another tab is shown read-only after this long.
 */
const RELOAD_LOCK_GRACE_MS = 1500;

/** Runs `task` at once, then at most once per `intervalMs`, always once more after the last request. */
function throttled(intervalMs: number, task: () => Promise<void>): { request(): void } {
  let running = false;
  let again = false;
  const run = async () => {
    running = true;
    try {
      await task();
    } finally {
      setTimeout(() => {
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

export interface DraftSummary { id: string; title: string; updatedAt: number; chars: number }

export interface DraftContent { doc: DocJSON; text: string }

interface DraftsState {
  ready: boolean;
  drafts: DraftSummary[];
  /** The open draft as loaded; the editor owns its live content. */
  current: DraftRecord | null;
  revision: number;
  /** False while another tab edits the open draft. */
  editable: boolean;
  save: SaveStatus;
  /** Records that failed validation at load (quarantined), shown once to the writer. */
  rejected: Rejected[];
  loadError: string | null;
  /** The last deleted draft, kept for 撤销. */
  lastDeleted: DraftRecord | null;
  /** Bumped after every snapshot written, so that the history panel reloads. */
  snapshotsVersion: number;

  init(): Promise<void>;
  refreshList(): Promise<void>;
  create(title?: string, content?: DraftContent): Promise<void>;
  open(id: string): Promise<void>;
  rename(id: string, title: string): Promise<void>;
  remove(id: string): Promise<void>;
  undoRemove(): Promise<void>;
  contentChanged(produce: () => DraftContent): void;
  takeSnapshot(): Promise<void>;
  restoreSnapshot(snapshot: SnapshotRecord): Promise<void>;
  takeOver(): Promise<void>;
  flush(): Promise<void>;
  /** Synchronous stash + async write, for pagehide/beforeunload. */
  flushOnHide(): void;
  dismissRejected(): void;
}

const summarise = (d: DraftRecord): DraftSummary => ({ id: d.id, title: d.title, updatedAt: d.updatedAt, chars: d.text.replace(/\s/g, '').length });

const localStash = (): Storage | undefined => (typeof localStorage === 'undefined' ? undefined : localStorage);

export const useDrafts = create<DraftsState>((set, get) => {
  let lock: DraftLock | null = null;

  const saver = new DraftSaver({
    async write(draft) {
      const db = await openJianggaoDB();
      await putDraft(db, draft);
      set((s) => ({
        drafts: s.drafts.some((d) => d.id === draft.id)
          ? s.drafts.map((d) => (d.id === draft.id ? summarise(draft) : d)).sort((a, b) => b.updatedAt - a.updatedAt)
          : [summarise(draft), ...s.drafts],
        current: s.current?.id === draft.id ? draft : s.current,
      }));
      announceDraftsChanged(draft.id);
      await snapshotIfDue(draft);
    },
    onStatus: (save) => set({ save }),
    stash: localStash(),
  });

  /** Newest snapshot time per draft, so that saves while typing do not read the history every time. */
  const newestSnapshotAt = new Map<string, number>();

  /** History must never cost the draft itself: a failed snapshot is simply tried again on a later save. */
  async function snapshotIfDue(draft: DraftRecord): Promise<void> {
    const known = newestSnapshotAt.get(draft.id);
    if (known !== undefined && draft.updatedAt - known < AUTO_SNAPSHOT_INTERVAL_MS) return;
    try {
      const { taken, newestAt } = await maybeAutoSnapshot(await openJianggaoDB(), draft);
      newestSnapshotAt.set(draft.id, newestAt);
      if (taken) set((s) => ({ snapshotsVersion: s.snapshotsVersion + 1 }));
    } catch {
      newestSnapshotAt.delete(draft.id);
    }
  }

  async function replayUnloadStash(): Promise<void> {
    const storage = localStash();
    if (!storage) return;
    const stashed = validateDraft(readUnsavedStash(storage));
    if (stashed.ok) {
      const db = await openJianggaoDB();
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
  async function show(draft: DraftRecord, lockGraceMs = 0): Promise<void> {
    lock?.release();
    lock = await tryLockDraft(draft.id);
    if (!lock && lockGraceMs > 0) {
      lock = await lockDraftWithin(draft.id, lockGraceMs);
      // The page that held the lock wrote its last keystrokes while we waited (or stashed them on unload).
      if (lock) draft = (await latestOnDisk(draft.id)) ?? draft;
    }
    set((s) => ({ current: draft, revision: s.revision + 1, editable: lock !== null }));
    useSettings.getState().set('lastDraftId', draft.id);
    if (!lock) waitInLineFor(draft.id);
  }

  function waitInLineFor(draftId: string): void {
    void waitForDraftLock(draftId).then(async (granted) => {
      if (get().current?.id !== draftId || lock) {
        granted.release();
        return;
      }
      lock = granted;
      await replayUnloadStash();
      await reloadCurrentFromDisk();
      set({ editable: true });
    });
  }

  /** The draft as stored, after replaying what a page that has just closed stashed on its way out. */
  async function latestOnDisk(id: string): Promise<DraftRecord | undefined> {
    await replayUnloadStash();
    return getDraft(await openJianggaoDB(), id);
  }

  async function reloadCurrentFromDisk(): Promise<void> {
    const id = get().current?.id;
    if (!id) return;
    const fresh = await getDraft(await openJianggaoDB(), id);
    const shown = get().current;
    // Unchanged on disk: the editor stays mounted, and the writer's caret with it.
    if (!fresh || shown?.id !== id || fresh.updatedAt === shown.updatedAt) return;
    set((s) => ({ current: fresh, revision: s.revision + 1 }));
  }

  /**
   * Another tab saves while its writer types (every few hundred ms): this tab re-reads its list, and the
   * open draft when it only follows along, at most once per REMOTE_REFRESH_THROTTLE_MS.
   */
  const followOtherTab = throttled(REMOTE_REFRESH_THROTTLE_MS, async () => {
    await get().refreshList();
    if (!get().editable) await reloadCurrentFromDisk();
  });

  onOtherTabMessage(async (message) => {
    const current = get().current;
    if (message.type === 'release-request' && current?.id === message.draftId && lock) {
      await saver.flush();
      set({ editable: false });
      lock.release();
      lock = null;
      waitInLineFor(message.draftId);
      return;
    }
    if (message.type === 'drafts-changed') followOtherTab.request();
  });

  return {
    ready: false,
    drafts: [],
    current: null,
    revision: 0,
    editable: true,
    save: { state: 'saved', error: null, savedAt: null },
    rejected: [],
    loadError: null,
    lastDeleted: null,
    snapshotsVersion: 0,

    async init() {
      try {
        await replayUnloadStash();
        await useSettings.getState().load();
        const db = await openJianggaoDB();
        const { values, rejected } = await listDrafts(db);
        set({ drafts: values.map(summarise), rejected });
        const lastId = useSettings.getState().lastDraftId;
        const toOpen = values.find((d) => d.id === lastId) ?? values[0];
        if (toOpen) await show(toOpen, RELOAD_LOCK_GRACE_MS);
        else await get().create();
      } catch (error) {
        set({ loadError: `无法打开本地数据库：${(error as Error)?.message ?? error}。请关闭其他讲稿标签页后刷新。` });
      } finally {
        set({ ready: true });
      }
    },

    async refreshList() {
      const db = await openJianggaoDB();
      const { values, rejected } = await listDrafts(db);
      set((s) => ({ drafts: values.map(summarise), rejected: rejected.length ? [...s.rejected, ...rejected] : s.rejected }));
    },

    async create(title = DEFAULT_DRAFT_TITLE, content) {
      await saver.flush();
      const draft = newDraftRecord(title, Date.now(), content?.doc, content?.text);
      await putDraft(await openJianggaoDB(), draft);
      set((s) => ({ drafts: [summarise(draft), ...s.drafts] }));
      await show(draft);
      announceDraftsChanged(draft.id);
    },

    async open(id) {
      if (get().current?.id === id) return;
      await saver.flush();
      const draft = await getDraft(await openJianggaoDB(), id);
      if (draft) await show(draft);
      else await get().refreshList();
    },

    async rename(id, title) {
      const clean = title.trim() || DEFAULT_DRAFT_TITLE;
      if (get().current?.id === id) await saver.flush();
      const db = await openJianggaoDB();
      const draft = await getDraft(db, id);
      if (!draft) return;
      const renamed = { ...draft, title: clean, updatedAt: Date.now() };
      await putDraft(db, renamed);
      set((s) => ({
        drafts: s.drafts.map((d) => (d.id === id ? summarise(renamed) : d)).sort((a, b) => b.updatedAt - a.updatedAt),
        current: s.current?.id === id ? renamed : s.current,
      }));
      announceDraftsChanged(id);
    },

    async remove(id) {
      const db = await openJianggaoDB();
      if (get().current?.id === id) await saver.flush();
      const draft = await getDraft(db, id);
      if (!draft) return;
      await deleteDraft(db, id);
      const previous = get().lastDeleted;
      if (previous) await deleteSnapshotsOf(db, previous.id);
      const drafts = get().drafts.filter((d) => d.id !== id);
      set({ drafts, lastDeleted: draft });
      announceDraftsChanged(id);
      if (get().current?.id === id) {
        if (drafts[0]) await get().open(drafts[0].id);
        else await get().create();
      }
    },

    async undoRemove() {
      const draft = get().lastDeleted;
      if (!draft) return;
      await saver.flush();
      await putDraft(await openJianggaoDB(), draft);
      set((s) => ({ lastDeleted: null, drafts: [summarise(draft), ...s.drafts].sort((a, b) => b.updatedAt - a.updatedAt) }));
      await show(draft);
      announceDraftsChanged(draft.id);
    },

    contentChanged(produce) {
      const base = get().current;
      if (!base || !get().editable) return;
      saver.schedule(() => ({ ...base, ...produce(), title: get().current?.title ?? base.title, updatedAt: Date.now() }));
    },

    async takeSnapshot() {
      await saver.flush();
      const current = get().current;
      if (!current) return;
      const snapshot = snapshotOf(current, 'manual');
      await addSnapshot(await openJianggaoDB(), snapshot);
      newestSnapshotAt.set(current.id, snapshot.createdAt);
      set((s) => ({ snapshotsVersion: s.snapshotsVersion + 1 }));
    },

    async restoreSnapshot(snapshot) {
      await saver.flush();
      const current = get().current;
      if (!current || current.id !== snapshot.draftId || !get().editable) return;
      const db = await openJianggaoDB();
      await addSnapshot(db, snapshotOf(current, 'before-restore'));
      const restored: DraftRecord = { ...current, doc: snapshot.doc, text: snapshot.text, updatedAt: Date.now() };
      await putDraft(db, restored);
      set((s) => ({ current: restored, revision: s.revision + 1, snapshotsVersion: s.snapshotsVersion + 1, drafts: s.drafts.map((d) => (d.id === restored.id ? summarise(restored) : d)) }));
      announceDraftsChanged(restored.id);
    },

    async takeOver() {
      const id = get().current?.id;
      if (id && !get().editable) askOtherTabToRelease(id);
    },

    flush: () => saver.flush(),
    flushOnHide: () => saver.flushOnHide(),
    dismissRejected: () => set({ rejected: [] }),
  };
});

/** Wires page-lifecycle events to the saver; call once at start-up. */
export function flushDraftsOnPageHide(target: Window): void {
  const flushOnHide = () => useDrafts.getState().flushOnHide();
  target.addEventListener('pagehide', flushOnHide);
  target.addEventListener('beforeunload', flushOnHide);
  target.document.addEventListener('visibilitychange', () => {
    if (target.document.visibilityState === 'hidden') flushOnHide();
  });
}
