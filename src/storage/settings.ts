/**
 * Settings persisted in the `settings` key–value store. Every value read back is checked: against its own
 * validator when it has one (a range, a shape), else against its default's type; a value that fails falls
 * back to the default (a setting is never worth a crash).
 */
import type { JianggaoDB } from './db';

/** The speech's intended length: minutes of delivery or characters. */
export interface TargetLength {
  unit: 'minutes' | 'chars';
  amount: number;
}

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
  /** Characters per minute the speech is read at (SPEAKING_RATE_RANGE). */
  speakingCharsPerMinute: number;
  /** The length the writer aims at, or null for none. */
  targetLength: TargetLength | null;
  /** Below the layout breakpoint: the side panel drawer is open. */
  sidePanelOpen: boolean;
  /** The side panel tab last shown (a panel id), or null for the first. */
  sidePanelTab: string | null;
  /** The draft list is folded to a narrow strip. */
  draftListCollapsed: boolean;
}

export type SettingKey = keyof PersistedSettings;

/** Speaking rates the setting accepts, in characters per minute (讲话稿 are read at about 200–250). */
export const SPEAKING_RATE_RANGE = { min: 120, max: 300 } as const;
/** Largest target accepted per unit (a day of speaking; a long report). */
export const TARGET_LENGTH_MAX = { minutes: 600, chars: 200_000 } as const;

export function isSpeakingRate(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= SPEAKING_RATE_RANGE.min && (value as number) <= SPEAKING_RATE_RANGE.max;
}

export function isTargetLength(value: unknown): value is TargetLength {
  if (typeof value !== 'object' || value === null) return false;
  const { unit, amount } = value as Partial<TargetLength>;
  return (unit === 'minutes' || unit === 'chars') && Number.isInteger(amount) && amount! > 0 && amount! <= TARGET_LENGTH_MAX[unit];
}

/** Settings whose check is more than their default's type. */
const VALIDATORS: Partial<Record<SettingKey, (value: unknown) => boolean>> = {
  speakingCharsPerMinute: isSpeakingRate,
  targetLength: (value) => value === null || isTargetLength(value),
};

function sameType(value: unknown, def: unknown): boolean {
  if (Array.isArray(def)) return Array.isArray(value) && value.every((x) => typeof x === 'string');
  if (def === null) return value === null || typeof value === 'string';
  return typeof value === typeof def;
}

export async function readSettings(db: JianggaoDB, defaults: PersistedSettings): Promise<PersistedSettings> {
  const out: PersistedSettings = { ...defaults };
  const keys = Object.keys(defaults) as SettingKey[];
  const values = await Promise.all(keys.map((k) => db.get('settings', k)));
  keys.forEach((key, i) => {
    const value = values[i];
    const valid = VALIDATORS[key] ?? ((v: unknown) => sameType(v, defaults[key]));
    if (value !== undefined && valid(value)) (out as unknown as Record<string, unknown>)[key] = value;
  });
  return out;
}

export async function writeSetting<K extends SettingKey>(db: JianggaoDB, key: K, value: PersistedSettings[K]): Promise<void> {
  await db.put('settings', value, key);
}
