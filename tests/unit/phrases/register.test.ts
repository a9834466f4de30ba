import { describe, expect, it } from 'vitest';
import { buildPhraseIndex } from '../../../src/phrases/build';
import { draftRegister, REGISTER_MIN_LIFT, registerLift } from '../../../src/phrases/register';
import type { PhraseDocument } from '../../../src/phrases/types';

const SPEECH = '同志们：这次会议很重要，大家要抓好落实，层层压实责任，一级抓一级。下面我讲几点意见。\n';
const REPORT = '过去一年，政府工作取得新成效。今年政府工作的总体要求是稳中求进，全面深化改革，扩大内需，推进工作落实。\n';
const docs: PhraseDocument[] = [
  ...Array.from({ length: 3 }, (_, i) => ({ id: `s${i}`, title: `讲话${i}`, pack: 'speeches', text: SPEECH })),
  ...Array.from({ length: 30 }, (_, i) => ({ id: `r${i}`, title: `报告${i}`, pack: 'reports', text: REPORT.repeat(4) })),
];
const index = buildPhraseIndex(docs);

describe('register', () => {
  it('reads the pack a draft most resembles, when it resembles a small one clearly', () => {
    expect(draftRegister(index, '同志们：这次会议很重要，大家要抓好落实，层层压实责任。\n我们要')?.pack).toBe('speeches');
    // The reports are nearly all of the index: resembling them is no register of its own.
    expect(draftRegister(index, '今年政府工作的总体要求是稳中求进，全面深化改革，扩大内需。\n我们要')).toBeNull();
    expect(draftRegister(index, '我们要')).toBeNull();
  });

  it('lowers the words the draft\'s kind of document does not write, and lifts nothing', () => {
    const speech = draftRegister(index, '同志们：这次会议很重要，大家要抓好落实，层层压实责任。\n我们要')!;
    expect(registerLift(index, speech, ['政府工作'])).toBeLessThan(-1);
    expect(registerLift(index, speech, ['推进', '政府', '工作'])).toBeLessThan(-1); // 政府工作 as a pair of words
    expect(registerLift(index, speech, ['抓好落实'])).toBe(0);
    expect(registerLift(index, speech, ['落实'])).toBe(0); // both write it
    expect(registerLift(index, speech, ['，'])).toBe(0);
    expect(registerLift(index, speech, ['政府工作', '政府工作报告'])).toBeGreaterThanOrEqual(REGISTER_MIN_LIFT);
  });
});
