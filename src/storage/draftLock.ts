/**
 * Which tab may edit a draft: a Web Lock per draft id. The tab holding it edits; another tab opening the
 * same draft shows it read-only and may ask to take over (the holder saves, gives the lock up, and turns
 * read-only itself). Without a lock manager every tab edits (nothing to coordinate with).
 */
import type { Clock } from './clock';

export interface DraftLock { release(): void }

/** The part of `navigator.locks` used here (a fake one in Node tests). */
export interface LockManagerLike {
  request(name: string, options: LockOptions, callback: (lock: Lock | null) => Promise<void> | undefined): Promise<unknown>;
}

const lockName = (draftId: string) => `jianggao-draft:${draftId}`;

export class DraftLocks {
  constructor(private readonly locks: LockManagerLike | null, private readonly clock: Clock) {}

  private request(draftId: string, options: LockOptions): Promise<DraftLock | null> {
    const locks = this.locks;
    if (!locks) return Promise.resolve({ release() {} });
    return new Promise((resolve, reject) => {
      locks.request(lockName(draftId), options, (lock) => {
        if (!lock) {
          resolve(null);
          return undefined;
        }
        return new Promise<void>((release) => resolve({ release: () => release() }));
      }).catch(reject);
    });
  }

  /** The lock at once, or null when another tab holds it. */
  tryLock(draftId: string): Promise<DraftLock | null> {
    return this.request(draftId, { ifAvailable: true });
  }

  /**
   * The lock, waiting at most `graceMs` for it; null when it is still held then. For a page that has just
   * loaded: after a reload the page going away may not have let go yet, and taking the lock a moment later
   * beats showing the draft read-only and swapping it in again (which also moved the caret to the start).
   */
  async lockWithin(draftId: string, graceMs: number): Promise<DraftLock | null> {
    const abort = new AbortController();
    const timer = this.clock.setTimeout(() => abort.abort(new DOMException('lock wait timed out', 'TimeoutError')), graceMs);
    try {
      return await this.request(draftId, { signal: abort.signal });
    } catch (error) {
      if ((error as DOMException)?.name === 'TimeoutError' || (error as DOMException)?.name === 'AbortError') return null;
      throw error;
    } finally {
      this.clock.clearTimeout(timer);
    }
  }

  /** The lock once the tab holding it lets go. */
  async waitFor(draftId: string): Promise<DraftLock> {
    return (await this.request(draftId, {}))!;
  }
}
