/**
 * The writer's own documents (我的文稿: past speeches of their unit) that the phrase index learns from,
 * besides the shipped corpus. Stored in the `userDocuments` store, one record per document (shape and
 * validation in records.ts); read back through validation like every store. Records from before the
 * archive get their hash, signature and date on first read and are written back (the migration).
 * Writes are batched: one transaction per call, however many documents.
 */
import { detectDate } from '../archive/dates';
import { fingerprintText } from '../archive/duplicates';
import type { ArchiveDocument } from '../archive/types';
import type { JianggaoDB } from './db';
import { readAllValidated } from './quarantine';
import { USER_DOCUMENT_SCHEMA_VERSION, validateUserDocument, type UserDocumentRecord } from './records';
import { digestOf, parseUserDocumentDigest, withDigest, type UserDocumentDigest } from './userDocumentDigest';

export type { UserDocumentDigest } from './userDocumentDigest';

/** The pack id under which the writer's own documents enter the index (switchable like the others). */
export const OWN_DOCUMENTS_PACK = 'own';

/** Editable fields of a stored document. */
export type UserDocumentPatch = Partial<Pick<UserDocumentRecord, 'title' | 'date' | 'year' | 'folder' | 'enabled' | 'study'>>;

export async function listUserDocuments(db: JianggaoDB): Promise<UserDocumentRecord[]> {
  const { values } = await readAllValidated(db, 'userDocuments', validateUserDocument);
  const legacy = values.filter((r) => !r.hash);
  if (legacy.length) {
    for (const record of legacy) {
      const { hash, signature } = await fingerprintText(record.text);
      const { date, year } = detectDate(record.text, record.addedAt);
      Object.assign(record, { hash, signature, date, year });
    }
    const tx = db.transaction('userDocuments', 'readwrite');
    await Promise.all([...legacy.map((r) => tx.store.put(withDigest(r))), tx.done]);
  }
  return values.sort((a, b) => b.addedAt - a.addedAt);
}

/**
 * Every own document's digest, newest first (the order of `listUserDocuments`), read from the `byDigest`
 * index without the texts. Records without a digest (restored from an old backup, from before the
 * archive) are read in full once, and their digests written.
 */
export async function listUserDocumentDigests(db: JianggaoDB): Promise<UserDocumentDigest[]> {
  const tx = db.transaction('userDocuments');
  const [keys, digests] = await Promise.all([tx.store.getAllKeys(), (async () => {
    const out: UserDocumentDigest[] = [];
    for (let cursor = await tx.store.index('byDigest').openKeyCursor(); cursor; cursor = await cursor.continue()) {
      const d = parseUserDocumentDigest(String(cursor.primaryKey), String(cursor.key));
      if (d) out.push(d);
    }
    return out;
  })()]);
  await tx.done;
  if (digests.length !== keys.length) {
    const records = await listUserDocuments(db);
    const have = new Set(digests.map((d) => d.id));
    const missing = records.filter((r) => r.hash && !have.has(r.id));
    if (missing.length) await putUserDocuments(db, missing);
    return records.map(digestOf);
  }
  return digests.sort((a, b) => b.addedAt - a.addedAt);
}

export function toUserDocumentRecord(document: ArchiveDocument, now = Date.now(), id: string = crypto.randomUUID()): UserDocumentRecord {
  return withDigest({
    schemaVersion: USER_DOCUMENT_SCHEMA_VERSION, id, addedAt: now, chars: document.text.replace(/\s/g, '').length,
    title: document.title, text: document.text, date: document.date, year: document.year, sourceName: document.sourceName,
    folder: document.folder, enabled: document.enabled, study: document.study, hash: document.hash, signature: [...document.signature],
  });
}

/** Stores `documents` in one transaction (all or none); returns the records written. */
export async function addUserDocuments(db: JianggaoDB, documents: readonly ArchiveDocument[], now = Date.now()): Promise<UserDocumentRecord[]> {
  const records = documents.map((d, i) => toUserDocumentRecord(d, now + i));
  const tx = db.transaction('userDocuments', 'readwrite');
  await Promise.all([...records.map((r) => tx.store.put(r)), tx.done]);
  return records;
}

/** Puts records back as they were (undo of a removal). */
export async function putUserDocuments(db: JianggaoDB, records: readonly UserDocumentRecord[]): Promise<void> {
  const tx = db.transaction('userDocuments', 'readwrite');
  await Promise.all([...records.map((r) => tx.store.put(withDigest(r))), tx.done]);
}

/** Applies `patch` to each of `ids` in one transaction; returns the updated records. */
export async function updateUserDocuments(db: JianggaoDB, ids: readonly string[], patch: UserDocumentPatch): Promise<UserDocumentRecord[]> {
  const tx = db.transaction('userDocuments', 'readwrite');
  const updated: UserDocumentRecord[] = [];
  for (const id of ids) {
    const checked = validateUserDocument(await tx.store.get(id));
    if (!checked.ok) continue;
    const record = { ...checked.value, ...patch };
    if (patch.title !== undefined) record.title = patch.title.trim() || checked.value.title;
    await tx.store.put(withDigest(record));
    updated.push(record);
  }
  await tx.done;
  return updated;
}

/** Removes `ids` in one transaction; returns the records removed (for undo). */
export async function deleteUserDocuments(db: JianggaoDB, ids: readonly string[]): Promise<UserDocumentRecord[]> {
  const tx = db.transaction('userDocuments', 'readwrite');
  const removed: UserDocumentRecord[] = [];
  for (const id of ids) {
    const checked = validateUserDocument(await tx.store.get(id));
    if (checked.ok) removed.push(checked.value);
    await tx.store.delete(id);
  }
  await tx.done;
  return removed;
}

export async function deleteUserDocument(db: JianggaoDB, id: string): Promise<void> {
  await deleteUserDocuments(db, [id]);
}
