/**
 * The draft store: a thin zustand adapter over the page's DraftSync (src/storage/draftSync.ts), which owns
 * saving, snapshots, the edit lock and following other tabs. This module adds what only the page knows:
 * the settings (which draft was open last), load errors in the writer's words, and page-lifecycle events.
 */
import { useEffect, useState } from 'react';
import { create } from 'zustand';
import { systemClock } from '../storage/clock';
import { crossTab } from '../storage/crossTab';
import { openJianggaoDB } from '../storage/db';
import { DraftSync, type DraftContent, type DraftSyncState } from '../storage/draftSync';
import type { SnapshotRecord } from '../storage/records';
import { useSettings } from './settings';

export { DEFAULT_DRAFT_TITLE, REMOTE_REFRESH_THROTTLE_MS, type DraftContent, type DraftSummary } from '../storage/draftSync';
export { MAX_SNAPSHOT_NAME_CHARS, type DraftRecord, type SnapshotRecord } from '../storage/records';

interface DraftsState extends DraftSyncState {
  ready: boolean;
  loadError: string | null;

  init(): Promise<void>;
  refreshList(): Promise<void>;
  create(title?: string, content?: DraftContent): Promise<void>;
  open(id: string): Promise<void>;
  rename(id: string, title: string): Promise<void>;
  remove(id: string): Promise<void>;
  undoRemove(): Promise<void>;
  contentChanged(produce: () => DraftContent): boolean;
  takeSnapshot(name?: string): Promise<void>;
  renameSnapshot(id: string, name: string): Promise<void>;
  /** Resolves to the 「恢复前」 version kept, or null when nothing was restored. */
  restoreSnapshot(snapshot: SnapshotRecord): Promise<SnapshotRecord | null>;
  takeOver(): Promise<void>;
  flush(): Promise<void>;
  /** Synchronous stash + async write, for pagehide/beforeunload. */
  flushOnHide(): void;
  dismissRejected(): void;
}

const sync = new DraftSync({
  openDB: () => openJianggaoDB(),
  locks: globalThis.navigator?.locks ?? null,
  channel: crossTab,
  clock: systemClock,
  stash: typeof localStorage === 'undefined' ? undefined : localStorage,
  onOpened: (draftId) => useSettings.getState().set('lastDraftId', draftId),
});

export const useDrafts = create<DraftsState>(() => ({
  ...sync.getState(),
  ready: false,
  loadError: null,

  async init() {
    try {
      await useSettings.getState().load();
      await sync.start(useSettings.getState().lastDraftId);
    } catch (error) {
      useDrafts.setState({ loadError: `无法打开本地数据库：${(error as Error)?.message ?? error}。请关闭其他讲稿标签页后刷新。` });
    } finally {
      useDrafts.setState({ ready: true });
    }
  },
  refreshList: () => sync.refreshList(),
  create: (title, content) => sync.create(title, content),
  open: (id) => sync.open(id),
  rename: (id, title) => sync.rename(id, title),
  remove: (id) => sync.remove(id),
  undoRemove: () => sync.undoRemove(),
  contentChanged: (produce) => sync.contentChanged(produce),
  takeSnapshot: (name) => sync.takeSnapshot(name),
  renameSnapshot: (id, name) => sync.renameSnapshot(id, name),
  restoreSnapshot: (snapshot) => sync.restoreSnapshot(snapshot),
  takeOver: async () => sync.takeOver(),
  flush: () => sync.flush(),
  flushOnHide: () => sync.flushOnHide(),
  dismissRejected: () => sync.dismissRejected(),
}));

sync.subscribe((state) => useDrafts.setState(state));

/** The open draft's history, newest first, reloaded whenever a snapshot is written. */
export function useSnapshots(): SnapshotRecord[] {
  const draftId = useDrafts((s) => s.current?.id);
  const version = useDrafts((s) => s.snapshotsVersion);
  const [snapshots, setSnapshots] = useState<SnapshotRecord[]>([]);
  useEffect(() => {
    if (!draftId) return;
    let live = true;
    void sync.listSnapshots(draftId).then((list) => { if (live) setSnapshots(list); });
    return () => { live = false; };
  }, [draftId, version]);
  return snapshots;
}

/** Wires page-lifecycle events to the saver; call once at start-up. */
export function flushDraftsOnPageHide(target: Window): void {
  const flushOnHide = () => useDrafts.getState().flushOnHide();
  target.addEventListener('pagehide', flushOnHide);
  target.addEventListener('beforeunload', flushOnHide);
  target.document.addEventListener('visibilitychange', () => {
    if (target.document.visibilityState === 'hidden') flushOnHide();
  });
}
