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
  const digit = (c: string) => DIGITS.indexOf(c as (typeof DIGITS)[number]);
  if (/^[一二三四五六七八九]$/.test(text)) return digit(text);
  const match = /^([二三四五六七八九]?)十([一二三四五六七八九]?)$/.exec(text);
  if (!match) return null;
  return (match[1] ? digit(match[1]) : 1) * 10 + (match[2] ? digit(match[2]) : 0);
}
