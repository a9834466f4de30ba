/**
 * The export actions of the open draft, shared by every place that offers them (the 数据 panel, the
 * toolbar's 导出 menu): Word, text and print. 导出 Word first looks at the draft check: with placeholders
 * left unfilled or numbering problems it asks 「还有 3 处未填，仍要导出？」 (ExportQuestion, mounted once
 * in the app), with a link to the list in the 检查 panel; the writer may export anyway.
 */
import type { Editor } from '@tiptap/core';
import { create } from 'zustand';
import { draftToWord } from '../files/wordExport';
import { useDrafts } from '../state/drafts';
import { showToast } from '../state/toasts';
import { exportCheck, type ExportCheck } from '../structure';
import { downloadFile } from './download';
import { draftFindings } from './structure/useDocStructure';

export const WORD_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** The side panel that lists what is left to fill. */
export const CHECK_PANEL_ID = 'check';

const draftTitle = () => useDrafts.getState().current?.title ?? '讲稿';

/** The export question on screen, if any: what it asks and the editor whose draft it is about. */
export const useExportQuestion = create<{ pending: { editor: Editor; check: ExportCheck } | null }>(() => ({ pending: null }));

/** Writes the Word file at once, without asking; a failure is told in Chinese and changes nothing. */
export async function exportWordNow(editor: Editor): Promise<void> {
  const title = draftTitle();
  try {
    downloadFile(`${title}.docx`, await draftToWord(title, editor.getJSON()), WORD_MIME);
  } catch (error) {
    showToast(`导出 Word 失败：${(error as Error).message}`, 'error');
  }
}

/** 导出 Word: asks first when the draft check finds placeholders or numbering problems. */
export async function exportWord(editor: Editor): Promise<void> {
  const check = exportCheck(draftFindings(editor));
  if (check) useExportQuestion.setState({ pending: { editor, check } });
  else await exportWordNow(editor);
}

export function exportText(editor: Editor): void {
  const title = draftTitle();
  downloadFile(`${title}.txt`, `${title}\n\n${editor.getText({ blockSeparator: '\n' })}\n`, 'text/plain;charset=utf-8');
}

export function printDraft(): void {
  window.print();
}
