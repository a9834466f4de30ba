import 'fake-indexeddb/auto';
import { expect, test } from 'vitest';
import { openJianggaoDB } from '../../../src/storage/db';
import { readSettings, writeSetting, type PersistedSettings } from '../../../src/storage/settings';

const DEFAULTS: PersistedSettings = {
  suggestionsEnabled: true, confidenceLevelId: 'balanced', draftMemoryEnabled: true, disabledPacks: [], referenceYear: 0, lastDraftId: null,
  speakingCharsPerMinute: 220, targetLength: null, sidePanelOpen: false, sidePanelTab: null, draftListCollapsed: false,
};

test('settings round-trip, and a value of the wrong type falls back to its default', async () => {
  const db = await openJianggaoDB('settings-test');
  expect(await readSettings(db, DEFAULTS)).toEqual(DEFAULTS);
  await writeSetting(db, 'suggestionsEnabled', false);
  await writeSetting(db, 'disabledPacks', ['reports-2026']);
  await writeSetting(db, 'lastDraftId', 'abc');
  await writeSetting(db, 'referenceYear', 2015);
  expect(await readSettings(db, DEFAULTS)).toEqual({ ...DEFAULTS, suggestionsEnabled: false, disabledPacks: ['reports-2026'], lastDraftId: 'abc', referenceYear: 2015 });
  await db.put('settings', 'yes', 'suggestionsEnabled');
  await db.put('settings', [1, 2], 'disabledPacks');
  await db.put('settings', 42, 'lastDraftId');
  await db.put('settings', '2015', 'referenceYear');
  expect(await readSettings(db, DEFAULTS)).toEqual(DEFAULTS);
});

test('the speaking rate, the target length and the layout round-trip', async () => {
  const db = await openJianggaoDB('settings-test-length');
  await writeSetting(db, 'speakingCharsPerMinute', 180);
  await writeSetting(db, 'targetLength', { unit: 'minutes', amount: 20 });
  await writeSetting(db, 'sidePanelOpen', true);
  await writeSetting(db, 'sidePanelTab', 'data');
  await writeSetting(db, 'draftListCollapsed', true);
  expect(await readSettings(db, DEFAULTS)).toEqual({
    ...DEFAULTS, speakingCharsPerMinute: 180, targetLength: { unit: 'minutes', amount: 20 }, sidePanelOpen: true, sidePanelTab: 'data', draftListCollapsed: true,
  });
  await writeSetting(db, 'targetLength', { unit: 'chars', amount: 6000 });
  expect((await readSettings(db, DEFAULTS)).targetLength).toEqual({ unit: 'chars', amount: 6000 });
});

test('a speaking rate outside 120–300 字/分 or a malformed target length reads back as the default', async () => {
  const db = await openJianggaoDB('settings-test-bad');
  for (const bad of [119, 301, 220.5, '220', null]) {
    await db.put('settings', bad, 'speakingCharsPerMinute');
    expect((await readSettings(db, DEFAULTS)).speakingCharsPerMinute).toBe(220);
  }
  await db.put('settings', 120, 'speakingCharsPerMinute');
  expect((await readSettings(db, DEFAULTS)).speakingCharsPerMinute).toBe(120);
  for (const bad of [20, '20 分钟', { unit: 'hours', amount: 1 }, { unit: 'minutes', amount: 0 }, { unit: 'chars', amount: -5 }, { unit: 'minutes', amount: 1.5 }, { unit: 'minutes', amount: 100_000 }]) {
    await db.put('settings', bad, 'targetLength');
    expect((await readSettings(db, DEFAULTS)).targetLength).toBeNull();
  }
});

test('the writing year: 0 means this year', async () => {
  const { effectiveReferenceYear } = await import('../../../src/state/settings');
  expect(effectiveReferenceYear(0, new Date('2026-03-05'))).toBe(2026);
  expect(effectiveReferenceYear(2015, new Date('2026-03-05'))).toBe(2015);
});
