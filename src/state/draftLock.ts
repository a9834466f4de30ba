/**
 * Which tab may edit a draft: a Web Lock per draft id. The tab holding it edits; another tab opening the
 * same draft shows it read-only and may ask to take over (the holder saves, gives the lock up, and turns
 * read-only itself). Without the Web Locks API every tab edits (nothing to coordinate with).
 */
export interface DraftLock { release(): void }

const lockName = (draftId: string) => `jianggao-draft:${draftId}`;

function request(draftId: string, options: LockOptions): Promise<DraftLock | null> {
  const locks = globalThis.navigator?.locks;
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
export function tryLockDraft(draftId: string): Promise<DraftLock | null> {
  return request(draftId, { ifAvailable: true });
}

/**
 * The lock, waiting at most `graceMs` for it; null when it is still held then. For a page that has just
 * loaded: after a reload the page going away may not have let go yet, and taking the lock a moment later
 * beats showing the draft read-only and swapping it in again (which also moved the caret to the start).
 */
export async function lockDraftWithin(draftId: string, graceMs: number): Promise<DraftLock | null> {
  try {
    return await request(draftId, { signal: AbortSignal.timeout(graceMs) });
  } catch (error) {
    if ((error as DOMException)?.name === 'TimeoutError' || (error as DOMException)?.name === 'AbortError') return null;
    throw error;
  }
}

/** The lock once the tab holding it lets go. */
export async function waitForDraftLock(draftId: string): Promise<DraftLock> {
  return (await request(draftId, {}))!;
}
