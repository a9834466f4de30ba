import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, test } from 'vitest';
import { SHIPPED_TIMELINESS_RULES } from '../../../src/checks/timeliness';
import { openJianggaoDB, type JianggaoDB } from '../../../src/storage/db';
import { listQuarantine } from '../../../src/storage/quarantine';
import {
  ignoredKey, OFFICE_RULES_KEY, readIgnoredFindings, readOfficeRules, readOwnPhrases, validateOfficeRules,
  writeIgnoredFindings, writeOfficeRules, writeOwnPhrases,
} from '../../../src/storage/checks';
import { officeRule } from '../../../src/state/checks';
import { exportBackup, parseBackup, applyImport } from '../../../src/storage/backup';

let db: JianggaoDB;
let n = 0;
beforeEach(async () => { db = await openJianggaoDB(`checks-${++n}`); });

describe('ignored findings', () => {
  test('round trip per draft, other drafts untouched', async () => {
    await writeIgnoredFindings(db, 'a', ['时效\u0000决胜全面建成小康社会\u0000']);
    expect(await readIgnoredFindings(db, 'a')).toEqual(['时效\u0000决胜全面建成小康社会\u0000']);
    expect(await readIgnoredFindings(db, 'b')).toEqual([]);
  });

  test('a damaged value is quarantined and read as empty', async () => {
    await db.put('settings', { not: 'a list' }, ignoredKey('a'));
    expect(await readIgnoredFindings(db, 'a')).toEqual([]);
    expect(await db.get('settings', ignoredKey('a'))).toBeUndefined();
    expect((await listQuarantine(db)).map((q) => q.key)).toEqual([ignoredKey('a')]);
  });

  test('travel in a backup with the settings', async () => {
    await writeIgnoredFindings(db, 'a', ['k']);
    await writeOwnPhrases(db, ['紫云英精神']);
    const backup = parseBackup(JSON.stringify(await exportBackup(db)));
    const other = await openJianggaoDB(`checks-${++n}`);
    await applyImport(other, backup);
    expect(await readIgnoredFindings(other, 'a')).toEqual(['k']);
    expect(await readOwnPhrases(other)).toEqual(['紫云英精神']);
  });
});

describe('office rules', () => {
  const rule = officeRule({ old: '美丽乡村', current: '宜居宜业和美乡村', reason: '本单位统一' }, new Date(2026, 0, 1));

  test('a rule made from the form is a valid rule and round-trips', async () => {
    expect(validateOfficeRules([rule]).ok).toBe(true);
    await writeOfficeRules(db, [rule]);
    expect(await readOfficeRules(db)).toEqual([rule]);
  });

  test('the shipped rules pass the same validation', () => {
    expect(validateOfficeRules(SHIPPED_TIMELINESS_RULES).ok).toBe(true);
  });

  test('a bad rule is refused with a Chinese reason and nothing is written', async () => {
    await expect(writeOfficeRules(db, [{ ...rule, since: '去年' }])).rejects.toThrow('起始时间');
    expect(await db.get('settings', OFFICE_RULES_KEY)).toBeUndefined();
    const twice = validateOfficeRules([rule, rule]);
    expect(twice.ok ? '' : twice.reason).toContain('重复');
    const noAdvice = validateOfficeRules([{ ...rule, current: null }]);
    expect(noAdvice.ok ? '' : noAdvice.reason).toContain('建议');
  });

  test('a damaged stored list is quarantined and read as empty', async () => {
    await db.put('settings', [{ id: 'BAD ID' }], OFFICE_RULES_KEY);
    expect(await readOfficeRules(db)).toEqual([]);
    expect((await listQuarantine(db))[0]).toMatchObject({ store: 'settings', key: OFFICE_RULES_KEY });
  });
});
