import { describe, expect, it } from 'vitest';
import { parseChineseNumeral, toChineseNumeral } from '../../../src/structure/numerals';

describe('Chinese numerals 1–99', () => {
  it('writes the numbers as official documents do', () => {
    expect([1, 2, 9, 10, 11, 12, 19, 20, 21, 30, 45, 90, 99].map(toChineseNumeral)).toEqual([
      '一', '二', '九', '十', '十一', '十二', '十九', '二十', '二十一', '三十', '四十五', '九十', '九十九',
    ]);
  });

  it('reads back every number from 1 to 99', () => {
    for (let n = 1; n <= 99; n++) expect(parseChineseNumeral(toChineseNumeral(n))).toBe(n);
  });

  it('rejects what is not a numeral in that form', () => {
    for (const text of ['', '零', '一十一', '十十', '二三', '百', '1', '十一二']) expect(parseChineseNumeral(text)).toBeNull();
  });

  it('falls back to digits outside 1–99', () => {
    expect(toChineseNumeral(0)).toBe('0');
    expect(toChineseNumeral(100)).toBe('100');
    expect(toChineseNumeral(1.5)).toBe('1.5');
  });
});
