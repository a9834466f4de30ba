/**
 * Chinese numerals for section and enumeration numbers: 一 … 九十九 as written in official documents
 * (十一、二十、二十一 — never 一十一). Owns conversion both ways; knows nothing about levels or markers.
 */

/** Largest number written in Chinese numerals; past it the digits are used, which no speech reaches. */
export const MAX_CHINESE_NUMERAL = 99;

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** Characters that may appear in a numeral this module writes or reads. */
export const CHINESE_NUMERAL_CHARS = '一二三四五六七八九十';

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 21 → 二十一, 99 → 九十九; outside 1–99 the Arabic digits. */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > MAX_CHINESE_NUMERAL) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return DIGITS[ones];
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[ones]}`;
}

/** The inverse of toChineseNumeral for 1–99; anything else (一十一, 十十, 零, empty) gives null. */
export function parseChineseNumeral(text: string): number | null {
  const match = /^([二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(text);
  if (!match || text === '') return null;
  const [, tensDigit, ten, ones] = match;
  if (tensDigit && !ten) return null; // 二三 is not a numeral
  const tens = ten ? (tensDigit ? DIGITS.indexOf(tensDigit as (typeof DIGITS)[number]) : 1) : 0;
  const value = tens * 10 + (ones ? DIGITS.indexOf(ones as (typeof DIGITS)[number]) : 0);
  return value >= 1 ? value : null;
}
