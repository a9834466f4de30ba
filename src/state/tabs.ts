/**
 * Other tabs of the app on this machine: a BroadcastChannel tells them when drafts change so that their
 * draft lists follow. (Which tab may edit a given draft is decided in state/draftLock.ts.)
 */
export const TABS_CHANNEL_NAME = 'jianggao-tabs';

export type TabMessage = { type: 'drafts-changed'; draftId: string; from: string };

export const TAB_ID = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : String(Math.random());

const channel: BroadcastChannel | null = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(TABS_CHANNEL_NAME);

export function announceDraftsChanged(draftId: string): void {
  channel?.postMessage({ type: 'drafts-changed', draftId, from: TAB_ID } satisfies TabMessage);
}

/** Calls `listener` for messages from other tabs; returns an unsubscribe function. */
export function onOtherTabMessage(listener: (message: TabMessage) => void): () => void {
  if (!channel) return () => {};
  const handle = (event: MessageEvent<TabMessage>) => {
    if (event.data?.from !== TAB_ID) listener(event.data);
  };
  channel.addEventListener('message', handle);
  return () => channel.removeEventListener('message', handle);
}
