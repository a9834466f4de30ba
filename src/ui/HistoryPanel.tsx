/** Version history of the open draft: list with times and sizes, preview, restore, and 保存版本 on demand. */
import { useState } from 'react';
import type { Editor } from '@tiptap/core';
import { useDrafts, useSnapshots, type SnapshotRecord } from '../state/drafts';

const REASON_LABELS: Record<SnapshotRecord['reason'], string> = { auto: '自动', manual: '手动', 'before-restore': '恢复前' };
const timeFormat = new Intl.DateTimeFormat('zh-CN', { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
const countChars = (text: string) => text.replace(/\s/g, '').length;

export function HistoryPanel(_: { editor: Editor }) {
  const editable = useDrafts((s) => s.editable);
  const snapshots = useSnapshots();
  const [preview, setPreview] = useState<SnapshotRecord | null>(null);

  return (
    <section className="history-panel" aria-label="历史版本">
      <div className="panel-head">
        <h2>历史版本（{snapshots.length}）</h2>
        <button type="button" className="primary" disabled={!editable} onClick={() => void useDrafts.getState().takeSnapshot()}>保存版本</button>
      </div>
      <p className="muted small">写作时每 5 分钟自动保存一个版本；恢复前会先保存当前内容，恢复可再撤回。</p>
      <ul className="snapshot-list">
        {snapshots.map((s) => (
          <li key={s.id} className={preview?.id === s.id ? 'is-active' : undefined}>
            <button type="button" className="snapshot-open" onClick={() => setPreview(preview?.id === s.id ? null : s)}>
              <span>{timeFormat.format(s.createdAt)}</span>
              <span className="muted">{REASON_LABELS[s.reason]} · {countChars(s.text)} 字</span>
            </button>
          </li>
        ))}
      </ul>
      {preview ? (
        <div className="snapshot-preview">
          <pre>{preview.text || '（空白）'}</pre>
          <button type="button" className="primary" disabled={!editable}
            onClick={() => { void useDrafts.getState().restoreSnapshot(preview); setPreview(null); }}>恢复此版本</button>
        </div>
      ) : null}
    </section>
  );
}
