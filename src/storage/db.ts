/**
 * The app's one IndexedDB database, opened through `idb`. This module owns the schema and its upgrade
 * path; every other storage module asks `openJianggaoDB()` for the handle and never opens its own.
 *
 * DB_NAME must not change without a migration that copies the old database: writers' drafts live there.
 * Bump DB_VERSION for every schema change and add a step to `upgrade` — never edit an old step.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { validateUserDocument, type DraftRecord, type SnapshotRecord, type QuarantineRecord, type UserDocumentRecord } from './records';
import { userDocumentDigest } from './userDocumentDigest';
import type { TemplateRecord } from '../templates/types';

export const DB_NAME = 'jianggao';
export const DB_VERSION = 2;

export interface JianggaoSchema extends DBSchema {
  drafts: { key: string; value: DraftRecord };
  snapshots: { key: string; value: SnapshotRecord; indexes: { byDraft: string } };
  templates: { key: string; value: TemplateRecord };
  /** Key–value settings; keys are listed in state/settings.ts. */
  settings: { key: string; value: unknown };
  /** Records that failed validation on read, kept aside so that nothing is silently lost. */
  quarantine: { key: number; value: QuarantineRecord };
  /** The writer's own documents added to the phrase index. */
  userDocuments: { key: string; value: UserDocumentRecord; indexes: { byDigest: string } };
}

export type JianggaoDB = IDBPDatabase<JianggaoSchema>;
export type StoreName = 'drafts' | 'snapshots' | 'templates' | 'settings' | 'quarantine' | 'userDocuments';

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
      if (oldVersion < 2) {
        // The phrase index reads its inputs from this index, without the texts; existing records get their digest.
        const store = tx.objectStore('userDocuments');
        store.createIndex('byDigest', 'digest');
        void (async () => {
          for (let cursor = await store.openCursor(); cursor; cursor = await cursor.continue()) {
            const checked = validateUserDocument(cursor.value);
            const digest = checked.ok ? userDocumentDigest(checked.value) : undefined;
            if (digest) await cursor.update({ ...cursor.value, digest });
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
