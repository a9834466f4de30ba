/**
 * Which tab may edit a draft: a Web Lock per draft id. The tab holding it edits; another tab opening the
 * same draft shows it read-only and may ask to take over (the holder saves, gives the lock up, and turns
 * read-only itself). Without the Web Locks API every tab edits (nothing to coordinate with).
 */
export interface DraftLock { release(): void }

const lockName = (draftId: string) => `jianggao-draft:${draftId}`;

function request(draftId: string, ifAvailable: boolean): Promise<DraftLock | null> {
  const locks = globalThis.navigator?.locks;
  if (!locks) return Promise.resolve({ release() {} });
  return new Promise((resolve, reject) => {
    locks.request(lockName(draftId), { ifAvailable }, (lock) => {
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
  return request(draftId, true);
}

/** The lock once the tab holding it lets go. */
export async function waitForDraftLock(draftId: string): Promise<DraftLock> {
  return (await request(draftId, false))!;
}
