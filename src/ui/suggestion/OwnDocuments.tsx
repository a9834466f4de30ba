/**
 * 我的文稿: the writer's archive for the phrase index. Add many files, a whole folder (subfolders too) or
 * a drop of files and folders; a progress bar with 取消, then a one-line summary of what was added and
 * skipped. The list: title and date editable, size, source file, on/off per document and per folder,
 * 学习材料, search by title, sort by date, remove with 撤销; the browser storage used and left. The team
 * pack (TeamPack.tsx) sits underneath.
 */
import { memo, useDeferredValue, useEffect, useMemo, useState, type DragEvent } from 'react';
import { parseDateInput } from '../../archive/dates';
import { createArchiveReader } from '../../files/archiveReader';
import { DOCUMENT_FILE_ACCEPT } from '../../files/readDocument';
import { useDrafts } from '../../state/drafts';
import { OWN_DOCUMENTS_PACK, useOwnDocuments, type UserDocumentRecord } from '../../state/ownDocuments';
import { useSettings } from '../../state/settings';
import { showToast } from '../../state/toasts';
import { dragHasFiles, droppedSources, fileSource } from './archiveFiles';
import { TeamPack } from './TeamPack';
import type { ArchiveFileSource } from '../../files/archiveImport';

const MB = 1024 * 1024;
/** Rows the list draws at first, and more per 「显示更多」: hundreds of rows of inputs would slow the page. */
const ROWS_SHOWN = 100;

/** Imports `sources` into the archive and tells the writer how it went. */
export async function importArchiveSources(sources: readonly ArchiveFileSource[]): Promise<void> {
  if (!sources.length) return;
  const reader = createArchiveReader();
  try {
    const report = await useOwnDocuments.getState().importFiles(sources, (s) => reader.read(s), { parallel: reader.parallel, readingDone: () => reader.close() });
    showToast(report.summary, report.added ? 'info' : 'error');
  } finally {
    reader.close();
  }
}

/** One row; memoised so that progress updates during an import do not re-render the whole list. */
const DocumentRow = memo(function DocumentRow({ d }: { d: UserDocumentRecord }) {
  const update = useOwnDocuments((s) => s.update);
  const [title, setTitle] = useState(d.title);
  const [date, setDate] = useState(d.date);
  useEffect(() => { setTitle(d.title); setDate(d.date); }, [d.title, d.date]);
  const saveDate = () => {
    const parsed = parseDateInput(date);
    if (!parsed) {
      showToast(`「${date}」不是有效的日期，请写成 2023、2023-03 或 2023-03-15。`, 'error');
      setDate(d.date);
    } else if (parsed.date !== d.date) void update([d.id], parsed);
  };
  return (
    <li data-own-document={d.id} className={d.enabled ? undefined : 'own-off'}>
      <input type="checkbox" checked={d.enabled} aria-label={`使用「${d.title}」`} onChange={(e) => void update([d.id], { enabled: e.target.checked })} />
      <input className="own-title" value={title} aria-label={`「${d.title}」的标题`} title={d.sourceName ? `来自 ${d.folder ? `${d.folder}/` : ''}${d.sourceName}` : undefined}
        onChange={(e) => setTitle(e.target.value)} onBlur={() => { if (title.trim() && title !== d.title) void update([d.id], { title }); else setTitle(d.title); }}
        onKeyDown={(e) => { if (e.key === 'Enter') e.currentTarget.blur(); }} />
      <input className="own-date" value={date} size={10} aria-label={`「${d.title}」的日期`} onChange={(e) => setDate(e.target.value)} onBlur={saveDate}
        onKeyDown={(e) => { if (e.key === 'Enter') e.currentTarget.blur(); }} />
      <span className="muted">{d.chars.toLocaleString('zh-CN')} 字</span>
      <label className="own-study" title="学习材料：权威文本，供引文核对使用">
        <input type="checkbox" checked={d.study} onChange={(e) => void update([d.id], { study: e.target.checked })} aria-label={`「${d.title}」是学习材料`} />学
      </label>
      <button type="button" className="icon-button" aria-label={`移除「${d.title}」`} onClick={() => void useOwnDocuments.getState().remove([d.id])}>×</button>
    </li>
  );
});

export function OwnDocuments() {
  const documents = useOwnDocuments((s) => s.documents);
  const progress = useOwnDocuments((s) => s.progress);
  const report = useOwnDocuments((s) => s.lastReport);
  const lastRemoved = useOwnDocuments((s) => s.lastRemoved);
  const storage = useOwnDocuments((s) => s.storage);
  const disabledPacks = useSettings((s) => s.disabledPacks);
  const set = useSettings((s) => s.set);
  const enabled = !disabledPacks.includes(OWN_DOCUMENTS_PACK);
  const [query, setQuery] = useState('');
  const [newestFirst, setNewestFirst] = useState(true);
  const [dragging, setDragging] = useState(false);
  const [rowsShown, setRowsShown] = useState(ROWS_SHOWN);
  // The list follows a change in a background render, so a long list never holds up typing.
  const listed = useDeferredValue(documents);

  useEffect(() => {
    void useOwnDocuments.getState().reload();
    void useOwnDocuments.getState().refreshStorage();
  }, []);

  const folders = useMemo(() => {
    const map = new Map<string, { on: number; all: number }>();
    for (const d of listed) {
      if (!d.folder) continue;
      const f = map.get(d.folder) ?? { on: 0, all: 0 };
      f.all++;
      if (d.enabled) f.on++;
      map.set(d.folder, f);
    }
    return [...map].sort(([a], [b]) => a.localeCompare(b, 'zh-CN'));
  }, [listed]);

  const shown = useMemo(() => {
    const q = query.trim();
    const list = q ? listed.filter((d) => d.title.includes(q) || d.sourceName.includes(q)) : [...listed];
    return list.sort((a, b) => (newestFirst ? b.date.localeCompare(a.date) : a.date.localeCompare(b.date)) || b.addedAt - a.addedAt);
  }, [listed, query, newestFirst]);

  const pick = (files: FileList | null, input: HTMLInputElement) => {
    const sources = [...(files ?? [])].map((f) => fileSource(f));
    input.value = '';
    void importArchiveSources(sources);
  };

  const onDrop = (e: DragEvent) => {
    if (!dragHasFiles(e.dataTransfer)) return;
    e.preventDefault();
    e.stopPropagation();
    setDragging(false);
    void droppedSources(e.dataTransfer).then(importArchiveSources);
  };

  const addCurrentDraft = async () => {
    await useDrafts.getState().flush();
    const draft = useDrafts.getState().current;
    if (!draft?.text.trim()) return showToast('当前稿件是空的，没有可加入的内容。', 'error');
    const result = await useOwnDocuments.getState().add([{ title: draft.title, text: draft.text }]);
    showToast(result.added ? `已把「${draft.title}」加入我的文稿。` : `「${draft.title}」未加入：${result.skipped[0]?.reason ?? ''}`, result.added ? 'info' : 'error');
  };

  const chars = documents.reduce((n, d) => n + d.chars, 0);

  return (
    <fieldset className={`phrase-own${dragging ? ' drop-target' : ''}`} data-archive-drop
      onDragOver={(e) => { if (dragHasFiles(e.dataTransfer)) { e.preventDefault(); setDragging(true); } }}
      onDragLeave={() => setDragging(false)} onDrop={onDrop}>
      <legend>我的文稿</legend>
      <label className="phrase-row">
        <input type="checkbox" checked={enabled}
          onChange={(e) => set('disabledPacks', e.target.checked ? disabledPacks.filter((p) => p !== OWN_DOCUMENTS_PACK) : [...disabledPacks, OWN_DOCUMENTS_PACK])} />
        用我的文稿提示提法<span className="muted">（{documents.length} 篇 · {chars.toLocaleString('zh-CN')} 字，只存本机）</span>
      </label>
      <div className="button-row">
        <label className="file-button">添加文件<input type="file" accept={DOCUMENT_FILE_ACCEPT} multiple hidden aria-label="添加我的文稿" onChange={(e) => pick(e.target.files, e.target)} /></label>
        <label className="file-button">添加文件夹<input type="file" multiple hidden aria-label="添加文件夹" {...{ webkitdirectory: '' }} onChange={(e) => pick(e.target.files, e.target)} /></label>
        <button type="button" onClick={() => void addCurrentDraft()}>加入当前稿件</button>
      </div>
      <p className="muted own-hint">可一次选择多个 Word（.docx）、文本（.txt）或 .md 文件，或把文件、文件夹拖到这里。</p>
      {progress && (
        <div className="own-progress" role="status" aria-live="polite">
          <progress max={progress.total} value={progress.phase === 'indexing' ? undefined : progress.done} aria-label="导入进度" />
          <span>{progress.phase === 'reading' ? `已读 ${progress.done} / ${progress.total} 个文件` : '正在更新提法索引…'}</span>
          {progress.phase === 'reading' && <button type="button" onClick={() => useOwnDocuments.getState().cancelImport()}>取消</button>}
        </div>
      )}
      {report && !progress && (
        <details className="own-report" data-import-summary>
          <summary>{report.summary}</summary>
          <ul>{report.skipped.map((s, i) => <li key={i}><span className="own-title">{s.path}</span>：{s.reason}</li>)}</ul>
        </details>
      )}
      {lastRemoved.length > 0 && (
        <div className="phrase-row" role="status">
          已移除 {lastRemoved.length === 1 ? `「${lastRemoved[0].title}」` : `${lastRemoved.length} 篇`}
          <button type="button" onClick={() => void useOwnDocuments.getState().undoRemove()}>撤销</button>
        </div>
      )}
      {folders.length > 0 && (
        <div className="own-folders">
          {folders.map(([folder, f]) => (
            <label key={folder} className="phrase-row">
              <input type="checkbox" checked={f.on > 0} ref={(el) => { if (el) el.indeterminate = f.on > 0 && f.on < f.all; }}
                aria-label={`使用文件夹「${folder}」`} onChange={(e) => void useOwnDocuments.getState().setFolderEnabled(folder, e.target.checked)} />
              {folder}<span className="muted">（{f.on}/{f.all}）</span>
            </label>
          ))}
        </div>
      )}
      {documents.length > 0 && (
        <div className="phrase-row">
          <input type="search" placeholder="按标题搜索" aria-label="按标题搜索我的文稿" value={query} onChange={(e) => setQuery(e.target.value)} />
          <button type="button" onClick={() => setNewestFirst(!newestFirst)} aria-label="按日期排序">{newestFirst ? '日期 ↓' : '日期 ↑'}</button>
        </div>
      )}
      <ul className="own-documents">
        {shown.slice(0, rowsShown).map((d) => <DocumentRow key={d.id} d={d} />)}
      </ul>
      {shown.length > rowsShown && (
        <button type="button" onClick={() => setRowsShown(rowsShown + ROWS_SHOWN)}>显示更多（还有 {shown.length - rowsShown} 篇）</button>
      )}
      {storage && storage.quota > 0 && (
        <p className="muted" data-storage-estimate>浏览器存储：已用 {(storage.usage / MB).toFixed(1)} MB，还可用 {((storage.quota - storage.usage) / MB).toFixed(0)} MB</p>
      )}
      <TeamPack />
    </fieldset>
  );
}
