/** Own documents' digests: read without the texts, kept up to date by every write, repaired when missing. */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test } from 'vitest';
import { fingerprintText } from '../../../src/archive/duplicates';
import { openJianggaoDB, type JianggaoDB } from '../../../src/storage/db';
import { digestOf } from '../../../src/storage/userDocumentDigest';
import { addUserDocuments, deleteUserDocuments, listUserDocumentDigests, listUserDocuments, putUserDocuments, updateUserDocuments } from '../../../src/storage/userDocuments';

let counter = 0;
const dbs: JianggaoDB[] = [];
const open = async () => {
  const db = await openJianggaoDB(`digest-test-${++counter}-${Date.now()}`);
  dbs.push(db);
  return db;
};
afterEach(() => { dbs.splice(0).forEach((db) => db.close()); });

async function archiveDoc(title: string, text: string, year = 2024) {
  const { hash, signature } = await fingerprintText(text);
  return { title, text, sourceName: `${title}.txt`, folder: '', date: String(year), year, enabled: true, study: false, hash, signature };
}

/** What the full read says, as digests: the digests must always agree with it. */
const fromFullRead = async (db: JianggaoDB) => (await listUserDocuments(db)).map(digestOf);

describe('own documents digests', () => {
  test('equal what a full read gives, newest first, after adds, edits, removals and undo', async () => {
    const db = await open();
    const [a, b] = await addUserDocuments(db, [await archiveDoc('甲', '推动经济高质量发展。'), await archiveDoc('乙', '坚定不移走中国特色社会主义道路。', 2019)], 1000);
    await addUserDocuments(db, [await archiveDoc('丙', '全面深化改革开放。')], 2000);
    expect(await listUserDocumentDigests(db)).toEqual(await fromFullRead(db));
    expect((await listUserDocumentDigests(db)).map((d) => d.title)).toEqual(['丙', '乙', '甲']);
    await updateUserDocuments(db, [a.id], { enabled: false, title: '甲二', year: 2020 });
    await updateUserDocuments(db, [b.id], { study: true });
    const after = await listUserDocumentDigests(db);
    expect(after).toEqual(await fromFullRead(db));
    expect(after.find((d) => d.id === a.id)).toMatchObject({ enabled: false, title: '甲二', year: 2020 });
    expect(after.find((d) => d.id === b.id)).toMatchObject({ study: true });
    const removed = await deleteUserDocuments(db, [b.id]);
    expect((await listUserDocumentDigests(db)).map((d) => d.id)).not.toContain(b.id);
    await putUserDocuments(db, removed);
    expect(await listUserDocumentDigests(db)).toEqual(await fromFullRead(db));
  });

  test('the texts are not read: records are found through the index, whatever their text', async () => {
    const db = await open();
    const [r] = await addUserDocuments(db, [await archiveDoc('甲', '推动经济高质量发展。')], 1000);
    // A record whose stored text differs from its digest's hash shows that the digest, not the text, is read.
    await db.put('userDocuments', { ...(await db.get('userDocuments', r.id))!, text: '改过的正文' });
    expect((await listUserDocumentDigests(db))[0].hash).toBe(r.hash);
  });

  test('a record written without a digest (an old backup, an old version) is read in full and repaired', async () => {
    const db = await open();
    const [r] = await addUserDocuments(db, [await archiveDoc('甲', '推动经济高质量发展。')], 1000);
    const { digest: _drop, ...bare } = (await db.get('userDocuments', r.id))!;
    await db.put('userDocuments', { ...bare, title: '不带摘要' });
    expect((await listUserDocumentDigests(db)).map((d) => d.title)).toEqual(['不带摘要']);
    expect((await db.get('userDocuments', r.id))!.digest).toContain('不带摘要');
    expect(await db.getAllKeys('userDocuments')).toEqual(await db.getAllKeysFromIndex('userDocuments', 'byDigest'));
  });

  test('the upgrade to database version 2 gives the existing records their digests', async () => {
    const name = `digest-upgrade-${Date.now()}`;
    const doc = await archiveDoc('旧文稿', '推动经济高质量发展。');
    await new Promise<void>((done, fail) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => {
        for (const store of ['drafts', 'templates', 'quarantine']) request.result.createObjectStore(store, { keyPath: 'id', autoIncrement: store === 'quarantine' });
        request.result.createObjectStore('snapshots', { keyPath: 'id' }).createIndex('byDraft', 'draftId');
        request.result.createObjectStore('settings');
        request.result.createObjectStore('userDocuments', { keyPath: 'id' }).put({ schemaVersion: 2, id: 'old', addedAt: 5, chars: 9, ...doc });
      };
      request.onsuccess = () => { request.result.close(); done(); };
      request.onerror = () => fail(request.error);
    });
    const db = await openJianggaoDB(name);
    dbs.push(db);
    expect(await db.getAllKeysFromIndex('userDocuments', 'byDigest')).toEqual(['old']);
    expect(await listUserDocumentDigests(db)).toEqual([{ id: 'old', hash: doc.hash, enabled: true, title: '旧文稿', year: 2024, addedAt: 5, study: false }]);
  });
});
