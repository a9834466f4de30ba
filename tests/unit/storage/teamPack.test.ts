import 'fake-indexeddb/auto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fingerprintText } from '../../../src/archive/duplicates';
import { readTeamPack, TeamPackError, writeTeamPack, TEAM_PACK_SCHEMA_VERSION } from '../../../src/files/teamPack';
import { openJianggaoDB, type JianggaoDB } from '../../../src/storage/db';
import { applyPack, collectPackSections, planPack } from '../../../src/storage/teamPack';
import { createTemplate, loadTemplates } from '../../../src/storage/templates';
import { addUserDocuments, deleteUserDocuments, listUserDocuments, putUserDocuments, updateUserDocuments } from '../../../src/storage/userDocuments';

let counter = 0;
const open = () => openJianggaoDB(`pack-test-${++counter}-${Date.now()}`);
let dbs: JianggaoDB[] = [];
beforeEach(() => { dbs = []; });
afterEach(() => dbs.forEach((db) => db.close()));
async function fresh(): Promise<JianggaoDB> {
  const db = await open();
  dbs.push(db);
  return db;
}

const speech = (n: number) => Array.from({ length: 30 }, (_, i) => `第${n}篇第${i}段：要坚持稳中求进工作总基调，奋力推进第${n * 100 + i}号重点工程。`).join('\n');

async function doc(n: number, extra: Partial<{ folder: string; title: string; text: string }> = {}) {
  const text = extra.text ?? speech(n);
  const { hash, signature } = await fingerprintText(text);
  return { title: extra.title ?? `讲话${n}`, text, sourceName: `${n}.txt`, folder: extra.folder ?? '', date: `202${n % 10}-01`, year: 2020 + (n % 10), enabled: true, study: false, hash, signature };
}

async function snapshot(db: JianggaoDB) {
  return { docs: (await db.getAll('userDocuments')).length, templates: JSON.stringify(await db.getAll('templates')) };
}

describe('own-document records', () => {
  test('a record from before the archive is migrated on read: hash, signature, date; values kept', async () => {
    const db = await fresh();
    await db.put('userDocuments', { id: 'old', title: '旧稿', text: '旧稿\n（2016年5月4日）\n同志们：', addedAt: Date.UTC(2020, 0, 1) } as never);
    const [record] = await listUserDocuments(db);
    expect(record).toMatchObject({ id: 'old', title: '旧稿', schemaVersion: 2, date: '2016-05-04', year: 2016, enabled: true, study: false });
    expect(record.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await db.get('userDocuments', 'old')).toMatchObject({ schemaVersion: 2, hash: record.hash });
  });

  test('a record of an unknown version is quarantined, not shown', async () => {
    const db = await fresh();
    await db.put('userDocuments', { id: 'x', text: 'a', schemaVersion: 99 } as never);
    expect(await listUserDocuments(db)).toEqual([]);
    expect(await db.getAll('quarantine')).toHaveLength(1);
  });

  test('update, remove and put back', async () => {
    const db = await fresh();
    const [a, b] = await addUserDocuments(db, [await doc(1), await doc(2)]);
    await updateUserDocuments(db, [a.id], { enabled: false, study: true, title: '  ' });
    expect((await listUserDocuments(db)).find((d) => d.id === a.id)).toMatchObject({ enabled: false, study: true, title: '讲话1' });
    const removed = await deleteUserDocuments(db, [a.id, b.id]);
    expect(await listUserDocuments(db)).toEqual([]);
    await putUserDocuments(db, removed);
    expect((await listUserDocuments(db)).map((d) => d.title).sort()).toEqual(['讲话1', '讲话2']);
  });
});

describe('team pack', () => {
  async function packFrom(db: JianggaoDB) {
    return writeTeamPack(await collectPackSections(db, ['documents', 'templates']), '0.1.0', 1_700_000_000_000);
  }

  test('round trip: archive and own templates arrive in a fresh profile; a second import adds nothing', async () => {
    const a = await fresh();
    await addUserDocuments(a, [await doc(1, { folder: '县委' }), { ...(await doc(2)), study: true }]);
    await createTemplate(a, { name: '开场白', category: '开头', body: '同志们：\n今天我们召开{{会议名称}}。' });
    const bytes = await packFrom(a);

    const pack = await readTeamPack(bytes);
    expect(pack.manifest).toMatchObject({ format: 'jianggao-team-pack', schemaVersion: TEAM_PACK_SCHEMA_VERSION, productVersion: '0.1.0' });
    expect(pack.manifest.sections.map((s) => [s.id, s.count])).toEqual([['documents', 2], ['templates', 1]]);

    const b = await fresh();
    const plan = await planPack(b, pack.sections);
    expect(plan.map((p) => [p.id, p.add, p.replace, p.skip])).toEqual([['documents', 2, 0, 0], ['templates', 1, 0, 0]]);
    await applyPack(b, plan);
    const docs = await listUserDocuments(b);
    expect(docs.map((d) => d.title).sort()).toEqual(['讲话1', '讲话2']);
    expect(docs.find((d) => d.title === '讲话1')).toMatchObject({ folder: '县委', year: 2021 });
    expect(docs.find((d) => d.title === '讲话2')?.study).toBe(true);
    expect((await loadTemplates(b)).templates.find((t) => t.name === '开场白')?.variables).toContain('会议名称');

    const again = await planPack(b, pack.sections);
    expect(again.map((p) => [p.id, p.add, p.replace, p.skip])).toEqual([['documents', 0, 0, 2], ['templates', 0, 0, 1]]);
  });

  test("two colleagues' packs merge without duplicating documents", async () => {
    const one = await fresh();
    await addUserDocuments(one, [await doc(1), await doc(2)]);
    const two = await fresh();
    await addUserDocuments(two, [await doc(2, { title: '同一篇，另一个标题' }), await doc(3), await doc(4, { text: speech(1).replace('第1篇第0段', '第1篇第零段') })]);
    const me = await fresh();
    for (const source of [one, two]) {
      const pack = await readTeamPack(await packFrom(source));
      await applyPack(me, await planPack(me, pack.sections));
    }
    expect((await listUserDocuments(me)).map((d) => d.title).sort()).toEqual(['讲话1', '讲话2', '讲话3']);
  });

  test('an edited own template with the same id is replaced', async () => {
    const a = await fresh();
    const t = await createTemplate(a, { name: '结尾', category: '结尾', body: '同志们，让我们团结一心。' });
    const b = await fresh();
    await applyPack(b, await planPack(b, (await readTeamPack(await packFrom(a))).sections));
    await a.put('templates', { ...t, body: '同志们，让我们团结一心，再创佳绩！', updatedAt: t.updatedAt + 1 });
    const plan = await planPack(b, (await readTeamPack(await packFrom(a))).sections);
    expect(plan.find((p) => p.id === 'templates')).toMatchObject({ add: 0, replace: 1, skip: 0 });
    await applyPack(b, plan);
    expect((await loadTemplates(b)).templates.find((x) => x.id === t.id)?.body).toContain('再创佳绩');
  });

  test('a section this version does not know is listed and skipped', async () => {
    const bytes = await writeTeamPack([{ id: 'timeliness', label: '提法时效规则', items: [{ a: 1 }] }], '0.2.0');
    const db = await fresh();
    const plan = await planPack(db, (await readTeamPack(bytes)).sections);
    expect(plan).toMatchObject([{ id: 'timeliness', known: false, add: 0, skip: 1 }]);
  });

  describe('bad packs are refused in Chinese with nothing changed', () => {
    async function good(): Promise<Uint8Array> {
      const a = await fresh();
      await addUserDocuments(a, [await doc(5)]);
      await createTemplate(a, { name: '开场', category: '开头', body: '同志们：' });
      return packFrom(a);
    }
    function rezip(bytes: Uint8Array, change: (files: Record<string, Uint8Array>) => void): Uint8Array {
      const files = unzipSync(bytes);
      change(files);
      return zipSync(files);
    }
    const manifestOf = (files: Record<string, Uint8Array>) => JSON.parse(strFromU8(files['manifest.json']));

    const cases: [string, (bytes: Uint8Array) => Uint8Array, RegExp][] = [
      ['truncated', (b) => b.subarray(0, Math.floor(b.length * 0.6)), /不完整|已损坏/],
      ['foreign (a zip without a manifest)', () => zipSync({ 'a.txt': strToU8('hello') }), /不是讲稿的团队包/],
      ['foreign (not a zip)', () => strToU8('{"format":"jianggao-backup"}'), /不是讲稿的团队包/],
      ['foreign (another format)', (b) => rezip(b, (f) => { f['manifest.json'] = strToU8(JSON.stringify({ ...manifestOf(f), format: 'other' })); }), /不是讲稿的团队包/],
      ['newer version', (b) => rezip(b, (f) => { f['manifest.json'] = strToU8(JSON.stringify({ ...manifestOf(f), schemaVersion: 2, productVersion: '9.0.0' })); }), /较新版本/],
      ['tampered section', (b) => rezip(b, (f) => { f['sections/documents.json'] = strToU8(strFromU8(f['sections/documents.json']).replace('稳中求进', '稳中求变')); }), /校验值不符/],
      ['tampered manifest', (b) => rezip(b, (f) => { const m = manifestOf(f); m.sections[0].sha256 = '0'.repeat(64); f['manifest.json'] = strToU8(JSON.stringify(m)); }), /校验值不符/],
      ['a section removed', (b) => rezip(b, (f) => { delete f['sections/templates.json']; }), /缺少「我的模板」/],
    ];
    test.each(cases)('%s', async (_name, spoil, message) => {
      const target = await fresh();
      await addUserDocuments(target, [await doc(7)]);
      const before = await snapshot(target);
      const bad = spoil(await good());
      let error: unknown;
      try {
        const pack = await readTeamPack(bad);
        await applyPack(target, await planPack(target, pack.sections));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(TeamPackError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).toMatch(/未做任何更改/);
      expect(await snapshot(target)).toEqual(before);
    });
  });
});
