/** Shown when another tab edits the open draft: this tab only follows along until the writer takes over. */
import { useDrafts } from '../state/drafts';

export function ReadOnlyBanner() {
  return (
    <div className="read-only-banner" role="status" data-read-only>
      此稿件正在另一个标签页中编辑，本页只读并随之更新。
      <button type="button" className="primary" onClick={() => void useDrafts.getState().takeOver()}>在此页编辑</button>
    </div>
  );
}
