import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, test } from 'vitest';
import { applyImport, BACKUP_VERSION, describePlan, exportBackup, parseBackup, planImport } from '../../../src/storage/backup';
import { openJianggaoDB, type JianggaoDB } from '../../../src/storage/db';
import { newDraftRecord, putDraft } from '../../../src/storage/drafts';
import { addSnapshot, listSnapshots, maybeAutoSnapshot, snapshotOf, AUTO_SNAPSHOT_INTERVAL_MS } from '../../../src/storage/snapshots';
import { structuredTextToDoc as textToDoc } from '../../../src/files/draftDocument';

let db: JianggaoDB;
let n = 0;
beforeEach(async () => { db = await openJianggaoDB(`backup-${++n}`); });

async function seed(target: JianggaoDB) {
  const draft = newDraftRecord('讲话', 1000, textToDoc('同志们：'), '同志们：');
  await putDraft(target, draft);
  await addSnapshot(target, snapshotOf(draft, 'manual', 1500));
  await target.put('templates', { id: 'my-1', name: '我的开头', category: '开头', body: '同志们：', variables: [], builtin: false, updatedAt: 1 });
  await target.put('settings', false, 'suggestionsEnabled');
  return draft;
}

describe('backup', () => {
  test('round trip: export, clear, import restores everything', async () => {
    const draft = await seed(db);
    const text = JSON.stringify(await exportBackup(db));
    const empty = await openJianggaoDB(`backup-${++n}`);
    const backup = parseBackup(text);
    expect(describePlan(await planImport(empty, backup))).toBe('稿件：新增 1，替换 0；历史版本：新增 1，替换 0；模板：新增 1，替换 0；设置：新增 1，替换 0');
    await applyImport(empty, backup);
    expect(await empty.get('drafts', draft.id)).toEqual(draft);
    expect(await listSnapshots(empty, draft.id)).toHaveLength(1);
    expect((await empty.get('templates', 'my-1'))?.name).toBe('我的开头');
    expect(await empty.get('settings', 'suggestionsEnabled')).toBe(false);
    expect(describePlan(await planImport(empty, backup))).toContain('稿件：新增 0，替换 1');
  });

  test('truncated, foreign, newer-version and corrupt files are refused in Chinese', async () => {
    await seed(db);
    const text = JSON.stringify(await exportBackup(db));
    expect(() => parseBackup(text.slice(0, text.length / 2))).toThrow('备份文件已损坏或不完整');
    expect(() => parseBackup('{"hello":1}')).toThrow('这不是讲稿的备份文件');
    const newer = JSON.parse(text);
    newer.version = BACKUP_VERSION + 1;
    expect(() => parseBackup(JSON.stringify(newer))).toThrow('比当前程序新');
    const corrupt = JSON.parse(text);
    corrupt.data.drafts[0].doc = 'x';
    expect(() => parseBackup(JSON.stringify(corrupt))).toThrow('第 1 条稿件已损坏：稿件正文格式已损坏');
    const missing = JSON.parse(text);
    delete missing.data.templates;
    expect(() => parseBackup(JSON.stringify(missing))).toThrow('缺少「模板」部分');
  });
});

describe('snapshots', () => {
  test('automatic snapshots are spaced by the interval and skip unchanged text', async () => {
    const draft = newDraftRecord('讲话', 0, textToDoc('一'), '一');
    expect(await maybeAutoSnapshot(db, draft, 1000)).toEqual({ taken: true, newestAt: 1000 });
    expect(await maybeAutoSnapshot(db, { ...draft, text: '一二' }, 1000 + AUTO_SNAPSHOT_INTERVAL_MS - 1)).toEqual({ taken: false, newestAt: 1000 });
    expect((await maybeAutoSnapshot(db, draft, 1000 + AUTO_SNAPSHOT_INTERVAL_MS)).taken).toBe(false);
    expect((await maybeAutoSnapshot(db, { ...draft, text: '一二' }, 1000 + AUTO_SNAPSHOT_INTERVAL_MS)).taken).toBe(true);
    expect((await listSnapshots(db, draft.id)).map((s) => s.text)).toEqual(['一二', '一']);
  });
});
