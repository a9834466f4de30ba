/**
 * Settings persisted in the `settings` key–value store. Every value read back is checked against its
 * default's type; a wrong type falls back to the default (a setting is never worth a crash).
 */
import type { JianggaoDB } from './db';

export interface PersistedSettings {
  suggestionsEnabled: boolean;
  confidenceLevelId: string;
  /** Suggestions may also come from what the draft itself wrote before (「本稿前文」). */
  draftMemoryEnabled: boolean;
  /** Corpus pack ids the phrase index leaves out. */
  disabledPacks: string[];
  /** The year the writer writes for (recency of the suggestions' evidence); 0 = this year. */
  referenceYear: number;
  lastDraftId: string | null;
}

export type SettingKey = keyof PersistedSettings;

export async function readSettings(db: JianggaoDB, defaults: PersistedSettings): Promise<PersistedSettings> {
  const out: PersistedSettings = { ...defaults };
  const keys = Object.keys(defaults) as SettingKey[];
  const values = await Promise.all(keys.map((k) => db.get('settings', k)));
  keys.forEach((key, i) => {
    const value = values[i];
    const def = defaults[key];
    const sameType = Array.isArray(def) ? Array.isArray(value) && value.every((x) => typeof x === 'string')
      : def === null ? value === null || typeof value === 'string'
      : typeof value === typeof def;
    if (value !== undefined && sameType) (out as unknown as Record<string, unknown>)[key] = value;
  });
  return out;
}

export async function writeSetting<K extends SettingKey>(db: JianggaoDB, key: K, value: PersistedSettings[K]): Promise<void> {
  await db.put('settings', value, key);
}
