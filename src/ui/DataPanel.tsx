/**
 * The writer's data: backup export/import (validated and previewed before anything changes), text files
 * in and out. Every failure is shown in Chinese and leaves the data as it was.
 */
import { useState, type ChangeEvent } from 'react';
import type { Editor } from '@tiptap/core';
import { structuredTextToDoc } from '../files/draftDocument';
import { DOCUMENT_FILE_ACCEPT, readDocumentFile } from '../files/readDocument';
import { decodeTextFile } from '../files/textFile';
import { applyBackupImport, exportAllData, planBackupImport, type BackupFile } from '../state/backup';
import { useDrafts } from '../state/drafts';
import { downloadFile, readPickedFile } from './download';
import { exportDraftText, exportDraftWord, printDraft } from './exportActions';

type Message = { kind: 'error' | 'info'; text: string } | null;

export function DataPanel({ editor }: { editor: Editor }) {
  const [message, setMessage] = useState<Message>(null);
  const [pending, setPending] = useState<{ backup: BackupFile; summary: string } | null>(null);

  const exportAll = async () => {
    const { fileName, json, backup } = await exportAllData();
    downloadFile(fileName, json, 'application/json');
    setMessage({ kind: 'info', text: `已导出 ${backup.data.drafts.length} 篇稿件、${backup.data.snapshots.length} 个历史版本、${backup.data.templates.length} 个模板。` });
  };

  const pickBackup = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setPending(null);
    try {
      const { text } = decodeTextFile(await readPickedFile(file));
      setPending(await planBackupImport(text));
      setMessage(null);
    } catch (error) {
      setMessage({ kind: 'error', text: (error as Error).message });
    }
  };

  const confirmImport = async () => {
    if (!pending) return;
    try {
      await applyBackupImport(pending.backup);
      setPending(null);
      // Every store may have changed: start afresh from disk, as on a normal launch.
      location.reload();
    } catch (error) {
      setMessage({ kind: 'error', text: `导入失败，未做任何更改：${(error as Error).message}` });
    }
  };

  const pickDocument = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    try {
      const { title, text, format } = await readDocumentFile(file.name, await readPickedFile(file));
      await useDrafts.getState().create(title, { doc: structuredTextToDoc(text), text });
      setMessage({ kind: 'info', text: `已导入「${file.name}」为新稿件（${format === 'GBK' ? '按 GBK 编码读取' : format}）；一、（一）等编号段落已识别为标题。` });
    } catch (error) {
      setMessage({ kind: 'error', text: (error as Error).message });
    }
  };

  const exportWord = async () => {
    try {
      await exportDraftWord(editor);
    } catch (error) {
      setMessage({ kind: 'error', text: (error as Error).message });
    }
  };

  return (
    <section className="data-panel" aria-label="数据">
      <h3>备份</h3>
      <p className="muted small">全部稿件（含历史版本）、模板和设置导出为一个文件，可在本机或其他电脑导入。</p>
      <div className="button-row">
        <button type="button" onClick={() => void exportAll()}>导出备份</button>
        <label className="file-button">导入备份<input type="file" accept=".json,application/json" aria-label="导入备份" onChange={(e) => void pickBackup(e)} hidden /></label>
      </div>
      {pending ? (
        <div className="import-plan" role="dialog" aria-label="确认导入">
          <p>将导入：{pending.summary}。同编号的记录会被备份中的版本替换。</p>
          <div className="button-row">
            <button type="button" className="primary" onClick={() => void confirmImport()}>确认导入</button>
            <button type="button" onClick={() => setPending(null)}>取消</button>
          </div>
        </div>
      ) : null}
      <h3>Word 与文本</h3>
      <p className="muted small">Word 按公文版式导出（仿宋正文、黑体/楷体标题、A4 页边距），编号随稿导出。</p>
      <div className="button-row">
        <button type="button" className="primary" onClick={() => void exportWord()}>导出 Word</button>
        <button type="button" onClick={() => exportDraftText(editor)}>导出文本</button>
        <button type="button" onClick={printDraft}>打印</button>
        <label className="file-button">导入 Word 或文本为新稿件<input type="file" accept={DOCUMENT_FILE_ACCEPT} aria-label="导入文本" onChange={(e) => void pickDocument(e)} hidden /></label>
      </div>
      {message ? <p className={`data-message is-${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p> : null}
    </section>
  );
}
