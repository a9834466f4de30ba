/** Own documents' digests: their own store, read in one go without the texts, kept up to date by every write, repaired when they disagree. */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test } from 'vitest';
import { fingerprintText } from '../../../src/archive/duplicates';
import { applyImport, exportBackup, parseBackup } from '../../../src/storage/backup';
import { DB_VERSION, openJianggaoDB, type JianggaoDB } from '../../../src/storage/db';
import { applyPack, collectPackSections, planPack } from '../../../src/storage/teamPack';
import { digestOf, type UserDocumentDigest } from '../../../src/storage/userDocumentDigest';
import { addUserDocuments, deleteUserDocuments, listUserDocumentDigests, listUserDocuments, putUserDocuments, updateUserDocuments } from '../../../src/storage/userDocuments';

let counter = 0;
const dbs: JianggaoDB[] = [];
const open = async (name = `digest-test-${++counter}-${Date.now()}`) => {
  const db = await openJianggaoDB(name);
  dbs.push(db);
  return db;
};
afterEach(() => { dbs.splice(0).forEach((db) => db.close()); });

async function archiveDoc(title: string, text: string, year = 2024) {
  const { hash, signature } = await fingerprintText(text);
  return { title, text, sourceName: `${title}.txt`, folder: '', date: String(year), year, enabled: true, study: false, hash, signature };
}

/** What the full read says, as digests: the digests must always agree with it. */
const fromFullRead = async (db: JianggaoDB) => (await listUserDocuments(db)).map((r) => digestOf(r)!);
/** The digest store as it is, sorted by id (no repair: read directly). */
const stored = async (db: JianggaoDB) => (await db.getAll('userDocumentDigests')).sort((a, b) => a.id.localeCompare(b.id));
const byId = (ds: UserDocumentDigest[]) => [...ds].sort((a, b) => a.id.localeCompare(b.id));

describe('own documents digests', () => {
  test('every write keeps the digest store equal to what a full read gives, newest first', async () => {
    const db = await open();
    const [a, b] = await addUserDocuments(db, [await archiveDoc('甲', '推动经济高质量发展。'), await archiveDoc('乙', '坚定不移走中国特色社会主义道路。', 2019)], 1000);
    await addUserDocuments(db, [await archiveDoc('丙', '全面深化改革开放。')], 2000);
    expect(await stored(db)).toEqual(byId(await fromFullRead(db)));
    expect((await listUserDocumentDigests(db)).map((d) => d.title)).toEqual(['丙', '乙', '甲']);
    await updateUserDocuments(db, [a.id], { enabled: false, title: '甲二', year: 2020 });
    await updateUserDocuments(db, [b.id], { study: true });
    expect(await stored(db)).toEqual(byId(await fromFullRead(db)));
    const after = await listUserDocumentDigests(db);
    expect(after.find((d) => d.id === a.id)).toMatchObject({ enabled: false, title: '甲二', year: 2020 });
    expect(after.find((d) => d.id === b.id)).toMatchObject({ study: true });
    const removed = await deleteUserDocuments(db, [b.id]);
    expect((await stored(db)).map((d) => d.id)).not.toContain(b.id);
    await putUserDocuments(db, removed);
    expect(await stored(db)).toEqual(byId(await fromFullRead(db)));
    expect(await listUserDocumentDigests(db)).toEqual(await fromFullRead(db));
  });

  test('the texts are not read: the digests come from their own store', async () => {
    const db = await open();
    const [r] = await addUserDocuments(db, [await archiveDoc('甲', '推动经济高质量发展。')], 1000);
    // A record whose stored text and title differ from its digest shows that the digest, not the record, is read.
    await db.put('userDocuments', { ...(await db.get('userDocuments', r.id))!, text: '改过的正文', title: '改过' });
    expect(await listUserDocumentDigests(db)).toEqual([digestOf(r)]);
  });

  test('a record written without its digest (older code, a raw write) is read in full and its digest written', async () => {
    const db = await open();
    const [r] = await addUserDocuments(db, [await archiveDoc('甲', '推动经济高质量发展。')], 1000);
    const [other] = await addUserDocuments(db, [await archiveDoc('乙', '全面深化改革开放。')], 2000);
    await db.put('userDocuments', { ...(await db.get('userDocuments', r.id))!, title: '不带摘要' });
    await db.delete('userDocumentDigests', r.id);
    expect((await listUserDocumentDigests(db)).map((d) => d.title)).toEqual(['乙', '不带摘要']);
    expect(await stored(db)).toEqual(byId(await fromFullRead(db)));
    expect((await stored(db)).map((d) => d.id).sort()).toEqual([r.id, other.id].sort());
  });

  test('a digest whose record is gone, or that is not one this code wrote, is dropped and rewritten', async () => {
    const db = await open();
    const [r] = await addUserDocuments(db, [await archiveDoc('甲', '推动经济高质量发展。')], 1000);
    await db.put('userDocumentDigests', { ...digestOf(r)!, id: 'gone' });
    expect((await listUserDocumentDigests(db)).map((d) => d.id)).toEqual([r.id]);
    expect((await stored(db)).map((d) => d.id)).toEqual([r.id]);
    await db.put('userDocumentDigests', { ...digestOf(r)!, hash: 'not a hash' });
    expect(await listUserDocumentDigests(db)).toEqual([digestOf(r)]);
    expect(await stored(db)).toEqual([digestOf(r)]);
  });

  test('a backup restored and a team pack applied write their documents\' digests too', async () => {
    const source = await open();
    await addUserDocuments(source, [await archiveDoc('甲', '推动经济高质量发展。'), await archiveDoc('乙', '全面深化改革开放。')], 1000);
    const restored = await open();
    await applyImport(restored, parseBackup(JSON.stringify(await exportBackup(source))));
    expect(await stored(restored)).toEqual(byId(await fromFullRead(restored)));
    expect(await stored(restored)).toHaveLength(2);
    const packed = await open();
    const sections = await collectPackSections(source, ['documents']);
    await applyPack(packed, await planPack(packed, sections));
    expect(await stored(packed)).toEqual(byId(await fromFullRead(packed)));
    expect(await stored(packed)).toHaveLength(2);
  });
});

/** A database as an older version of the app left it: the stores of version 1 (and the digests' index of version 2). */
async function oldDatabase(name: string, version: 1 | 2, records: object[]): Promise<void> {
  await new Promise<void>((done, fail) => {
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = () => {
      const db = request.result;
      for (const store of ['drafts', 'templates', 'quarantine']) db.createObjectStore(store, { keyPath: 'id', autoIncrement: store === 'quarantine' });
      db.createObjectStore('snapshots', { keyPath: 'id' }).createIndex('byDraft', 'draftId');
      db.createObjectStore('settings').put(['extra'], 'disabledPacks');
      const own = db.createObjectStore('userDocuments', { keyPath: 'id' });
      if (version === 2) own.createIndex('byDigest', 'digest');
      for (const r of records) own.put(r);
      request.transaction!.objectStore('drafts').put({ id: 'd1', title: '稿', doc: { type: 'doc' }, text: '', createdAt: 1, updatedAt: 2 });
    };
    request.onsuccess = () => { request.result.close(); done(); };
    request.onerror = () => fail(request.error);
  });
}

describe('upgrade to database version 3', () => {
  test('a version 2 database: the digests store is built from the records, the old index is gone, nothing is lost', async () => {
    expect(DB_VERSION).toBe(3);
    const name = `digest-upgrade-2-${Date.now()}`;
    const a = await archiveDoc('旧文稿', '推动经济高质量发展。');
    const b = { ...(await archiveDoc('停用的', '全面深化改革开放。', 2018)), enabled: false };
    await oldDatabase(name, 2, [
      { schemaVersion: 2, id: 'old', addedAt: 5, chars: 9, ...a, digest: '[1,"x"]' },
      { schemaVersion: 2, id: 'off', addedAt: 6, chars: 8, ...b, digest: '[1,"y"]' },
    ]);
    const db = await open(name);
    expect(db.version).toBe(3);
    expect([...db.transaction('userDocuments').store.indexNames]).toEqual([]);
    expect(await stored(db)).toEqual([
      { id: 'off', hash: b.hash, enabled: false, title: '停用的', year: 2018, addedAt: 6, study: false },
      { id: 'old', hash: a.hash, enabled: true, title: '旧文稿', year: 2024, addedAt: 5, study: false },
    ]);
    expect(await listUserDocumentDigests(db)).toEqual(await fromFullRead(db));
    expect((await listUserDocuments(db)).map((r) => [r.id, r.text])).toEqual([['off', b.text], ['old', a.text]]);
    expect(await db.get('drafts', 'd1')).toMatchObject({ title: '稿' });
    expect(await db.get('settings', 'disabledPacks')).toEqual(['extra']);
  });

  test('a version 1 database with a record from before the archive: upgraded, then the record gets its hash and digest on first read', async () => {
    const name = `digest-upgrade-1-${Date.now()}`;
    const a = await archiveDoc('有哈希的', '推动经济高质量发展。');
    await oldDatabase(name, 1, [
      { schemaVersion: 2, id: 'new', addedAt: 5, chars: 9, ...a },
      { id: 'legacy', title: '旧稿', text: '旧稿\n（2016年5月4日）\n同志们：', addedAt: 3 },
    ]);
    const db = await open(name);
    expect((await stored(db)).map((d) => d.id)).toEqual(['new']);
    const digests = await listUserDocumentDigests(db);
    expect(digests.map((d) => [d.id, d.year])).toEqual([['new', 2024], ['legacy', 2016]]);
    expect(digests[1].hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await stored(db)).toEqual(byId(digests));
    expect((await db.get('userDocuments', 'legacy'))!.text).toBe('旧稿\n（2016年5月4日）\n同志们：');
  });
});
