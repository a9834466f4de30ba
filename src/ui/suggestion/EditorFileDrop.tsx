/**
 * Files dropped onto the editor: asks whether to open them as drafts or add them to 我的文稿, instead of
 * letting the editor insert nothing (or a file's name). Listens in the capture phase, so it acts before
 * ProseMirror's own drop handling; a drop of text is left to the editor.
 */
import { useEffect, useState } from 'react';
import { structuredTextToDoc } from '../../files/draftDocument';
import { readDocumentFile } from '../../files/readDocument';
import type { ArchiveFileSource } from '../../files/archiveImport';
import { useDrafts } from '../../state/drafts';
import { showToast } from '../../state/toasts';
import { dragHasFiles, droppedSources } from './archiveFiles';
import { importArchiveSources } from './OwnDocuments';

export function EditorFileDrop() {
  const [pending, setPending] = useState<ArchiveFileSource[] | null>(null);

  useEffect(() => {
    const onEditor = (e: DragEvent) => e.target instanceof Node && !!(e.target as Element).closest?.('.ProseMirror') && dragHasFiles(e.dataTransfer);
    const over = (e: DragEvent) => { if (onEditor(e)) e.preventDefault(); };
    const drop = (e: DragEvent) => {
      if (!onEditor(e)) return;
      e.preventDefault();
      e.stopPropagation();
      void droppedSources(e.dataTransfer!).then((sources) => { if (sources.length) setPending(sources); });
    };
    window.addEventListener('dragover', over, true);
    window.addEventListener('drop', drop, true);
    return () => {
      window.removeEventListener('dragover', over, true);
      window.removeEventListener('drop', drop, true);
    };
  }, []);

  if (!pending) return null;

  const openAsDrafts = async () => {
    const sources = pending;
    setPending(null);
    for (const source of sources) {
      const name = source.path.replace(/^.*\//, '');
      try {
        const { title, text } = await readDocumentFile(name, await source.bytes());
        await useDrafts.getState().create(title, { doc: structuredTextToDoc(text), text });
      } catch (error) {
        showToast(`「${name}」未打开：${(error as Error).message}`, 'error');
      }
    }
  };

  const addToArchive = () => {
    const sources = pending;
    setPending(null);
    void importArchiveSources(sources);
  };

  return (
    <div className="modal-backdrop" role="presentation">
      <div role="dialog" aria-modal="true" aria-label="拖入的文件" className="modal editor-file-drop">
        <p>拖入了 {pending.length} 个文件{pending.length === 1 ? `「${pending[0].path.replace(/^.*\//, '')}」` : ''}，要怎么处理？</p>
        <div className="button-row">
          <button type="button" onClick={() => void openAsDrafts()}>打开为新稿件</button>
          <button type="button" onClick={addToArchive}>加入我的文稿</button>
          <button type="button" onClick={() => setPending(null)}>取消</button>
        </div>
      </div>
    </div>
  );
}
