/**
 * The writer's own documents for the phrase index: add Word (.docx) or text files (UTF-8 or GBK) or the open draft,
 * remove them, switch them off like a corpus pack. The index rebuilds in the background after a change.
 */
import { useEffect, type ChangeEvent } from 'react';
import { DOCUMENT_FILE_ACCEPT, readDocumentFile } from '../../files/readDocument';
import { useDrafts } from '../../state/drafts';
import { OWN_DOCUMENTS_PACK, useOwnDocuments, type NewOwnDocument } from '../../state/ownDocuments';
import { useSettings } from '../../state/settings';
import { showToast } from '../../state/toasts';
import { readPickedFile } from '../download';

export function OwnDocuments() {
  const documents = useOwnDocuments((s) => s.documents);
  const disabledPacks = useSettings((s) => s.disabledPacks);
  const set = useSettings((s) => s.set);
  const enabled = !disabledPacks.includes(OWN_DOCUMENTS_PACK);

  useEffect(() => { void useOwnDocuments.getState().reload(); }, []);

  const addFiles = async (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    e.target.value = '';
    const notAdded = (name: string, error: unknown) => showToast(`「${name}」未加入：${(error as Error).message}`, 'error');
    const read: (NewOwnDocument & { fileName: string })[] = [];
    for (const file of files) {
      try {
        read.push({ ...(await readDocumentFile(file.name, await readPickedFile(file))), fileName: file.name });
      } catch (error) {
        notAdded(file.name, error);
      }
    }
    const failed = await useOwnDocuments.getState().add(read);
    for (const { document, error } of failed) notAdded(document.fileName, error);
  };

  const addCurrentDraft = async () => {
    await useDrafts.getState().flush();
    const draft = useDrafts.getState().current;
    if (!draft?.text.trim()) return showToast('当前稿件是空的，没有可加入的内容。', 'error');
    const [failed] = await useOwnDocuments.getState().add([{ title: draft.title, text: draft.text }]);
    if (failed) throw failed.error;
    showToast(`已把「${draft.title}」加入我的文稿。`);
  };

  const remove = (id: string) => useOwnDocuments.getState().remove(id);

  return (
    <fieldset className="phrase-own">
      <legend>我的文稿</legend>
      <label className="phrase-row">
        <input type="checkbox" checked={enabled}
          onChange={(e) => set('disabledPacks', e.target.checked ? disabledPacks.filter((p) => p !== OWN_DOCUMENTS_PACK) : [...disabledPacks, OWN_DOCUMENTS_PACK])} />
        用我的文稿提示提法<span className="muted">（{documents.length} 篇，只存本机）</span>
      </label>
      <div className="button-row">
        <label className="file-button">添加 Word 或文本文件<input type="file" accept={DOCUMENT_FILE_ACCEPT} multiple hidden aria-label="添加我的文稿" onChange={(e) => void addFiles(e)} /></label>
        <button type="button" onClick={() => void addCurrentDraft()}>加入当前稿件</button>
      </div>
      <ul className="own-documents">
        {documents.map((d) => (
          <li key={d.id}>
            <span className="own-title" title={d.title}>{d.title}</span>
            <span className="muted">{d.text.replace(/\s/g, '').length} 字</span>
            <button type="button" className="icon-button" aria-label={`移除「${d.title}」`} onClick={() => void remove(d.id)}>×</button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
