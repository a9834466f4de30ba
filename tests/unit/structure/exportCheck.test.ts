import { expect, test } from 'vitest';
import { checkDraft, exportCheck, linesToBlocks } from '../../../src/structure';

const check = (lines: string[]) => exportCheck(checkDraft(linesToBlocks(lines.join('\n')).blocks));

test('a draft with nothing left to fill or renumber exports without a question', () => {
  expect(check(['同志们：', '一、提高站位', '二、压实责任', '今天的会议很重要。'])).toBeNull();
});

test('unfilled placeholders of every kind are counted: 「还有 3 处未填，仍要导出？」', () => {
  const result = check(['在{{会议名称}}上的讲话', '同志们：', 'XX县今年完成投资××亿元。']);
  expect(result).toEqual({ placeholders: 3, numbering: 0, question: '还有 3 处未填，仍要导出？' });
});

test('numbering problems are counted with the placeholders', () => {
  const result = check(['一、提高站位', '三、压实责任', '请{{单位}}抓好落实。']);
  expect(result?.placeholders).toBe(1);
  expect(result?.numbering).toBe(1);
  expect(result?.question).toBe('还有 1 处未填、1 处编号问题，仍要导出？');
});

test('numbering problems alone', () => {
  expect(check(['一、抓学习', '一、抓落实'])?.question).toBe('还有 1 处编号问题，仍要导出？');
});
