import 'fake-indexeddb/auto';
import { expect, test } from 'vitest';
import { openJianggaoDB } from '../../../src/storage/db';
import { readSettings, writeSetting, type PersistedSettings } from '../../../src/storage/settings';

const DEFAULTS: PersistedSettings = { suggestionsEnabled: true, confidenceLevelId: 'balanced', draftMemoryEnabled: true, disabledPacks: [], lastDraftId: null };

test('settings round-trip, and a value of the wrong type falls back to its default', async () => {
  const db = await openJianggaoDB('settings-test');
  expect(await readSettings(db, DEFAULTS)).toEqual(DEFAULTS);
  await writeSetting(db, 'suggestionsEnabled', false);
  await writeSetting(db, 'disabledPacks', ['reports-2026']);
  await writeSetting(db, 'lastDraftId', 'abc');
  expect(await readSettings(db, DEFAULTS)).toEqual({ ...DEFAULTS, suggestionsEnabled: false, disabledPacks: ['reports-2026'], lastDraftId: 'abc' });
  await db.put('settings', 'yes', 'suggestionsEnabled');
  await db.put('settings', [1, 2], 'disabledPacks');
  await db.put('settings', 42, 'lastDraftId');
  expect(await readSettings(db, DEFAULTS)).toEqual(DEFAULTS);
});
