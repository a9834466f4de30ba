/**
 * Reading with validation: every record read from a store passes its validator; one that fails is moved
 * to the `quarantine` store (kept, never deleted) and reported once. The app then opens with the rest.
 */
import type { JianggaoDB, StoreName } from './db';
import type { QuarantineRecord, Validation } from './records';

export interface Rejected { store: string; key: string; reason: string }

export interface ValidatedRead<T> { values: T[]; rejected: Rejected[] }

type ReadableStore = Exclude<StoreName, 'quarantine' | 'settings'>;

/** Reads every record of `store`, moves those that fail `validate` aside, and returns both lists. */
export async function readAllValidated<T>(db: JianggaoDB, store: ReadableStore, validate: (v: unknown) => Validation<T>): Promise<ValidatedRead<T>> {
  const tx = db.transaction([store, 'quarantine'], 'readwrite');
  const values: T[] = [];
  const rejected: Rejected[] = [];
  let cursor = await tx.objectStore(store).openCursor();
  while (cursor) {
    const result = validate(cursor.value);
    if (result.ok) {
      values.push(result.value);
    } else {
      const key = String(cursor.key);
      const record: QuarantineRecord = { store, key, value: cursor.value, reason: result.reason, at: Date.now() };
      await tx.objectStore('quarantine').add(record);
      await cursor.delete();
      rejected.push({ store, key, reason: result.reason });
    }
    cursor = await cursor.continue();
  }
  await tx.done;
  return { values, rejected };
}

/** Reads one record through its validator; a failure is quarantined like in readAllValidated. */
export async function readOneValidated<T>(db: JianggaoDB, store: ReadableStore, key: string, validate: (v: unknown) => Validation<T>): Promise<T | undefined> {
  const raw = await db.get(store, key);
  if (raw === undefined) return undefined;
  const result = validate(raw);
  if (result.ok) return result.value;
  const tx = db.transaction([store, 'quarantine'], 'readwrite');
  await tx.objectStore('quarantine').add({ store, key, value: raw, reason: result.reason, at: Date.now() });
  await tx.objectStore(store).delete(key);
  await tx.done;
  return undefined;
}

export async function listQuarantine(db: JianggaoDB): Promise<QuarantineRecord[]> {
  return db.getAll('quarantine');
}
