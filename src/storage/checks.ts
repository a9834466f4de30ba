/**
 * What the checks keep for the writer, in the `settings` key–value store (so a backup carries it with the
 * settings): the findings dismissed with 「忽略」, per draft; the office's own 时效 rules; the writer's own
 * phrases (我的提法) and starred formulations of the 提法库. Every value is validated on read; a damaged one
 * is set aside in the quarantine and read as empty.
 */
import { parseTimelinessRules, type TimelinessRule } from '../checks/timeliness';
import type { JianggaoDB } from './db';
import type { Validation } from './records';

const IGNORED_PREFIX = 'checks.ignored.';
export const OFFICE_RULES_KEY = 'checks.officeRules';
export const OWN_PHRASES_KEY = 'checks.ownPhrases';
export const FAVOURITES_KEY = 'checks.favourites';
/** At most this many dismissed findings are kept per draft (the oldest go first). */
export const MAX_IGNORED_PER_DRAFT = 2_000;

export function ignoredKey(draftId: string): string {
  return `${IGNORED_PREFIX}${draftId}`;
}

function validateStrings(label: string, max = Infinity) {
  return (v: unknown): Validation<string[]> =>
    Array.isArray(v) && v.every((x) => typeof x === 'string') ? { ok: true, value: v.slice(-max) } : { ok: false, reason: `${label}不是文字列表` };
}

export const validateIgnored = validateStrings('已忽略的检查结果', MAX_IGNORED_PER_DRAFT);
const validatePhrases = validateStrings('我的提法');
const validateFavourites = validateStrings('收藏的提法');

/** Office rules as stored: the rule list of a rule file, checked like the shipped one. */
export function validateOfficeRules(v: unknown): Validation<TimelinessRule[]> {
  try {
    return { ok: true, value: parseTimelinessRules({ version: 1, rules: v }) };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}

async function readSetting<T>(db: JianggaoDB, key: string, validate: (v: unknown) => Validation<T>, empty: T): Promise<T> {
  const raw = await db.get('settings', key);
  if (raw === undefined) return empty;
  const result = validate(raw);
  if (result.ok) return result.value;
  const tx = db.transaction(['settings', 'quarantine'], 'readwrite');
  await tx.objectStore('quarantine').add({ store: 'settings', key, value: raw, reason: result.reason, at: Date.now() });
  await tx.objectStore('settings').delete(key);
  await tx.done;
  return empty;
}

export const readIgnoredFindings = (db: JianggaoDB, draftId: string) => readSetting(db, ignoredKey(draftId), validateIgnored, []);
export const writeIgnoredFindings = (db: JianggaoDB, draftId: string, keys: readonly string[]) => db.put('settings', keys.slice(-MAX_IGNORED_PER_DRAFT), ignoredKey(draftId)).then(() => undefined);

export const readOfficeRules = (db: JianggaoDB) => readSetting(db, OFFICE_RULES_KEY, validateOfficeRules, []);
/** Writes the rules after validating them (throws a Chinese error on a bad rule; nothing written then). */
export async function writeOfficeRules(db: JianggaoDB, rules: readonly TimelinessRule[]): Promise<void> {
  const checked = validateOfficeRules(rules);
  if (!checked.ok) throw new Error(checked.reason);
  await db.put('settings', checked.value, OFFICE_RULES_KEY);
}

export const readOwnPhrases = (db: JianggaoDB) => readSetting(db, OWN_PHRASES_KEY, validatePhrases, []);
export const writeOwnPhrases = (db: JianggaoDB, phrases: readonly string[]) => db.put('settings', [...phrases], OWN_PHRASES_KEY).then(() => undefined);
export const readFavourites = (db: JianggaoDB) => readSetting(db, FAVOURITES_KEY, validateFavourites, []);
export const writeFavourites = (db: JianggaoDB, texts: readonly string[]) => db.put('settings', [...texts], FAVOURITES_KEY).then(() => undefined);
