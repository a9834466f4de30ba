import 'fake-indexeddb/auto';
import { expect, test } from 'vitest';
import { openJianggaoDB } from '../../../src/storage/db';
import { readSettings, writeSetting, type PersistedSettings } from '../../../src/storage/settings';

const DEFAULTS: PersistedSettings = { suggestionsEnabled: true, confidenceLevelId: 'balanced', draftMemoryEnabled: true, disabledPacks: [], referenceYear: 0, lastDraftId: null };

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

test('the writing year: 0 means this year', async () => {
  const { effectiveReferenceYear } = await import('../../../src/state/settings');
  expect(effectiveReferenceYear(0, new Date('2026-03-05'))).toBe(2026);
  expect(effectiveReferenceYear(2015, new Date('2026-03-05'))).toBe(2015);
});
