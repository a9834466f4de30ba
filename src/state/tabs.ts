/**
 * Other tabs of the app on this machine, over a BroadcastChannel: they hear when drafts change (so their
 * lists and read-only views follow) and when a tab asks to take over editing a draft.
 */
export const TABS_CHANNEL_NAME = 'jianggao-tabs';

export type TabMessage =
  | { type: 'drafts-changed'; draftId: string; from: string }
  | { type: 'release-request'; draftId: string; from: string };

export const TAB_ID = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : String(Math.random());

const channel: BroadcastChannel | null = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(TABS_CHANNEL_NAME);

function post(message: TabMessage): void {
  channel?.postMessage(message);
}

export function announceDraftsChanged(draftId: string): void {
  post({ type: 'drafts-changed', draftId, from: TAB_ID });
}

export function askOtherTabToRelease(draftId: string): void {
  post({ type: 'release-request', draftId, from: TAB_ID });
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
