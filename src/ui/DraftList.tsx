/** The draft list: create, open, rename (double-click or F2), delete with 撤销; folds to a strip (a setting). */
import { useState, type KeyboardEvent } from 'react';
import { useDrafts, type DraftSummary } from '../state/drafts';
import type { KeyHelp } from '../editor/keys';
import { useSettings } from '../state/settings';

/** The list's keys in the 快捷键 help: F2 on a draft (`onKeyDown` of its button), Enter / Esc while renaming (`onKey`). */
export const draftListKeyHelp: readonly KeyHelp[] = [
  { keys: ['F2'], action: '在稿件列表中：重命名稿件（Enter 确定，Esc 取消）' },
];

const timeFormat = new Intl.DateTimeFormat('zh-CN', { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });

function DraftItem({ draft, active }: { draft: DraftSummary; active: boolean }) {
  const { open, rename, remove } = useDrafts.getState();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(draft.title);
  const commit = () => {
    setEditing(false);
    if (title.trim() && title !== draft.title) void rename(draft.id, title);
    else setTitle(draft.title);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing || e.keyCode === 229) return;
    if (e.key === 'Enter') commit();
    if (e.key === 'Escape') { setTitle(draft.title); setEditing(false); }
  };
  return (
    <li className={`draft-item${active ? ' is-active' : ''}`} aria-current={active ? 'true' : undefined}>
      {editing ? (
        <input className="draft-rename" aria-label="稿件名称" autoFocus value={title} onChange={(e) => setTitle(e.target.value)} onBlur={commit} onKeyDown={onKey} />
      ) : (
        <button type="button" className="draft-open" onClick={() => void open(draft.id)} onDoubleClick={() => { setTitle(draft.title); setEditing(true); }}
          onKeyDown={(e) => { if (e.key === 'F2') { setTitle(draft.title); setEditing(true); } }}>
          <span className="draft-title">{draft.title}</span>
          <span className="draft-meta">{timeFormat.format(draft.updatedAt)} · {draft.chars} 字</span>
        </button>
      )}
      <span className="draft-actions">
        <button type="button" className="icon-button" title="重命名" aria-label={`重命名「${draft.title}」`} onClick={() => { setTitle(draft.title); setEditing(true); }}>✎</button>
        <button type="button" className="icon-button" title="删除" aria-label={`删除「${draft.title}」`} onClick={() => void remove(draft.id)}>×</button>
      </span>
    </li>
  );
}

export function DraftList() {
  const drafts = useDrafts((s) => s.drafts);
  const currentId = useDrafts((s) => s.current?.id);
  const lastDeleted = useDrafts((s) => s.lastDeleted);
  const collapsed = useSettings((s) => s.draftListCollapsed);
  const fold = (
    <button type="button" className="icon-button fold-button" aria-expanded={!collapsed} aria-controls={collapsed ? undefined : 'draft-list-body'}
      aria-label={collapsed ? '展开稿件列表' : '收起稿件列表'} title={collapsed ? '展开稿件列表' : '收起稿件列表'}
      onClick={() => useSettings.getState().set('draftListCollapsed', !collapsed)}>
      {collapsed ? '»' : '«'}
    </button>
  );
  if (collapsed) return <nav className="draft-list is-collapsed" aria-label="稿件">{fold}</nav>;
  return (
    <nav className="draft-list" aria-label="稿件">
      <div className="panel-head">
        <h2>稿件</h2>
        <span className="panel-head-actions">
          <button type="button" className="primary" onClick={() => void useDrafts.getState().create()}>＋ 新建</button>
          {fold}
        </span>
      </div>
      <ul id="draft-list-body">
        {drafts.map((d) => <DraftItem key={d.id} draft={d} active={d.id === currentId} />)}
      </ul>
      {lastDeleted ? (
        <div className="toast" role="status">
          已删除「{lastDeleted.title}」
          <button type="button" onClick={() => void useDrafts.getState().undoRemove()}>撤销</button>
        </div>
      ) : null}
    </nav>
  );
}
