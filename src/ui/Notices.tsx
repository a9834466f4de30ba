/** Problems the writer must hear about once: records set aside at load, a database that would not open. */
import { useDrafts } from '../state/drafts';

export function Notices() {
  const rejected = useDrafts((s) => s.rejected);
  const loadError = useDrafts((s) => s.loadError);
  if (!rejected.length && !loadError) return null;
  return (
    <div className="notices" role="alert">
      {loadError ? <p>{loadError}</p> : null}
      {rejected.length ? (
        <p>
          有 {rejected.length} 条本地记录已损坏，已单独隔离保存，其余内容正常打开：
          {rejected.map((r) => `「${r.key}」${r.reason}`).join('；')}
          <button type="button" onClick={() => useDrafts.getState().dismissRejected()}>知道了</button>
        </p>
      ) : null}
    </div>
  );
}
