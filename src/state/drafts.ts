/**
 * The draft store: which drafts exist, which one is open, how saving goes, and what went wrong on load.
 * It decides *what* is stored; the DraftSaver decides *when*. The editor reports changes through
 * `contentChanged`, handing a producer so that nothing is serialised per keystroke.
 */
import { create } from 'zustand';
import { openJianggaoDB } from '../storage/db';
import { deleteDraft, getDraft, listDrafts, newDraftRecord, putDraft } from '../storage/drafts';
import { DraftSaver, readUnsavedStash, UNSAVED_STASH_KEY, type SaveStatus } from '../storage/draftSaver';
import { validateDraft, type DocJSON, type DraftRecord } from '../storage/records';
import type { Rejected } from '../storage/quarantine';
import { useSettings } from './settings';
import { announceDraftsChanged } from './tabs';

export const DEFAULT_DRAFT_TITLE = '未命名讲稿';

export interface DraftSummary { id: string; title: string; updatedAt: number; chars: number }

export interface DraftContent { doc: DocJSON; text: string }

interface DraftsState {
  ready: boolean;
  drafts: DraftSummary[];
  /** The open draft as loaded; the editor owns its live content. */
  current: DraftRecord | null;
  save: SaveStatus;
  /** Records that failed validation at load (quarantined), shown once to the writer. */
  rejected: Rejected[];
  loadError: string | null;
  /** The last deleted draft, kept for 撤销. */
  lastDeleted: DraftRecord | null;

  init(): Promise<void>;
  refreshList(): Promise<void>;
  create(title?: string, content?: DraftContent): Promise<void>;
  open(id: string): Promise<void>;
  rename(id: string, title: string): Promise<void>;
  remove(id: string): Promise<void>;
  undoRemove(): Promise<void>;
  contentChanged(produce: () => DraftContent): void;
  flush(): Promise<void>;
  /** Synchronous stash + async write, for pagehide/beforeunload. */
  flushOnHide(): void;
  dismissRejected(): void;
}

const summarise = (d: DraftRecord): DraftSummary => ({ id: d.id, title: d.title, updatedAt: d.updatedAt, chars: d.text.replace(/\s/g, '').length });

const localStash = (): Storage | undefined => (typeof localStorage === 'undefined' ? undefined : localStorage);

export const useDrafts = create<DraftsState>((set, get) => {
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
    },
    onStatus: (save) => set({ save }),
    stash: localStash(),
  });

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

  return {
    ready: false,
    drafts: [],
    current: null,
    save: { state: 'saved', error: null, savedAt: null },
    rejected: [],
    loadError: null,
    lastDeleted: null,

    async init() {
      try {
        await replayUnloadStash();
        await useSettings.getState().load();
        const db = await openJianggaoDB();
        const { values, rejected } = await listDrafts(db);
        set({ drafts: values.map(summarise), rejected });
        const lastId = useSettings.getState().lastDraftId;
        const toOpen = values.find((d) => d.id === lastId) ?? values[0];
        if (toOpen) set({ current: toOpen });
        else await get().create();
      } catch (error) {
        set({ loadError: `无法打开本地数据库：${(error as Error)?.message ?? error}。稿件仍可编辑，但暂时无法保存。` });
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
      const db = await openJianggaoDB();
      await putDraft(db, draft);
      set((s) => ({ drafts: [summarise(draft), ...s.drafts], current: draft }));
      useSettings.getState().set('lastDraftId', draft.id);
      announceDraftsChanged(draft.id);
    },

    async open(id) {
      if (get().current?.id === id) return;
      await saver.flush();
      const db = await openJianggaoDB();
      const draft = await getDraft(db, id);
      if (!draft) {
        await get().refreshList();
        return;
      }
      set({ current: draft });
      useSettings.getState().set('lastDraftId', id);
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
        drafts: s.drafts.map((d) => (d.id === id ? summarise(renamed) : d)),
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
      const drafts = get().drafts.filter((d) => d.id !== id);
      set({ drafts, lastDeleted: draft });
      announceDraftsChanged(id);
      if (get().current?.id === id) {
        set({ current: null });
        if (drafts[0]) await get().open(drafts[0].id);
        else await get().create();
      }
    },

    async undoRemove() {
      const draft = get().lastDeleted;
      if (!draft) return;
      await saver.flush();
      const db = await openJianggaoDB();
      await putDraft(db, draft);
      set((s) => ({ lastDeleted: null, drafts: [summarise(draft), ...s.drafts].sort((a, b) => b.updatedAt - a.updatedAt), current: draft }));
      useSettings.getState().set('lastDraftId', draft.id);
      announceDraftsChanged(draft.id);
    },

    contentChanged(produce) {
      const base = get().current;
      if (!base) return;
      saver.schedule(() => ({ ...base, ...produce(), title: get().current?.title ?? base.title, updatedAt: Date.now() }));
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
