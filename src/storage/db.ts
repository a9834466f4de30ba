/**
 * The app's one IndexedDB database, opened through `idb`. This module owns the schema and its upgrade
 * path; every other storage module asks `openJianggaoDB()` for the handle and never opens its own.
 *
 * DB_NAME must not change without a migration that copies the old database: writers' drafts live there.
 * Bump DB_VERSION for every schema change and add a step to `upgrade` — never edit an old step.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { validateUserDocument, type DraftRecord, type SnapshotRecord, type QuarantineRecord, type UserDocumentRecord } from './records';
import { digestOf, type UserDocumentDigest } from './userDocumentDigest';
import type { TemplateRecord } from '../templates/types';

export const DB_NAME = 'jianggao';
export const DB_VERSION = 3;

export interface JianggaoSchema extends DBSchema {
  drafts: { key: string; value: DraftRecord };
  snapshots: { key: string; value: SnapshotRecord; indexes: { byDraft: string } };
  templates: { key: string; value: TemplateRecord };
  /** Key–value settings; keys are listed in state/settings.ts. */
  settings: { key: string; value: unknown };
  /** Records that failed validation on read, kept aside so that nothing is silently lost. */
  quarantine: { key: number; value: QuarantineRecord };
  /** The writer's own documents added to the phrase index. */
  userDocuments: { key: string; value: UserDocumentRecord };
  /** One digest per own document (same key), written with it: what the phrase index reads at page load. */
  userDocumentDigests: { key: string; value: UserDocumentDigest };
}

export type JianggaoDB = IDBPDatabase<JianggaoSchema>;
export type StoreName = 'drafts' | 'snapshots' | 'templates' | 'settings' | 'quarantine' | 'userDocuments' | 'userDocumentDigests';

let opening: Promise<JianggaoDB> | null = null;

/** Opens (once per page) and upgrades the database. A blocked upgrade in another tab is reported, not awaited forever. */
export function openJianggaoDB(name: string = DB_NAME): Promise<JianggaoDB> {
  if (name !== DB_NAME) return openWithSchema(name);
  opening ??= openWithSchema(name).catch((error) => {
    opening = null;
    throw error;
  });
  return opening;
}

function openWithSchema(name: string): Promise<JianggaoDB> {
  return openDB<JianggaoSchema>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        db.createObjectStore('drafts', { keyPath: 'id' });
        db.createObjectStore('snapshots', { keyPath: 'id' }).createIndex('byDraft', 'draftId');
        db.createObjectStore('templates', { keyPath: 'id' });
        db.createObjectStore('settings');
        db.createObjectStore('quarantine', { keyPath: 'id', autoIncrement: true });
        db.createObjectStore('userDocuments', { keyPath: 'id' });
      }
      // Version 2 kept each record's digest in the record, under a `byDigest` index read by key cursor (one
      // event per record); version 3 keeps them in their own store. A database at version 1 goes straight to 3.
      if (oldVersion < 3) {
        if (oldVersion === 2) tx.objectStore('userDocuments').deleteIndex('byDigest');
        const digests = db.createObjectStore('userDocumentDigests', { keyPath: 'id' });
        void (async () => {
          for (let cursor = await tx.objectStore('userDocuments').openCursor(); cursor; cursor = await cursor.continue()) {
            const checked = validateUserDocument(cursor.value);
            const digest = checked.ok ? digestOf(checked.value) : null;
            // A record without a hash yet (from before the archive) gets its digest when it is first read in full.
            if (digest) await digests.put(digest);
          }
        })();
      }
    },
    blocking() {
      // Another tab wants a newer schema: close so that its upgrade can run; this tab will reopen on next use.
      void opening?.then((db) => db.close());
      opening = null;
    },
  });
}

/** For tests: forget the cached handle so that the next call opens afresh. */
export function resetDBHandleForTests(): void {
  opening = null;
}
