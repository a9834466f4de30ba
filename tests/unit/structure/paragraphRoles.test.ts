import { describe, expect, test } from 'vitest';
import { isDateLine, isSalutation, leadingLineRoles, paragraphRoles, runInTitleLength } from '../../../src/structure';

describe('paragraph roles', () => {
  test('salutations: short lines ending in a colon that address people', () => {
    for (const line of ['同志们：', '各位领导、同志们：', '各位代表：', '各位委员、同志们:', '  同志们，朋友们：']) expect(isSalutation(line), line).toBe(true);
    for (const line of ['下面，我讲三点意见：', '同志们', '主要有以下几个方面：', '各位领导、各位来宾、各位企业家朋友、同志们，大家上午好：']) {
      expect(isSalutation(line), line).toBe(false);
    }
  });

  test('date lines, with figures, placeholders or Chinese numerals', () => {
    for (const line of ['（2026年1月5日）', '（2026年X月X日）', '(2026年12月30日)', '二〇二六年一月五日', '（××××年×月×日）']) expect(isDateLine(line), line).toBe(true);
    for (const line of ['（2026年1月5日', '2026年1月5日召开会议', '同志们：']) expect(isDateLine(line), line).toBe(false);
  });

  test('speaker and date lines under the title; a speaker only before a date or a salutation', () => {
    expect([...leadingLineRoles(['XXX', '（2026年X月X日）', '同志们：'])]).toEqual([[0, 'speaker'], [1, 'date']]);
    expect([...leadingLineRoles(['', '县委书记　张三', '同志们：'])]).toEqual([[1, 'speaker']]);
    expect([...leadingLineRoles(['（2026年1月5日）', '同志们：'])]).toEqual([[0, 'date']]);
    // A first line still being typed is not a name; nor is a date line further down.
    expect([...leadingLineRoles(['下面我讲几点意见', '要提高站位。'])]).toEqual([]);
    expect([...leadingLineRoles(['同志们：', '（2026年1月5日）'])]).toEqual([]);
    expect([...leadingLineRoles([null, '（2026年1月5日）'])]).toEqual([]);
  });

  test('roles of a document: the title passed over, salutations anywhere', () => {
    expect(paragraphRoles([
      { kind: 'title', text: '在全县大会上的讲话' },
      { kind: 'paragraph', text: '张三' },
      { kind: 'paragraph', text: '（2026年1月5日）' },
      { kind: 'paragraph', text: '同志们：' },
      { kind: 'other', text: '提高站位' },
      { kind: 'paragraph', text: '同志们：' },
    ])).toEqual([null, 'speaker', 'date', 'salutation', null, 'salutation']);
  });

  test('a run-in title ends at the first sentence that has text after it', () => {
    expect(runInTitleLength('层层传达学习。一是原原本本学。')).toBe(7);
    expect(runInTitleLength('层层传达学习。')).toBeNull();
    expect(runInTitleLength('层层传达学习')).toBeNull();
  });
});
