/**
 * The template library as the app sees it: the loaded, sorted list and the writer's actions on it, for
 * the templates panel and the slash menu. It owns when the store is read (once on first use, and again
 * when another tab of the app changes templates, heard over the cross-tab channel) and turns store errors
 * into Chinese messages. Every write goes through src/storage/templates.ts.
 */
import { create } from 'zustand';
import { crossTab } from '../storage/crossTab';
import { openJianggaoDB } from '../storage/db';
import {
  createTemplate, deleteTemplate, duplicateTemplate, importTemplates, loadTemplates, restoreAllBuiltins, restoreDeletedTemplate,
  setBuiltinHidden, updateTemplate, type ImportResult,
} from '../storage/templates';
import { exportTemplateFile, parseTemplateFile } from '../templates/file';
import { TemplateError, type TemplateDraft } from '../templates/rules';
import type { TemplateRecord } from '../templates/types';

export type { ImportResult } from '../storage/templates';

interface TemplateLibraryState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  templates: TemplateRecord[];
  /** The last failure, in Chinese, for the panel to show; cleared by the next success. */
  error: string | null;
  /** Records set aside as invalid at the last load. */
  rejectedCount: number;
  /** The last template deleted, for 撤销. */
  lastDeleted: TemplateRecord | null;

  ensureLoaded(): Promise<void>;
  reload(): Promise<void>;
  create(draft: TemplateDraft): Promise<TemplateRecord | null>;
  update(id: string, patch: Partial<TemplateDraft>): Promise<TemplateRecord | null>;
  duplicate(id: string): Promise<TemplateRecord | null>;
  remove(id: string): Promise<boolean>;
  undoRemove(): Promise<void>;
  setHidden(id: string, hidden: boolean): Promise<void>;
  restoreAllHidden(): Promise<number>;
  exportFile(): string;
  /** Validates and imports a file's text; on a bad file returns its Chinese reason and changes nothing. */
  importFile(text: string): Promise<{ ok: true; result: ImportResult } | { ok: false; error: string }>;
  clearError(): void;
}

function messageOf(error: unknown): string {
  if (error instanceof TemplateError) return error.message;
  return `模板保存失败：${error instanceof Error ? error.message : String(error)}`;
}

export const useTemplateLibrary = create<TemplateLibraryState>((set, get) => {
  /** The load in flight, so that every caller of ensureLoaded waits for the same one. */
  let loading: Promise<void> | null = null;

  /** Runs a write, reloads the list, tells the other tabs; a failure becomes `error` and `fallback`. */
  async function write<T>(action: () => Promise<T>, fallback: T): Promise<T> {
    try {
      const value = await action();
      await get().reload();
      crossTab.post({ type: 'templates-changed' });
      set({ error: null });
      return value;
    } catch (error) {
      set({ error: messageOf(error) });
      return fallback;
    }
  }

  return {
    status: 'idle',
    templates: [],
    error: null,
    rejectedCount: 0,
    lastDeleted: null,

    async ensureLoaded() {
      if (get().status === 'ready') return;
      loading ??= get().reload().finally(() => { loading = null; });
      await loading;
    },
    async reload() {
      if (get().status !== 'ready') set({ status: 'loading' });
      try {
        const { templates, rejected } = await loadTemplates(await openJianggaoDB());
        set({ status: 'ready', templates, rejectedCount: rejected.length });
      } catch (error) {
        set({ status: 'error', error: `无法读取模板：${error instanceof Error ? error.message : String(error)}` });
      }
    },
    create: async (draft) => write(async () => createTemplate(await openJianggaoDB(), draft), null),
    update: async (id, patch) => write(async () => updateTemplate(await openJianggaoDB(), id, patch), null),
    duplicate: async (id) => write(async () => duplicateTemplate(await openJianggaoDB(), id), null),
    remove: async (id) => write(async () => {
      const deleted = await deleteTemplate(await openJianggaoDB(), id);
      set({ lastDeleted: deleted });
      return true;
    }, false),
    undoRemove: async () => {
      const deleted = get().lastDeleted;
      if (!deleted) return;
      await write(async () => restoreDeletedTemplate(await openJianggaoDB(), deleted), undefined);
      set({ lastDeleted: null });
    },
    setHidden: async (id, hidden) => write(async () => setBuiltinHidden(await openJianggaoDB(), id, hidden), undefined),
    restoreAllHidden: async () => write(async () => restoreAllBuiltins(await openJianggaoDB()), 0),
    exportFile: () => exportTemplateFile(get().templates),
    async importFile(text) {
      const parsed = parseTemplateFile(text);
      if (!parsed.ok) return parsed;
      const result = await write(async () => importTemplates(await openJianggaoDB(), parsed.templates), null);
      return result ? { ok: true, result } : { ok: false, error: get().error ?? '导入失败' };
    },
    clearError: () => set({ error: null }),
  };
});

crossTab.listen((message) => {
  if (message.type === 'templates-changed' && useTemplateLibrary.getState().status === 'ready') void useTemplateLibrary.getState().reload();
});
