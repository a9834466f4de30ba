/**
 * Registers the service worker (offline use) and announces a new version. It never reloads on its own:
 * the writer decides when, so that no tab changes under their hands.
 */
import { useEffect, useState } from 'react';
import { registerSW } from 'virtual:pwa-register';

export function UpdateNotice() {
  const [update, setUpdate] = useState<null | (() => Promise<void>)>(null);
  const [offlineReady, setOfflineReady] = useState(false);
  useEffect(() => {
    if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
    const updateSW = registerSW({
      onNeedRefresh: () => setUpdate(() => () => updateSW(true)),
      onOfflineReady: () => setOfflineReady(true),
    });
  }, []);
  if (update) {
    return (
      <span className="update-notice" role="status">
        有新版本，刷新即可更新 <button type="button" onClick={() => void update()}>刷新</button>
      </span>
    );
  }
  return offlineReady ? <span className="offline-ready" data-offline-ready>已可离线使用</span> : null;
}
