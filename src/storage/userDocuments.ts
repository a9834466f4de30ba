/**
 * The writer's own documents (我的文稿: past speeches of their unit) that the phrase index learns from,
 * besides the shipped corpus. Stored in the `userDocuments` store, one record per document (shape and
 * validation in records.ts); read back through validation like every store. Records from before the
 * archive get their hash, signature and date on first read and are written back (the migration).
 * Writes are batched: one transaction per call, however many documents. Every write of a record writes its
 * digest (`userDocumentDigest.ts`) in the same transaction, through `writeUserDocument`/`removeUserDocument`:
 * the backup and the team pack write through them too.
 */
import { detectDate } from '../archive/dates';
import { fingerprintText } from '../archive/duplicates';
import type { ArchiveDocument } from '../archive/types';
import type { IDBPTransaction } from 'idb';
import type { JianggaoDB, JianggaoSchema, StoreName } from './db';
import { readAllValidated } from './quarantine';
import { USER_DOCUMENT_SCHEMA_VERSION, validateUserDocument, type UserDocumentRecord } from './records';
import { digestOf, validateUserDocumentDigest, type UserDocumentDigest } from './userDocumentDigest';

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
    await putUserDocuments(db, legacy);
  }
  return values.sort((a, b) => b.addedAt - a.addedAt);
}

/** The stores a write of own documents opens: the records and their digests, always together. */
export const USER_DOCUMENT_STORES = ['userDocuments', 'userDocumentDigests'] as const;

/** A read-write transaction over (at least) `USER_DOCUMENT_STORES`. */
export type UserDocumentWriteTx = IDBPTransaction<JianggaoSchema, ArrayLike<StoreName>, 'readwrite'>;

/** Puts `record` and its digest in `tx` (a record without a hash yet has none: it is read in full until it gets one). */
export function writeUserDocument(tx: UserDocumentWriteTx, record: UserDocumentRecord): Promise<unknown> {
  const digest = digestOf(record);
  return Promise.all([
    tx.objectStore('userDocuments').put(record),
    digest ? tx.objectStore('userDocumentDigests').put(digest) : tx.objectStore('userDocumentDigests').delete(record.id),
  ]);
}

/** Deletes record `id` and its digest in `tx`. */
export function removeUserDocument(tx: UserDocumentWriteTx, id: string): Promise<unknown> {
  return Promise.all([tx.objectStore('userDocuments').delete(id), tx.objectStore('userDocumentDigests').delete(id)]);
}

/**
 * Every own document's digest, newest first (the order of `listUserDocuments`): one `getAll` of the digests
 * and one of the records' keys, no text read. When they disagree (a record without a hash yet, a digest
 * that fails validation, a record quarantined or written by older code) the records are read in full once
 * and the digests rewritten to match.
 */
export async function listUserDocumentDigests(db: JianggaoDB): Promise<UserDocumentDigest[]> {
  const tx = db.transaction(USER_DOCUMENT_STORES);
  const [keys, stored] = await Promise.all([tx.objectStore('userDocuments').getAllKeys(), tx.objectStore('userDocumentDigests').getAll(), tx.done]);
  const ids = new Set(keys.map(String));
  const digests = stored.map(validateUserDocumentDigest).filter((d): d is UserDocumentDigest => d !== null && ids.has(d.id));
  if (digests.length === keys.length && stored.length === keys.length) return digests.sort((a, b) => b.addedAt - a.addedAt);
  const records = await listUserDocuments(db);
  const repair = db.transaction(USER_DOCUMENT_STORES, 'readwrite');
  const store = repair.objectStore('userDocumentDigests');
  await Promise.all([store.clear(), ...records.flatMap((r) => { const d = digestOf(r); return d ? [store.put(d)] : []; }), repair.done]);
  return records.flatMap((r) => digestOf(r) ?? []);
}

export function toUserDocumentRecord(document: ArchiveDocument, now = Date.now(), id: string = crypto.randomUUID()): UserDocumentRecord {
  return {
    schemaVersion: USER_DOCUMENT_SCHEMA_VERSION, id, addedAt: now, chars: document.text.replace(/\s/g, '').length,
    title: document.title, text: document.text, date: document.date, year: document.year, sourceName: document.sourceName,
    folder: document.folder, enabled: document.enabled, study: document.study, hash: document.hash, signature: [...document.signature],
  };
}

/** Stores `documents` in one transaction (all or none); returns the records written. */
export async function addUserDocuments(db: JianggaoDB, documents: readonly ArchiveDocument[], now = Date.now()): Promise<UserDocumentRecord[]> {
  const records = documents.map((d, i) => toUserDocumentRecord(d, now + i));
  await putUserDocuments(db, records);
  return records;
}

/** Puts records back as they were (undo of a removal). */
export async function putUserDocuments(db: JianggaoDB, records: readonly UserDocumentRecord[]): Promise<void> {
  const tx = db.transaction(USER_DOCUMENT_STORES, 'readwrite');
  await Promise.all([...records.map((r) => writeUserDocument(tx, r)), tx.done]);
}

/** Applies `patch` to each of `ids` in one transaction; returns the updated records. */
export async function updateUserDocuments(db: JianggaoDB, ids: readonly string[], patch: UserDocumentPatch): Promise<UserDocumentRecord[]> {
  const tx = db.transaction(USER_DOCUMENT_STORES, 'readwrite');
  const updated: UserDocumentRecord[] = [];
  for (const id of ids) {
    const checked = validateUserDocument(await tx.objectStore('userDocuments').get(id));
    if (!checked.ok) continue;
    const record = { ...checked.value, ...patch };
    if (patch.title !== undefined) record.title = patch.title.trim() || checked.value.title;
    await writeUserDocument(tx, record);
    updated.push(record);
  }
  await tx.done;
  return updated;
}

/** Removes `ids` in one transaction; returns the records removed (for undo). */
export async function deleteUserDocuments(db: JianggaoDB, ids: readonly string[]): Promise<UserDocumentRecord[]> {
  const tx = db.transaction(USER_DOCUMENT_STORES, 'readwrite');
  const removed: UserDocumentRecord[] = [];
  for (const id of ids) {
    const checked = validateUserDocument(await tx.objectStore('userDocuments').get(id));
    if (checked.ok) removed.push(checked.value);
    await removeUserDocument(tx, id);
  }
  await tx.done;
  return removed;
}

export async function deleteUserDocument(db: JianggaoDB, id: string): Promise<void> {
  await deleteUserDocuments(db, [id]);
}
