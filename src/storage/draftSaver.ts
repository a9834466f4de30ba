/**
 * The write queue of the open draft (used by DraftSync, which owns a draft's persistence). Changes are throttled: the first change after a save starts a
 * timer, and whatever the draft looks like when it fires is written (so a save lands at most
 * SAVE_THROTTLE_MS after any change, even during continuous typing). A failed write (e.g. the disk quota
 * is full) keeps the draft pending, reports the error and retries; the editor keeps working meanwhile.
 *
 * On page hide the newest draft not yet on disk (pending, or still being written) is also stashed
 * synchronously in localStorage, because an IndexedDB write that has not committed when the page unloads
 * is lost; the stash is replayed on next load. It is cleared only once a write at least as new commits.
 */
import { systemClock, type Clock } from './clock';
import type { DraftRecord } from './records';

export const SAVE_THROTTLE_MS = 300;
export const SAVE_RETRY_MS = 3000;
export const UNSAVED_STASH_KEY = 'jianggao:unsaved-draft';

export type SaveState = 'saved' | 'pending' | 'saving' | 'error';
export interface SaveStatus { state: SaveState; error: string | null; savedAt: number | null }

export interface DraftSaverOptions {
  write(draft: DraftRecord): Promise<void>;
  onStatus(status: SaveStatus): void;
  /** Synchronous storage for the unload stash; omitted in Node tests. */
  stash?: Pick<Storage, 'setItem' | 'removeItem'>;
  clock?: Clock;
}

/** Describes a storage error in the writer's words. */
export function describeSaveError(error: unknown): string {
  const name = (error as { name?: string })?.name ?? '';
  if (name === 'QuotaExceededError' || /quota/i.test(String((error as Error)?.message))) {
    return '存储空间已满，稿件暂未保存。请导出备份或删除不用的稿件和历史版本；屏幕上的内容不会丢失，系统会自动重试。';
  }
  return `保存失败（${name || '未知错误'}），系统会自动重试；屏幕上的内容不会丢失。`;
}

export class DraftSaver {
  private produce: (() => DraftRecord) | null = null;
  private timer: unknown = null;
  private writing: Promise<void> | null = null;
  /** The draft of the write in flight: until it commits, it is on no disk. */
  private inFlight: DraftRecord | null = null;
  /** The `updatedAt` of what the unload stash holds, if this saver wrote one. */
  private stashedAt: number | null = null;
  private status: SaveStatus = { state: 'saved', error: null, savedAt: null };

  private readonly clock: Clock;

  constructor(private readonly options: DraftSaverOptions) {
    this.clock = options.clock ?? systemClock;
  }

  /** Marks the draft changed; `produce` is called only when the save actually runs (cheap per keystroke). */
  schedule(produce: () => DraftRecord): void {
    this.produce = produce;
    if (this.status.state !== 'error') this.setStatus({ ...this.status, state: 'pending' });
    this.timer ??= this.clock.setTimeout(() => void this.flush(), SAVE_THROTTLE_MS);
  }

  get hasPending(): boolean {
    return this.produce !== null;
  }

  /** Writes the pending draft now. Resolves when it is on disk (or the write failed and a retry is set). */
  async flush(): Promise<void> {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    if (this.writing) await this.writing;
    const produce = this.produce;
    if (!produce) return;
    this.produce = null;
    const draft = produce();
    this.setStatus({ ...this.status, state: 'saving' });
    this.inFlight = draft;
    this.writing = this.options.write(draft).then(
      () => {
        this.clearStashUpTo(draft.updatedAt);
        this.setStatus({ state: this.produce ? 'pending' : 'saved', error: null, savedAt: this.clock.now() });
      },
      (error: unknown) => {
        this.produce ??= produce;
        this.setStatus({ state: 'error', error: describeSaveError(error), savedAt: this.status.savedAt });
        this.timer ??= this.clock.setTimeout(() => void this.flush(), SAVE_RETRY_MS);
      },
    );
    await this.writing;
    this.writing = null;
    this.inFlight = null;
  }

  /** Synchronous last resort for pagehide: stash the newest draft not yet on disk, then start the async write. */
  flushOnHide(): void {
    const pending = this.produce?.() ?? null;
    // Serialised once: the write below stores exactly what was stashed.
    if (pending) this.produce = () => pending;
    const unsaved = pending ?? this.inFlight;
    if (!unsaved) return;
    try {
      this.options.stash?.setItem(UNSAVED_STASH_KEY, JSON.stringify(unsaved));
      this.stashedAt = unsaved.updatedAt;
    } catch {
      // localStorage full as well: the IndexedDB write below is the remaining chance.
    }
    void this.flush();
  }

  /** An older write committing must not clear a stash that holds newer text. */
  private clearStashUpTo(writtenAt: number): void {
    if (this.stashedAt !== null && writtenAt < this.stashedAt) return;
    this.options.stash?.removeItem(UNSAVED_STASH_KEY);
    this.stashedAt = null;
  }

  /** Drops the pending change (used when the draft it belongs to is deleted). */
  discard(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.produce = null;
    this.setStatus({ state: 'saved', error: null, savedAt: this.status.savedAt });
  }

  /** Reports `status` when it differs from the last one (「待保存」 again on every keystroke wakes nobody). */
  private setStatus(status: SaveStatus): void {
    const last = this.status;
    if (last.state === status.state && last.error === status.error && last.savedAt === status.savedAt) return;
    this.status = status;
    this.options.onStatus(status);
  }
}

/** Reads back the unload stash, if any (validated by the caller). */
export function readUnsavedStash(storage: Pick<Storage, 'getItem'>): unknown {
  try {
    const raw = storage.getItem(UNSAVED_STASH_KEY);
    return raw ? JSON.parse(raw) : undefined;
  } catch {
    return undefined;
  }
}
