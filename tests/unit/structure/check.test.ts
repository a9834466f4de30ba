import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { StructureBlock } from '../../../src/structure/blocks';
import { checkDraft, checkText } from '../../../src/structure/check';
import { findPlaceholders } from '../../../src/structure/placeholders';

const SEED = '/work/shared/seeds/001_f27e55a85f78f891.txt';

describe('draft check', () => {
  it('finds the duplicate 「四是」 in the seed speech, at the second one', () => {
    const text = readFileSync(SEED, 'utf8');
    const numbering = checkText(text).filter((f) => f.kind !== 'placeholder');
    expect(numbering).toHaveLength(1);
    const [finding] = numbering;
    expect(finding.kind).toBe('duplicate');
    expect(text.slice(finding.from, finding.to)).toBe('四是');
    expect(text.slice(finding.to, finding.to + 6)).toBe('营造喜迎盛会');
    expect(finding.message).toContain('五是');
  });

  it('reports skipped and out-of-order enumerations', () => {
    const messages = checkText('一是甲。\n二是乙。\n四是丁。\n三是丙。').map((f) => [f.kind, f.message]);
    expect(messages).toEqual([
      ['skipped', '「二是」之后是「四是」，缺少「三是」'],
      ['order', '「三是」出现在「四是」之后，顺序有误，这里应为「五是」'],
    ]);
  });

  it('keeps nested runs apart from the paragraph run', () => {
    const text = '一、总体要求\n一是学习。具体有：一是读原文，二是悟原理。\n二是落实。第一，抓项目；第二，抓服务。\n二、具体任务\n一是重新开始。';
    expect(checkText(text)).toEqual([]);
  });

  it('checks hand-typed section numbers per level under their parent', () => {
    const text = '一、甲\n（一）子一\n（三）子三\n二、乙\n（一）子一\n（一）又是子一\n1.细目\n1.又是细目';
    expect(checkText(text).map((f) => f.message)).toEqual([
      '「（一）」之后是「（三）」，缺少「（二）」',
      '「（一）」重复出现，这里应为「（二）」',
      '「1.」重复出现，这里应为「2.」',
    ]);
  });

  it('sees a typed number that collides with a computed heading number', () => {
    const blocks: StructureBlock[] = [
      { text: '总体要求', section: { level: 1, value: 1 } },
      { text: '二、重点任务' },
      { text: '保障措施', section: { level: 1, value: 2 } },
    ];
    expect(checkDraft(blocks).map((f) => [f.block, f.kind])).toEqual([[2, 'duplicate']]);
  });

  it('points each finding at the marker in its block', () => {
    const [finding] = checkDraft([{ text: '要求：一是甲，三是丙' }]);
    expect(finding).toMatchObject({ block: 0, from: 7, to: 9, kind: 'skipped' });
  });
});

describe('placeholders', () => {
  it.each([
    ['请XX同志讲话', 'XX'],
    ['由XXX负责', 'XXX'],
    ['××单位', '××'],
    ['×××局', '×××'],
    ['开创**区新局面', '**'],
    ['10月*日', '*'],
    ['在{{会议名称}}上', '{{会议名称}}'],
    ['○○同志', '○○'],
    ['ＸＸ市', 'ＸＸ'],
  ])('flags %s', (text, placeholder) => {
    expect(findPlaceholders(text).map((p) => p.text)).toEqual([placeholder]);
  });

  it.each(['拍X光片', '尺码XXL', '面积3*4米', '二〇〇二年', '二○○二年', '3×4的矩阵', 'a*b', '第一季度“开门红”'])('leaves ordinary text alone: %s', (text) => {
    expect(findPlaceholders(text)).toEqual([]);
  });

  it('counts the placeholders of the corpus speech with anonymised names', () => {
    const text = '请XXX同志牵头，XX同志配合，筹备开好全区深化脱贫攻坚推进会、XX镇深化脱贫攻坚推进会议。';
    expect(checkText(text).map((f) => text.slice(f.from, f.to))).toEqual(['XXX', 'XX', 'XX']);
  });
});
