/**
 * The templates side panel: templates by category with a search (characters or pinyin initials),
 * 插入 (asking for variables when there are any), 存为模板 from the selection, editing / renaming /
 * re-categorising / deleting the writer's own, copying / hiding / restoring built-ins, and JSON export and
 * import. State and writes live in src/state/templates.ts; this file only draws and asks.
 */
import type { Editor } from '@tiptap/core';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { insertTemplateInteractive, selectionAsTemplateBody } from '../../editor/structure';
import { READ_ONLY_MESSAGE } from '../../editor/readOnlyGuard';
import { useDrafts } from '../../state/drafts';
import { useTemplateLibrary } from '../../state/templates';
import {
  filterByQuery, TEMPLATE_CATEGORIES, templateFileName, templatePreview, visibleTemplates,
  type TemplateCategory, type TemplateRecord,
} from '../../templates';

type CategoryFilter = TemplateCategory | '全部';
type Editing = { id: string | null; name: string; category: TemplateCategory; body: string };

/** Lines of a template shown as its preview. */
const PREVIEW_LINES = 2;

function TemplateForm({ editing, onCancel, onSave }: { editing: Editing; onCancel: () => void; onSave: (value: Editing) => void }) {
  const [value, setValue] = useState(editing);
  const id = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => nameRef.current?.focus(), []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(value);
  };
  return (
    <form className="template-form" onSubmit={submit} aria-label={editing.id ? '编辑模板' : '存为模板'}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); onCancel(); } }}>
      <label htmlFor={`${id}-name`}>模板名称</label>
      <input id={`${id}-name`} ref={nameRef} value={value.name} maxLength={60} onChange={(e) => setValue({ ...value, name: e.target.value })} />
      <label htmlFor={`${id}-category`}>分类</label>
      <select id={`${id}-category`} value={value.category} onChange={(e) => setValue({ ...value, category: e.target.value as TemplateCategory })}>
        {TEMPLATE_CATEGORIES.map((c) => <option key={c} value={c}>{c}</option>)}
      </select>
      <label htmlFor={`${id}-body`}>正文（每行一段；一、（一）1.（1）开头的行成为编号标题；{'{{名称}}'} 为变量）</label>
      <textarea id={`${id}-body`} rows={8} value={value.body} onChange={(e) => setValue({ ...value, body: e.target.value })} />
      <div className="button-row">
        <button type="submit" className="primary">保存</button>
        <button type="button" onClick={onCancel}>取消</button>
      </div>
    </form>
  );
}

export function TemplatesPanel({ editor }: { editor: Editor }) {
  const library = useTemplateLibrary();
  const editable = useDrafts((s) => s.editable);
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<CategoryFilter>('全部');
  const [editing, setEditing] = useState<Editing | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [showHidden, setShowHidden] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);

  useEffect(() => { void library.ensureLoaded(); }, [library]);

  const visible = useMemo(() => {
    const inCategory = visibleTemplates(library.templates).filter((t) => category === '全部' || t.category === category);
    return query.trim() ? filterByQuery(inCategory, query, (t) => t.name, (t) => t.body) : inCategory;
  }, [library.templates, category, query]);
  const hidden = library.templates.filter((t) => t.hidden);

  const startSaveSelection = () => {
    const { from, to } = editor.state.selection;
    const body = selectionAsTemplateBody(editor.state.doc, from, to);
    if (!body.trim()) {
      setStatus('稿件是空的，没有可以存为模板的内容。');
      return;
    }
    const firstLine = body.split('\n')[0].replace(/[：:，。！]+$/, '').slice(0, 20);
    setEditing({ id: null, name: firstLine, category: '自定义', body });
    setStatus(from === to ? '没有选中内容，将把整篇稿件存为模板。' : null);
  };

  const save = async (value: Editing) => {
    const draft = { name: value.name, category: value.category, body: value.body };
    const saved = value.id ? await library.update(value.id, draft) : await library.create(draft);
    if (saved) {
      setEditing(null);
      setStatus(`已保存模板「${saved.name}」。`);
    }
  };

  const remove = async (template: TemplateRecord) => {
    if (await library.remove(template.id)) setStatus(`已删除模板「${template.name}」。`);
  };

  const exportFile = () => {
    const own = library.templates.filter((t) => !t.builtin);
    if (!own.length) {
      setStatus('还没有自己的模板可以导出（内置模板随程序提供，不需要导出）。');
      return;
    }
    const url = URL.createObjectURL(new Blob([library.exportFile()], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = templateFileName();
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setStatus(`已导出 ${own.length} 个模板。`);
  };

  const importFile = async (file: File) => {
    const outcome = await library.importFile(await file.text());
    if (!outcome.ok) setStatus(`导入失败：${outcome.error}。模板没有任何改动。`);
    else {
      const { added, skipped, copied } = outcome.result;
      setStatus(`导入完成：新增 ${added} 个${copied ? `，另存副本 ${copied} 个（与已有模板同名编号但内容不同）` : ''}${skipped ? `，跳过相同的 ${skipped} 个` : ''}。`);
    }
  };

  return (
    <div className="templates-panel">
      <div className="button-row">
        <button type="button" className="primary" onClick={startSaveSelection}>存为模板</button>
        <button type="button" onClick={() => fileRef.current?.click()}>导入…</button>
        <button type="button" onClick={exportFile}>导出</button>
        <input ref={fileRef} type="file" accept=".json,application/json" hidden aria-label="导入模板文件"
          onChange={(e) => { const file = e.target.files?.[0]; e.target.value = ''; if (file) void importFile(file); }} />
      </div>
      {status ? <p className="template-status" role="status">{status}</p> : null}
      {library.error ? (
        <p className="template-error" role="alert">{library.error} <button type="button" className="icon-button" onClick={library.clearError}>知道了</button></p>
      ) : null}
      {library.lastDeleted ? (
        <p className="template-status">
          已删除「{library.lastDeleted.name}」<button type="button" className="icon-button" onClick={() => void library.undoRemove()}>撤销</button>
        </p>
      ) : null}
      {editing ? <TemplateForm key={editing.id ?? 'new'} editing={editing} onCancel={() => setEditing(null)} onSave={(v) => void save(v)} /> : null}

      <input className="template-search" type="search" placeholder="搜索：名称或拼音首字母，如 tzm" aria-label="搜索模板"
        value={query} onChange={(e) => setQuery(e.target.value)} />
      <div className="template-categories" role="group" aria-label="分类">
        {(['全部', ...TEMPLATE_CATEGORIES] as CategoryFilter[]).map((c) => (
          <button key={c} type="button" aria-pressed={category === c} className={category === c ? 'is-active' : ''} onClick={() => setCategory(c)}>{c}</button>
        ))}
      </div>

      {library.status === 'loading' && !library.templates.length ? <p className="muted">正在读取模板…</p> : null}
      {library.status === 'ready' && !visible.length ? <p className="muted">没有匹配的模板。</p> : null}
      <ul className="template-list" aria-label="模板">
        {visible.map((template) => (
          <li key={template.id} className="template-item">
            <div className="template-head">
              <span className="template-name">{template.name}</span>
              <span className="template-tag">{template.category}{template.builtin ? ' · 内置' : ''}</span>
            </div>
            <p className="template-preview">
              {templatePreview(template.body, PREVIEW_LINES).map((part, i) => (
                part.variable ? <span key={i} className="template-var">{part.text}</span> : part.text
              ))}
            </p>
            <div className="button-row">
              <button type="button" className="primary" onClick={() => insertTemplateInteractive(editor, template)}
                disabled={!editable} title={editable ? undefined : READ_ONLY_MESSAGE} aria-label={`插入「${template.name}」`}>插入</button>
              {template.builtin ? (
                <>
                  <button type="button" onClick={() => void library.duplicate(template.id).then((copy) => copy && setEditing({ ...copy }))}>复制为我的</button>
                  <button type="button" onClick={() => void library.setHidden(template.id, true)}>隐藏</button>
                </>
              ) : (
                <>
                  <button type="button" onClick={() => setEditing({ id: template.id, name: template.name, category: template.category, body: template.body })}>编辑</button>
                  <button type="button" onClick={() => void remove(template)} aria-label={`删除「${template.name}」`}>删除</button>
                </>
              )}
            </div>
          </li>
        ))}
      </ul>

      {hidden.length ? (
        <div className="template-hidden">
          <button type="button" className="icon-button" aria-expanded={showHidden} onClick={() => setShowHidden(!showHidden)}>
            已隐藏的内置模板（{hidden.length}）{showHidden ? '▾' : '▸'}
          </button>
          {showHidden ? (
            <>
              <ul className="template-list">
                {hidden.map((t) => (
                  <li key={t.id} className="template-item is-hidden">
                    <span className="template-name">{t.name}</span>
                    <button type="button" onClick={() => void library.setHidden(t.id, false)}>恢复</button>
                  </li>
                ))}
              </ul>
              <button type="button" onClick={() => void library.restoreAllHidden()}>全部恢复</button>
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
