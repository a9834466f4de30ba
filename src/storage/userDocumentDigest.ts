/**
 * The digest of an own document: what the phrase index takes from it besides the text (content hash, on/off,
 * title, year, when it was added, 学习材料). Kept as one small record per document in its own store
 * (`userDocumentDigests`), written in the same transaction as the document by every write of
 * `userDocuments.ts` (and built by the upgrade to DB version 3), so that a page load reads all of them with
 * one `getAll`, without the texts and without one event per record.
 */
import type { UserDocumentRecord } from './records';

/** What the phrase index needs of an own document; `id` is the record's key (and this record's key). */
export interface UserDocumentDigest {
  id: string;
  /** The record's content hash (SHA-256 of the normalised text); the text of an id never changes. */
  hash: string;
  enabled: boolean;
  title: string;
  year: number | null;
  addedAt: number;
  study: boolean;
}

/** The digest of a validated record; null while it has no content hash (a record from before the archive). */
export function digestOf(r: UserDocumentRecord): UserDocumentDigest | null {
  if (!r.hash) return null;
  return { id: r.id, hash: r.hash, enabled: r.enabled, title: r.title, year: r.year ?? null, addedAt: r.addedAt, study: r.study };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A stored digest as this code wrote it, or null (then the document is read in full and its digest rewritten). */
export function validateUserDocumentDigest(v: unknown): UserDocumentDigest | null {
  if (!isObject(v)) return null;
  const { id, hash, enabled, title, year, addedAt, study } = v;
  if (typeof id !== 'string' || typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash) || typeof title !== 'string') return null;
  if (typeof enabled !== 'boolean' || typeof study !== 'boolean' || typeof addedAt !== 'number' || !(year === null || typeof year === 'number')) return null;
  return { id, hash, enabled, title, year, addedAt, study };
}
