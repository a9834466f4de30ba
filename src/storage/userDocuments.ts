/**
 * The writer's own documents (past speeches of their unit) that the phrase index learns from, besides the
 * shipped corpus. Stored in the `userDocuments` store; read back through validation like every store.
 */
import type { JianggaoDB } from './db';
import { readAllValidated } from './quarantine';
import { validateUserDocument, type UserDocumentRecord } from './records';

/** The pack id under which the writer's own documents enter the index (switchable like the others). */
export const OWN_DOCUMENTS_PACK = 'own';

export async function listUserDocuments(db: JianggaoDB): Promise<UserDocumentRecord[]> {
  const { values } = await readAllValidated(db, 'userDocuments', validateUserDocument);
  return values.sort((a, b) => b.addedAt - a.addedAt);
}

export async function addUserDocument(db: JianggaoDB, title: string, text: string, now = Date.now()): Promise<UserDocumentRecord> {
  const record: UserDocumentRecord = { id: crypto.randomUUID(), title, text, addedAt: now };
  await db.put('userDocuments', record);
  return record;
}

export async function deleteUserDocument(db: JianggaoDB, id: string): Promise<void> {
  await db.delete('userDocuments', id);
}
