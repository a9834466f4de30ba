import { expect, test } from 'vitest';
import { countSpeechChars, formatTarget, parseTarget, speakingMinutes, speakingMinutesFine, targetChars, targetPercent } from '../../../src/ui/speechLength';

test('characters leave white space out; minutes follow the speaking rate', () => {
  expect(countSpeechChars('同志们：\n 今天 开会。')).toBe(9);
  expect(speakingMinutes(4400, 220)).toBe(20);
  expect(speakingMinutes(4400, 200)).toBe(22);
  expect(speakingMinutes(10, 220)).toBe(1);
  expect(speakingMinutesFine(330, 220)).toBe(1.5);
});

test('a target in minutes is reached at the speaking rate; a target in characters directly', () => {
  expect(targetChars({ unit: 'minutes', amount: 20 }, 220)).toBe(4400);
  expect(targetPercent(2200, { unit: 'minutes', amount: 20 }, 220)).toBe(50);
  expect(targetPercent(2200, { unit: 'minutes', amount: 20 }, 110 * 2)).toBe(50);
  expect(targetPercent(9000, { unit: 'chars', amount: 6000 }, 220)).toBe(150);
});

test('the target is read as the writer writes it, and written back the same way', () => {
  expect(parseTarget('20 分钟')).toEqual({ unit: 'minutes', amount: 20 });
  expect(parseTarget('20分')).toEqual({ unit: 'minutes', amount: 20 });
  expect(parseTarget(' 6000 字 ')).toEqual({ unit: 'chars', amount: 6000 });
  expect(parseTarget('6,000字')).toEqual({ unit: 'chars', amount: 6000 });
  expect(parseTarget('6000')).toEqual({ unit: 'chars', amount: 6000 });
  expect(parseTarget('30')).toEqual({ unit: 'minutes', amount: 30 });
  expect(parseTarget('')).toBeNull();
  expect(formatTarget({ unit: 'minutes', amount: 20 })).toBe('20 分钟');
  expect(formatTarget({ unit: 'chars', amount: 6000 })).toBe('6000 字');
  for (const bad of ['二十分钟', '0 分钟', '20 小时', '1000 分钟', '900000 字']) expect(() => parseTarget(bad)).toThrow(/目标篇幅/);
});
