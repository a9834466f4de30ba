/**
 * The writer's own documents for the phrase index: add Word (.docx) or text files (UTF-8 or GBK) or the open draft,
 * remove them, switch them off like a corpus pack. The index rebuilds in the background after a change.
 */
import { useEffect, useState, type ChangeEvent } from 'react';
import { openJianggaoDB } from '../../storage/db';
import type { UserDocumentRecord } from '../../storage/records';
import { DOCUMENT_FILE_ACCEPT, readDocumentFile } from '../../files/readDocument';
import { addUserDocument, deleteUserDocument, listUserDocuments, OWN_DOCUMENTS_PACK } from '../../storage/userDocuments';
import { useDrafts } from '../../state/drafts';
import { rebuild } from '../../state/phraseIndex';
import { useSettings } from '../../state/settings';
import { showToast } from '../../state/toasts';
import { readPickedFile } from '../download';

export function OwnDocuments() {
  const [documents, setDocuments] = useState<UserDocumentRecord[]>([]);
  const disabledPacks = useSettings((s) => s.disabledPacks);
  const set = useSettings((s) => s.set);
  const enabled = !disabledPacks.includes(OWN_DOCUMENTS_PACK);

  const reload = async () => setDocuments(await listUserDocuments(await openJianggaoDB()));
  useEffect(() => { void reload(); }, []);

  const changed = async () => {
    await reload();
    if (enabled) void rebuild();
  };

  const addFiles = async (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    e.target.value = '';
    const db = await openJianggaoDB();
    for (const file of files) {
      try {
        const { title, text } = await readDocumentFile(file.name, await readPickedFile(file));
        await addUserDocument(db, title, text);
      } catch (error) {
        showToast(`「${file.name}」未加入：${(error as Error).message}`, 'error');
      }
    }
    await changed();
  };

  const addCurrentDraft = async () => {
    await useDrafts.getState().flush();
    const draft = useDrafts.getState().current;
    if (!draft?.text.trim()) return showToast('当前稿件是空的，没有可加入的内容。', 'error');
    await addUserDocument(await openJianggaoDB(), draft.title, draft.text);
    showToast(`已把「${draft.title}」加入我的文稿。`);
    await changed();
  };

  const remove = async (id: string) => {
    await deleteUserDocument(await openJianggaoDB(), id);
    await changed();
  };

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
