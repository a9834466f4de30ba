/**
 * The one channel between tabs of the app on this machine (a BroadcastChannel): tabs hear when drafts or
 * templates change (so their lists and read-only views follow) and when a tab asks to take over editing a
 * draft. Every cross-tab message is one of `TabMessage`; a tab never hears its own.
 */
export const TABS_CHANNEL_NAME = 'jianggao-tabs';

export type TabMessage =
  | { type: 'drafts-changed'; draftId: string; from: string }
  | { type: 'release-request'; draftId: string; from: string }
  | { type: 'templates-changed'; from: string };

/** What a message carries besides its sender, which the channel adds. */
export type TabMessageBody = TabMessage extends infer M ? (M extends TabMessage ? Omit<M, 'from'> : never) : never;

/** The part of a BroadcastChannel this module uses (a fake one in Node tests). */
export interface TabPort {
  postMessage(message: TabMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<TabMessage>) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent<TabMessage>) => void): void;
}

export class CrossTab {
  constructor(private readonly port: TabPort | null, readonly tabId: string) {}

  post(message: TabMessageBody): void {
    this.port?.postMessage({ ...message, from: this.tabId } as TabMessage);
  }

  /** Calls `listener` for messages from other tabs; returns an unsubscribe function. */
  listen(listener: (message: TabMessage) => void): () => void {
    const port = this.port;
    if (!port) return () => {};
    const handle = (event: MessageEvent<TabMessage>) => {
      if (event.data && event.data.from !== this.tabId) listener(event.data);
    };
    port.addEventListener('message', handle);
    return () => port.removeEventListener('message', handle);
  }
}

const pageTabId = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : String(Math.random());

/** This page's channel (none where BroadcastChannel is missing: nothing to coordinate with). */
export const crossTab = new CrossTab(
  typeof BroadcastChannel === 'undefined' ? null : (new BroadcastChannel(TABS_CHANNEL_NAME) as unknown as TabPort),
  pageTabId,
);
