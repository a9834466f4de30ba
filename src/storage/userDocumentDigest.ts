/**
 * The digest of an own document: what the phrase index takes from it besides the text (content hash, on/off,
 * title, year, when it was added, 学习材料), as one string stored in the record and indexed (`byDigest`), so
 * that a page load reads every document's digest with a key cursor, without reading the texts. Written by
 * every put of `userDocuments.ts` (and the upgrade to DB version 2); a record without one is read in full.
 */
import type { UserDocumentRecord } from './records';

/** What the phrase index needs of an own document; `id` is the record's key. */
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

const DIGEST_FORMAT = 1;

/** The digest string of a validated record; undefined while it has no content hash (a record from before the archive). */
export function userDocumentDigest(r: UserDocumentRecord): string | undefined {
  if (!r.hash) return undefined;
  return JSON.stringify([DIGEST_FORMAT, r.hash, r.enabled ? 1 : 0, r.title, r.year ?? null, r.addedAt, r.study ? 1 : 0]);
}

/** `record` with its digest set (or removed when it has none yet), as every put stores it. */
export function withDigest(record: UserDocumentRecord): UserDocumentRecord {
  const digest = userDocumentDigest(record);
  const { digest: _old, ...rest } = record;
  return digest ? { ...rest, digest } : rest;
}

/** The digest of record `id` from its stored string; null when the string is not one this code wrote. */
export function parseUserDocumentDigest(id: string, digest: string): UserDocumentDigest | null {
  try {
    const v: unknown = JSON.parse(digest);
    if (!Array.isArray(v) || v[0] !== DIGEST_FORMAT || v.length !== 7) return null;
    const [, hash, enabled, title, year, addedAt, study] = v as unknown[];
    if (typeof hash !== 'string' || typeof title !== 'string' || typeof addedAt !== 'number' || !(year === null || typeof year === 'number')) return null;
    return { id, hash, enabled: enabled === 1, title, year, addedAt, study: study === 1 };
  } catch {
    return null;
  }
}

/** The digest of a validated record (for records read in full). */
export function digestOf(r: UserDocumentRecord): UserDocumentDigest {
  return { id: r.id, hash: r.hash, enabled: r.enabled, title: r.title, year: r.year ?? null, addedAt: r.addedAt, study: r.study };
}
