import { describe, expect, it } from 'vitest';
import { createChecker } from '../../../src/checks/checker';
import { smallCorpus } from './helpers';

const FILLER = ['今年工作任务繁重。', '各项事业取得新进展。', '全市上下团结一心。', '经济运行总体平稳。', '民生保障持续加强。', '改革开放不断深化。'];
/** Six documents that all write the same formulations, each with different filler text. */
function corpus(extra: string[] = []) {
  return smallCorpus([
    ...FILLER.map((f, i) => ({ text: `${f}我们要增强“四个意识”，坚定“四个自信”，做到“两个维护”。统筹推进“五位一体”总体布局。${i}号文件要求坚持依法治国。` })),
    ...extra.map((text) => ({ text })),
  ]);
}

const check = (text: string, extra: string[] = []) => {
  const { index, meta } = corpus(extra);
  return createChecker(index, meta, { slips: { minDocs: 5 } }).check(text, { kinds: ['提法'] });
};

describe('提法校对', () => {
  it('finds a homophone slip in a quoted formulation and offers the corpus character', () => {
    const text = '会议强调，全体党员要增强“四个意思”，坚定信心。';
    const f = check(text);
    expect(f).toHaveLength(1);
    expect(text.slice(f[0].start, f[0].end)).toBe('思');
    expect(f[0].suggestion).toBe('识');
    expect(f[0].evidence?.docs).toBe(6);
    expect(f[0].message).toContain('四个意识');
  });

  it('finds a slip with a plain homophone (户 for 护)', () => {
    const f = check('我们要做到“两个维户”。');
    expect(f.map((x) => [x.text, x.suggestion])).toEqual([['户', '护']]);
  });

  it('finds a missing character and a swapped pair inside a quoted term', () => {
    const missing = check('统筹推进“五位体”总体布局。');
    expect(missing).toHaveLength(1);
    expect(missing[0].text + '→' + missing[0].suggestion).toBe('位→位一');
    const swapped = check('统筹推进“五一位体”总体布局。');
    expect(swapped.map((x) => [x.text, x.suggestion])).toEqual([['一位', '位一']]);
  });

  it('leaves the draft alone when its own version is written in more than one document', () => {
    // 「以法治」 sounds like 「依法治」 and the corpus writes 「坚持依法治国」 six times, but two documents write 「坚持以法治思维」.
    const extra = ['我们坚持以法治思维推动工作。', '干部要坚持以法治思维想问题。'];
    expect(check('要坚持以法治思维化解矛盾。', extra)).toEqual([]);
    // Without those two documents the same words would be flagged: the threshold is what keeps it quiet.
    expect(check('要坚持以法治国化解矛盾。').map((x) => x.suggestion)).toEqual(['依']);
  });

  it('does not flag text the corpus writes correctly', () => {
    expect(check('我们要增强“四个意识”，坚定“四个自信”，做到“两个维护”。')).toEqual([]);
  });
});
