/** Problems and messages for the writer: records set aside at load, a database that would not open, toasts. */
import { useDrafts } from '../state/drafts';
import { dismissToast, useToasts } from '../state/toasts';

export function Notices() {
  const rejected = useDrafts((s) => s.rejected);
  const loadError = useDrafts((s) => s.loadError);
  const toasts = useToasts((s) => s.toasts);
  return (
    <>
      {rejected.length || loadError ? (
        <div className="notices" role="alert">
          {loadError ? <p>{loadError}</p> : null}
          {rejected.length ? (
            <p data-quarantine-notice>
              有 {rejected.length} 条本地记录已损坏，已单独隔离保存，其余内容正常打开：
              {rejected.map((r) => `「${r.key}」${r.reason}`).join('；')}
              <button type="button" onClick={() => useDrafts.getState().dismissRejected()}>知道了</button>
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="toasts" aria-live="polite">
        {toasts.map((t) => (
          <div key={t.id} className={`toast-message is-${t.kind}`} role={t.kind === 'error' ? 'alert' : 'status'}>
            {t.text}
            <button type="button" aria-label="关闭" onClick={() => dismissToast(t.id)}>×</button>
          </div>
        ))}
      </div>
    </>
  );
}
