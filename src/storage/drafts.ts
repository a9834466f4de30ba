/**
 * Draft records in IndexedDB: list (validated), read, write, delete. No timing, no UI: the draft saver
 * (draftSaver.ts) decides when to write, DraftSync (draftSync.ts) decides what.
 */
import type { JianggaoDB } from './db';
import { readAllValidated, readOneValidated, type ValidatedRead } from './quarantine';
import { validateDraft, type DocJSON, type DraftRecord } from './records';

export const EMPTY_DOC: DocJSON = { type: 'doc', content: [{ type: 'paragraph' }] };

export function newDraftRecord(title: string, now = Date.now(), doc: DocJSON = EMPTY_DOC, text = ''): DraftRecord {
  return { id: crypto.randomUUID(), title, doc, text, createdAt: now, updatedAt: now };
}

/** All valid drafts, newest first; invalid ones are quarantined and returned in `rejected`. */
export async function listDrafts(db: JianggaoDB): Promise<ValidatedRead<DraftRecord>> {
  const read = await readAllValidated(db, 'drafts', validateDraft);
  read.values.sort((a, b) => b.updatedAt - a.updatedAt);
  return read;
}

export function getDraft(db: JianggaoDB, id: string): Promise<DraftRecord | undefined> {
  return readOneValidated(db, 'drafts', id, validateDraft);
}

/**
 * Resolves only once the transaction has committed (idb's `db.put` shortcut resolves on the request's
 * success, before the commit: a page unloading in between would lose the write after the saver had
 * already dropped its unload stash).
 */
export async function putDraft(db: JianggaoDB, draft: DraftRecord): Promise<void> {
  const tx = db.transaction('drafts', 'readwrite');
  await Promise.all([tx.store.put(draft), tx.done]);
}

export async function deleteDraft(db: JianggaoDB, id: string): Promise<void> {
  await db.delete('drafts', id);
}
