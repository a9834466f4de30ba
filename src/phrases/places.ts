/**
 * Province names: the one word in which reports and speeches of different places differ inside the same
 * formulation (「推动安徽高质量发展」, 「谱写中国式现代化广西篇章」). Owns matching them as one slot and showing
 * the draft's own name in a suggestion.
 *
 * - Matching: `maskPlaceNames` writes placeholder codes over every province name in a normalised text, so
 *   the context 「推动广西」 finds the 25 reports' 「推动安徽」「推动湖北」… and what follows them. The mapping stays
 *   one code unit to one code unit (`normalize.ts`): a 2-character name becomes NAME_START NAME_REST, a
 *   3-character one (内蒙古, 黑龙江) NAME_LEAD NAME_START NAME_REST, so its last two codes match the 2-character
 *   names.
 * - Showing: `localisePlaceNames` replaces a name the corpus wrote in a suggestion by the name the draft
 *   uses most (`draftPlaceName`), so a writer in 广西 is offered 「广西篇章」, not the 「安徽篇章」 of the document
 *   the words came from. When the draft names no province, the suggestion stops before the name
 *   (`placeSafeLength`): a county's writer is never offered another province's.
 *
 * Why only provinces: they are a closed list, and every provincial document names its own dozens of times.
 * Cities and counties are open-ended; a name the list does not hold is matched as the characters it is.
 */

export const PROVINCE_NAMES: readonly string[] = [
  '北京', '天津', '河北', '山西', '内蒙古', '辽宁', '吉林', '黑龙江', '上海', '江苏', '浙江', '安徽', '福建', '江西',
  '山东', '河南', '湖北', '湖南', '广东', '广西', '海南', '重庆', '四川', '贵州', '云南', '西藏', '陕西', '甘肃',
  '青海', '宁夏', '新疆',
];

/** Placeholder codes (Private Use Area: never in a document). */
export const NAME_LEAD = 0xe000;
export const NAME_START = 0xe001;
export const NAME_REST = 0xe002;

/** Names by their first character: most characters start none, so a text is scanned with one lookup each. */
const NAMES_BY_FIRST = new Map<number, string[]>();
const STARTS_A_NAME = new Uint8Array(0x10000);
for (const name of PROVINCE_NAMES) {
  const first = name.charCodeAt(0);
  NAMES_BY_FIRST.set(first, [...(NAMES_BY_FIRST.get(first) ?? []), name]);
  STARTS_A_NAME[first] = 1;
}

/** The province name starting at `i` in `text`, if any. */
function nameAt(text: string, i: number): string | undefined {
  if (STARTS_A_NAME[text.charCodeAt(i)] === 0) return undefined;
  const names = NAMES_BY_FIRST.get(text.charCodeAt(i))!;
  for (const name of names) if (text.startsWith(name, i)) return name;
  return undefined;
}

/** Overwrites the codes of every province name in `text` (written at `offset` of `out`) with placeholders. */
export function maskPlaceNames(text: string, out: Uint16Array, offset: number): void {
  for (let i = 0; i < text.length; i++) {
    const name = nameAt(text, i);
    if (name === undefined) continue;
    const at = offset + i;
    if (name.length === 3) out[at] = NAME_LEAD;
    out[at + name.length - 2] = NAME_START;
    out[at + name.length - 1] = NAME_REST;
    i += name.length - 1;
  }
}

/** Characters before the cursor searched first for the draft's own province name: where it is writing now. */
export const DRAFT_PLACE_WINDOW_CHARS = 2_000;

/**
 * The province the draft names most often in its last `DRAFT_PLACE_WINDOW_CHARS` (the latest on a tie); when
 * those name none, the latest one named before them; null when the draft names none.
 */
export function draftPlaceName(textBeforeCursor: string): string | null {
  // One query asks twice (for the name, and for the level when the draft writes none), with the same text.
  if (textBeforeCursor === lastPlaceText) return lastPlace;
  lastPlace = readPlaceName(textBeforeCursor);
  lastPlaceText = textBeforeCursor;
  return lastPlace;
}

let lastPlaceText: string | undefined;
let lastPlace: string | null = null;

function readPlaceName(textBeforeCursor: string): string | null {
  const recent = Math.max(0, textBeforeCursor.length - DRAFT_PLACE_WINDOW_CHARS);
  const counts = new Map<string, number>();
  let best: string | null = null;
  for (let i = recent; i < textBeforeCursor.length; i++) {
    const name = nameAt(textBeforeCursor, i);
    if (name === undefined) continue;
    const n = (counts.get(name) ?? 0) + 1;
    counts.set(name, n);
    if (best === null || n >= (counts.get(best) ?? 0)) best = name;
    i += name.length - 1;
  }
  // Searched backwards: a name that straddles the window's start is found whole.
  for (let i = Math.min(recent, textBeforeCursor.length) - 1; best === null && i >= 0; i--) best = nameAt(textBeforeCursor, i) ?? null;
  return best;
}

/** True when `codes` (a normalised span) holds a province name. */
export function hasPlaceName(codes: Uint16Array): boolean {
  for (let i = 0; i < codes.length; i++) if (codes[i] === NAME_REST) return true;
  return false;
}

/**
 * `text` with each province name in it (where its normalised `codes` hold placeholders) replaced by `place`.
 * A name cut off at the end of `text` is left as it is.
 */
export function localisePlaceNames(text: string, codes: Uint16Array, place: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < codes.length; i++) {
    if (codes[i] !== NAME_LEAD && codes[i] !== NAME_START) continue;
    const end = codes[i] === NAME_LEAD ? i + 3 : i + 2;
    if (end > text.length) break;
    out += text.slice(from, i) + place;
    from = end;
    i = end - 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * Provincial capitals: like a province name, one the draft has not written is another place's, so a
 * suggestion stops before it (`placeSafeLength`). Matched as characters (cities are not masked).
 */
export const CAPITAL_NAMES: readonly string[] = [
  '石家庄', '太原', '呼和浩特', '沈阳', '长春', '哈尔滨', '南京', '杭州', '合肥', '福州', '南昌', '济南', '郑州', '武汉',
  '长沙', '广州', '南宁', '海口', '成都', '贵阳', '昆明', '拉萨', '西安', '兰州', '西宁', '银川', '乌鲁木齐',
];

/** The administrative level a draft speaks from, as its 「我X」「全X」「本X」 say: 省, 市, 县 or 区. */
const LEVEL_CHARS = ['省', '市', '县', '区'] as const;
const LEVEL_WORD = /[我全本]([省市县区])/g;
const LEVEL_PREFIX = new Uint8Array(0x10000);
for (const c of '我全本') LEVEL_PREFIX[c.charCodeAt(0)] = 1;
const LEVEL_SUFFIX = new Uint8Array(0x10000);
for (const c of LEVEL_CHARS) LEVEL_SUFFIX[c.charCodeAt(0)] = 1;

/**
 * The level word the draft uses most in its last `DRAFT_PLACE_WINDOW_CHARS` (「我县」「全县」 → 县); 省 when it
 * says none but names a province; null when neither.
 */
export function draftLevel(textBeforeCursor: string): string | null {
  const counts = new Map<string, number>();
  // `LEVEL_WORD`'s matches, left to right and not overlapping, read by code unit.
  for (let i = Math.max(0, textBeforeCursor.length - DRAFT_PLACE_WINDOW_CHARS); i < textBeforeCursor.length - 1; i++) {
    if (LEVEL_PREFIX[textBeforeCursor.charCodeAt(i)] === 0 || LEVEL_SUFFIX[textBeforeCursor.charCodeAt(i + 1)] === 0) continue;
    const level = textBeforeCursor[++i];
    counts.set(level, (counts.get(level) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const level of LEVEL_CHARS) if ((counts.get(level) ?? 0) > (best === null ? 0 : counts.get(best)!)) best = level;
  if (best === null && draftPlaceName(textBeforeCursor) !== null) return '省';
  return best;
}

/** What the draft has said about where it is from (`placeSafeLength`, `localiseLevelWords`). */
export interface DraftPlace {
  /** The draft's province (`draftPlaceName`), null when it names none. */
  province: string | null;
  /** The draft's level (`draftLevel`). */
  level: string | null;
  /** The text before the cursor, to look capitals up in. */
  before: string;
}

/**
 * How many leading characters of the suggestion `text` (normalised `codes`) may be shown without naming a
 * place the draft is not in: it is cut before a province name when the draft names no province (one it
 * names replaces it, `localisePlaceNames`), before a capital the draft has not written, and before a level
 * word 「我省」「全省」… when the draft has no level (one it has replaces it, `localiseLevelWords`).
 */
export function placeSafeLength(text: string, codes: Uint16Array, draft: DraftPlace): number {
  for (let i = 0; i < text.length; i++) {
    if (draft.province === null && (codes[i] === NAME_LEAD || codes[i] === NAME_START)) return i;
    const prev = i === 0 ? draft.before.slice(-1) : text[i - 1];
    if (draft.level === null && /[我全本]/.test(prev) && /[省市县区]/.test(text[i])) return Math.max(0, i - 1);
    for (const capital of CAPITAL_NAMES) if (text.startsWith(capital, i) && !draft.before.includes(capital)) return i;
  }
  return text.length;
}

/**
 * `text` with each level word 「我X」「全X」「本X」 written at the draft's level (「全省」 → 「全县」 in a county's
 * draft); `before` is what precedes `text`, whose last character may begin one (「动员全」 + 「省上下」).
 */
export function localiseLevelWords(text: string, level: string | null, before = ''): string {
  if (level === null) return text;
  const prev = before.slice(-1);
  return (prev + text).replace(LEVEL_WORD, (word, l: string) => (l === level ? word : word[0] + level)).slice(prev.length);
}
