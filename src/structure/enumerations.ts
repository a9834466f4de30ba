/**
 * Enumerations inside the running text: 一是…二是…, 一要…二要…, 第一，…第二，…, and the bracketed
 * （一）/（1） that number points inside a paragraph. Owns finding them in a paragraph's text and writing
 * them again with another number. Pure: no document, no DOM.
 */
import { CHINESE_NUMERAL_CHARS, parseChineseNumeral, toChineseNumeral } from './numerals';

/** 一是 / 一要 / 第一， / 段中（一） / 段中（1）. */
export type EnumerationKind = 'shi' | 'yao' | 'di' | 'paren-cn' | 'paren-num';

export interface EnumerationMarker {
  kind: EnumerationKind;
  value: number;
  /** Offsets of the whole marker (e.g. 「四是」) in the paragraph's text. */
  from: number;
  to: number;
  /** Offsets of just the number, which is what renumbering rewrites. */
  numberFrom: number;
  numberTo: number;
  /** True when the marker opens the paragraph (after any spaces). */
  atStart: boolean;
}

const CN = `[${CHINESE_NUMERAL_CHARS}]{1,3}`;
/** A marker only counts after a sentence or clause boundary: 「统一是」「唯一要」 are ordinary words. */
const BOUNDARY = '(?<=^[ \\t\\u3000]*|[。；;：:！!？?，,”’])';
/** Words that begin with 要 and so make 「三要素」「一要求」 nouns, not a marker. */
const NOT_AFTER_YAO = '素求点件务闻员害领事';

const MARKER_PATTERN = new RegExp(
  `${BOUNDARY}(?:第(?<di>${CN})(?=[，,、：:])|(?<num>${CN})(?<verb>是|要(?![${NOT_AFTER_YAO}]))|[（(](?<pcn>${CN})[）)]|[（(](?<pnum>[0-9０-９]{1,2})[）)])`,
  'g',
);

function digitsValue(text: string): number {
  return Number(text.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
}

/**
 * Every enumeration marker in one paragraph's text, in order. Bracketed numbers that open the paragraph
 * are left out: there they are section numbers (see levels.ts), not enumerations.
 */
export function findEnumerationMarkers(text: string): EnumerationMarker[] {
  const markers: EnumerationMarker[] = [];
  const indent = /^[ \t\u3000]*/.exec(text)?.[0].length ?? 0;
  for (const match of text.matchAll(MARKER_PATTERN)) {
    const groups = match.groups ?? {};
    const from = match.index;
    const atStart = from === indent;
    let kind: EnumerationKind;
    let numeral: string;
    let numberFrom: number;
    if (groups.di) {
      kind = 'di'; numeral = groups.di; numberFrom = from + 1;
    } else if (groups.num) {
      kind = groups.verb === '是' ? 'shi' : 'yao'; numeral = groups.num; numberFrom = from;
    } else if (groups.pcn) {
      if (atStart) continue;
      kind = 'paren-cn'; numeral = groups.pcn; numberFrom = from + 1;
    } else if (groups.pnum) {
      if (atStart) continue;
      kind = 'paren-num'; numeral = groups.pnum; numberFrom = from + 1;
    } else {
      continue;
    }
    const value = kind === 'paren-num' ? digitsValue(numeral) : parseChineseNumeral(numeral);
    if (value === null || value < 1) continue;
    markers.push({ kind, value, from, to: from + match[0].length, numberFrom, numberTo: numberFrom + numeral.length, atStart });
  }
  return markers;
}

/** The number as this kind writes it: 五 for 五是 / 第五 / （五）, 5 for （5）. */
export function formatEnumerationNumber(kind: EnumerationKind, n: number): string {
  return kind === 'paren-num' ? String(n) : toChineseNumeral(n);
}

/** The marker as the writer reads it in a message: 「五是」「五要」「第五」「（五）」「（5）」. */
export function enumerationLabel(kind: EnumerationKind, n: number): string {
  const number = formatEnumerationNumber(kind, n);
  switch (kind) {
    case 'shi': return `${number}是`;
    case 'yao': return `${number}要`;
    case 'di': return `第${number}`;
    case 'paren-cn':
    case 'paren-num': return `（${number}）`;
  }
}
