/**
 * The draft's hand-in actions (导出 Word, 导出文本, 打印), one function each, shared by the toolbar's 导出
 * menu and the 数据 panel so that whatever comes before an export (e.g. a confirmation) is written once.
 * Each returns a message for the writer, or throws an Error whose message is Chinese.
 */
import type { Editor } from '@tiptap/core';
import { draftToWord } from '../files/wordExport';
import { useDrafts } from '../state/drafts';
import { downloadFile } from './download';

const WORD_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function draftTitle(): string {
  return useDrafts.getState().current?.title || '讲稿';
}

/** Downloads the open draft as a .docx in the official layout; resolves false when nothing was exported. */
export async function exportDraftWord(editor: Editor): Promise<boolean> {
  const title = draftTitle();
  let blob: Blob;
  try {
    blob = await draftToWord(title, editor.getJSON());
  } catch (error) {
    throw new Error(`导出 Word 失败：${(error as Error).message}`);
  }
  downloadFile(`${title}.docx`, blob, WORD_MIME);
  return true;
}

/** Downloads the open draft as UTF-8 text: the title, a blank line, the paragraphs. */
export function exportDraftText(editor: Editor): boolean {
  const title = draftTitle();
  downloadFile(`${title}.txt`, `${title}\n\n${editor.getText({ blockSeparator: '\n' })}\n`, 'text/plain;charset=utf-8');
  return true;
}

/** Opens the browser's print dialog (the print stylesheet shows only the page). */
export function printDraft(): boolean {
  window.print();
  return true;
}
