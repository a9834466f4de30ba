/**
 * Version history of the open draft: list with names, times and sizes, preview, naming, restore, and
 * 保存版本 (optionally named: 初稿, 修改稿) on demand.
 */
import { useState, type FormEvent } from 'react';
import type { Editor } from '@tiptap/core';
import { MAX_SNAPSHOT_NAME_CHARS, useDrafts, useSnapshots, type SnapshotRecord } from '../state/drafts';

const REASON_LABELS: Record<SnapshotRecord['reason'], string> = { auto: '自动', manual: '手动', 'before-restore': '恢复前' };
const timeFormat = new Intl.DateTimeFormat('zh-CN', { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
const countChars = (text: string) => text.replace(/\s/g, '').length;

export function HistoryPanel(_: { editor: Editor }) {
  const editable = useDrafts((s) => s.editable);
  const snapshots = useSnapshots();
  const [previewId, setPreviewId] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const [rename, setRename] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const preview = snapshots.find((s) => s.id === previewId) ?? null;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    await useDrafts.getState().takeSnapshot(newName);
    setStatus(newName.trim() ? `已保存版本「${newName.trim()}」。` : '已保存版本。');
    setNewName('');
  };

  const restore = async (snapshot: SnapshotRecord) => {
    const kept = await useDrafts.getState().restoreSnapshot(snapshot);
    setPreviewId(null);
    if (kept) {
      setStatus(`已恢复到${snapshot.name ? `「${snapshot.name}」` : ''} ${timeFormat.format(snapshot.createdAt)} 的版本。恢复前的内容已另存为「恢复前」版本（${timeFormat.format(kept.createdAt)}），可随时再恢复。`);
    }
  };

  return (
    <section className="history-panel" aria-label="历史版本">
      <div className="panel-head">
        <h2>历史版本（{snapshots.length}）</h2>
      </div>
      <form className="snapshot-save" onSubmit={(e) => void save(e)}>
        <input aria-label="版本名称" placeholder="命名（可不填），如：初稿" maxLength={MAX_SNAPSHOT_NAME_CHARS}
          value={newName} onChange={(e) => setNewName(e.target.value)} disabled={!editable} />
        <button type="submit" className="primary" disabled={!editable}>保存版本</button>
      </form>
      <p className="muted small">写作时每 5 分钟自动保存一个版本；恢复前会先保存当前内容，恢复可再撤回。</p>
      {status ? <p className="snapshot-status" role="status">{status}</p> : null}
      <ul className="snapshot-list">
        {snapshots.map((s) => (
          <li key={s.id} className={preview?.id === s.id ? 'is-active' : undefined}>
            <button type="button" className="snapshot-open" aria-expanded={preview?.id === s.id}
              onClick={() => { setPreviewId(preview?.id === s.id ? null : s.id); setRename(s.name ?? ''); }}>
              {s.name ? <strong className="snapshot-name">{s.name}</strong> : null}
              <span>{timeFormat.format(s.createdAt)}</span>
              <span className="muted">{REASON_LABELS[s.reason]} · {countChars(s.text)} 字</span>
            </button>
          </li>
        ))}
      </ul>
      {preview ? (
        <div className="snapshot-preview">
          <pre>{preview.text || '（空白）'}</pre>
          <form className="snapshot-save" onSubmit={(e) => { e.preventDefault(); void useDrafts.getState().renameSnapshot(preview.id, rename); }}>
            <input aria-label="此版本的名称" placeholder="给此版本命名，如：修改稿" maxLength={MAX_SNAPSHOT_NAME_CHARS}
              value={rename} onChange={(e) => setRename(e.target.value)} />
            <button type="submit">命名</button>
          </form>
          <button type="button" className="primary" disabled={!editable} onClick={() => void restore(preview)}>恢复此版本</button>
        </div>
      ) : null}
    </section>
  );
}
