/**
 * Finding a template (or a slash-menu command) by what the writer types after 「/」: the characters of
 * its name (「同志们」), the pinyin initials (「tzm」) or the full pinyin (「tongzhimen」), and, as a last
 * resort, words of the body. Pure: ranking only, no store, no DOM. Pinyin comes from pinyin-pro, which
 * reads polyphones in context (重要 → zhong).
 */
import { pinyin } from 'pinyin-pro';

interface SearchKeys {
  name: string;
  initials: string;
  full: string;
}

const keyCache = new Map<string, SearchKeys>();
/** Entries kept in the pinyin cache before it is cleared (names are short; this is a few hundred KB at most). */
const KEY_CACHE_MAX_ENTRIES = 2_000;

function keysOf(name: string): SearchKeys {
  let keys = keyCache.get(name);
  if (!keys) {
    const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'removed' }).map((s) => s.toLowerCase().replace(/[^a-z]/g, ''));
    keys = { name: name.toLowerCase(), initials: syllables.map((s) => s[0] ?? '').join(''), full: syllables.join('') };
    if (keyCache.size >= KEY_CACHE_MAX_ENTRIES) keyCache.clear();
    keyCache.set(name, keys);
  }
  return keys;
}

/**
 * Rank of a match, lower is better; null for no match. The order puts what the writer most likely meant
 * first: the name starting with the typed characters, then containing them, then pinyin initials
 * (prefix, then anywhere), then full pinyin, then the body.
 */
export const MATCH_RANK = {
  namePrefix: 0,
  name: 1,
  initialsPrefix: 2,
  initials: 3,
  fullPinyin: 4,
  body: 5,
} as const;

export function matchRank(query: string, name: string, body = ''): number | null {
  const q = query.trim().toLowerCase().replace(/\s+/g, '');
  if (!q) return MATCH_RANK.name;
  const keys = keysOf(name);
  if (keys.name.startsWith(q)) return MATCH_RANK.namePrefix;
  if (keys.name.includes(q)) return MATCH_RANK.name;
  if (/^[a-z]+$/.test(q)) {
    if (keys.initials.startsWith(q)) return MATCH_RANK.initialsPrefix;
    if (keys.initials.includes(q)) return MATCH_RANK.initials;
    if (keys.full.includes(q)) return MATCH_RANK.fullPinyin;
  } else if (body.toLowerCase().includes(q)) {
    return MATCH_RANK.body;
  }
  return null;
}

/** The items matching `query`, best first, stable within a rank. */
export function filterByQuery<T>(items: readonly T[], query: string, nameOf: (item: T) => string, bodyOf: (item: T) => string = () => ''): T[] {
  return items
    .map((item, index) => ({ item, index, rank: matchRank(query, nameOf(item), bodyOf(item)) }))
    .filter((entry): entry is { item: T; index: number; rank: number } => entry.rank !== null)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.item);
}
