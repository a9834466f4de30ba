import { describe, expect, it } from 'vitest';
import { findQuotations, QuotationFinder } from '../../../src/checks/quotations';
import { normalizeCodes } from '../../../src/phrases/normalize';
import { smallCorpus } from './helpers';

const ORIGINAL = '中国共产党人的初心和使命，就是为中国人民谋幸福，为中华民族谋复兴。';
const { index, meta } = smallCorpus([
  { text: '各项工作有序推进。', year: 2024 },
  { text: `大会指出，${ORIGINAL}这个初心和使命是激励中国共产党人不断前进的根本动力。`, year: 2017, title: '十九大报告' },
]);
const finder = new QuotationFinder(index, meta);
const check = (text: string, studyMaterial?: { title: string; year: number | null; text: string }[]) => finder.find(text, normalizeCodes(text), { studyMaterial });

describe('引文核对', () => {
  it('finds quotations after 指出/强调 and after a 《…》 title, not short quoted terms', () => {
    const text = '总书记强调：“为中国人民谋幸福，为中华民族谋复兴。”要增强“四个意识”。《决定》提出“进一步全面深化改革推进中国式现代化”。';
    expect(findQuotations(text).map(([s, e]) => text.slice(s, e))).toEqual(['为中国人民谋幸福，为中华民族谋复兴。', '进一步全面深化改革推进中国式现代化']);
  });

  it('says 原文一致 with the source and year', () => {
    const [f] = check(`习近平总书记指出：“${ORIGINAL}”`);
    expect(f.quotation?.status).toBe('原文一致');
    expect(f.message).toContain('十九大报告');
    expect(f.message).toContain('2017');
  });

  it('gives the character-level diff of a quotation with one changed character', () => {
    const changed = ORIGINAL.replace('谋幸福', '谋幸运');
    const [f] = check(`习近平总书记指出：“${changed}”`);
    expect(f.quotation?.status).toBe('有出入');
    expect(f.quotation?.diff?.filter((d) => d.op !== 'same')).toEqual([{ op: 'changed', draft: '运', source: '福' }]);
    expect(f.suggestion).toBe(ORIGINAL);
    expect(f.message).toContain('「运」原文为「福」');
  });

  it('names missing characters', () => {
    const [f] = check(`习近平总书记指出：“${ORIGINAL.replace('中华民族', '中华')}”`);
    expect(f.quotation?.diff?.filter((d) => d.op !== 'same')).toEqual([{ op: 'missing', draft: '', source: '民族' }]);
  });

  it('says 未找到原文 plainly, and checks the study material first', () => {
    const quote = '奋斗是青春最亮丽的底色，行动是青年最有效的磨砺。';
    const [none] = check(`总书记强调：“${quote}”`);
    expect(none.quotation?.status).toBe('未找到原文');
    const [found] = check(`总书记强调：“${quote}”`, [{ title: '学习材料', year: 2023, text: `他说，${quote}希望大家努力。` }]);
    expect(found.quotation?.status).toBe('原文一致');
    expect(found.message).toContain('学习材料');
  });
});
