/**
 * The four levels of numbered sections in GB/T 9704-2012: 一、 / （一） / 1. / （1）.
 * Owns how a level's number is written and how a written number is recognised at the start of a
 * paragraph (typing, pasting, template bodies). Pure: no document, no DOM.
 */
import { CHINESE_NUMERAL_CHARS, parseChineseNumeral, toChineseNumeral } from './numerals';

export type SectionLevel = 1 | 2 | 3 | 4;

export const SECTION_LEVELS: readonly SectionLevel[] = [1, 2, 3, 4];

/** How each level is named in the UI. */
export const SECTION_LEVEL_NAMES: Record<SectionLevel, string> = {
  1: '一级标题',
  2: '二级标题',
  3: '三级标题',
  4: '四级标题',
};

export function isSectionLevel(value: unknown): value is SectionLevel {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

/** The written number of the `n`th section of a level: (1, 2) → 二、, (2, 2) → （二）, (3, 2) → 2., (4, 2) → （2）. */
export function formatSectionNumber(level: SectionLevel, n: number): string {
  switch (level) {
    case 1: return `${toChineseNumeral(n)}、`;
    case 2: return `（${toChineseNumeral(n)}）`;
    case 3: return `${n}.`;
    case 4: return `（${n}）`;
  }
}

/** A number written at the start of a paragraph: its level, its value, and how many characters it takes (with following spaces). */
export interface SectionMarker {
  level: SectionLevel;
  value: number;
  length: number;
}

const CN = `[${CHINESE_NUMERAL_CHARS}]{1,3}`;
const DIGITS = '[0-9０-９]{1,2}';
/**
 * One pattern per level. Guards against ordinary text: 「一、二、三产」 and 「2、3个月」 (a list of
 * numbers, not a heading) and 「1.5亿元」 (a decimal) are not section numbers.
 */
const MARKER_PATTERNS: ReadonlyArray<[SectionLevel, RegExp]> = [
  [2, new RegExp(`^[（(](${CN})[）)][ \\t\\u3000]*`)],
  [4, new RegExp(`^[（(](${DIGITS})[）)][ \\t\\u3000]*`)],
  [1, new RegExp(`^(${CN})、(?!${CN}、)[ \\t\\u3000]*`)],
  [3, new RegExp(`^(${DIGITS})(?:[.．](?![0-9０-９])|、(?![0-9０-９]))[ \\t\\u3000]*`)],
];

function parseNumber(text: string): number | null {
  if (/^[0-9０-９]+$/.test(text)) {
    const value = Number(text.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
    return value >= 1 ? value : null;
  }
  return parseChineseNumeral(text);
}

/** Recognises 一、 （一） 1. 1、 （1） (half- or full-width) at the start of `text`, after any leading spaces. */
export function recognizeSectionMarker(text: string): SectionMarker | null {
  const indent = /^[ \t\u3000]*/.exec(text)?.[0].length ?? 0;
  const rest = text.slice(indent);
  for (const [level, pattern] of MARKER_PATTERNS) {
    const match = pattern.exec(rest);
    if (!match) continue;
    const value = parseNumber(match[1]);
    if (value === null) continue;
    return { level, value, length: indent + match[0].length };
  }
  return null;
}
