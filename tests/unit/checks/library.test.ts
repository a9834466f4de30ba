import { describe, expect, it } from 'vitest';
import { FormulationLibrary, matchesInitials } from '../../../src/checks/library';

const docs = [2022, 2024, 2025, 2026].map((year, i) => ({
  title: `报告${i}`,
  pack: i < 2 ? 'old' : 'new',
  year,
  text: `深刻领悟“两个确立”的决定性意义。第${i}季度完成。坚持稳中求进工作总基调，各项工作扎实推进。`,
}));
docs.push({ title: '讲话', pack: 'new', year: 2026, text: '增强“四个意识”。坚持稳中求进工作总基调。' });

describe('提法库', () => {
  const lib = new FormulationLibrary(docs, { minDocs: 3 });

  it('keeps formulations written in at least three documents, with documents, years and an example', () => {
    const f = lib.formulations.find((x) => x.text === '坚持稳中求进工作总基调');
    expect(f).toMatchObject({ docs: 5, years: [2026, 2025, 2024, 2022] });
    expect(f?.example).toContain('坚持稳中求进工作总基调');
    // Written in one document only: not a recurring formulation.
    expect(lib.formulations.some((x) => x.text === '四个意识')).toBe(false);
    // Each document's own quarter clause differs: not kept.
    expect(lib.formulations.some((x) => x.text.includes('季度'))).toBe(false);
  });

  it('finds 「两个确立」 by its pinyin initials and by characters', () => {
    expect(lib.search({ text: 'lgql' }).map((f) => f.text)).toContain('两个确立');
    expect(lib.search({ text: 'LGQL' }).map((f) => f.text)).toContain('两个确立');
    expect(lib.search({ text: '确立' }).map((f) => f.text)).toContain('两个确立');
    expect(lib.search({ text: 'xyz' })).toEqual([]);
  });

  it('filters by year range and pack', () => {
    expect(lib.search({ text: 'lgql', toYear: 2021 })).toEqual([]);
    expect(lib.search({ text: 'lgql', fromYear: 2025, pack: 'new' }).map((f) => f.text)).toEqual(['两个确立']);
  });

  it('matches initials of heteronyms by any reading', () => {
    expect(matchesInitials('银行', 'yh')).toBe(true);
    expect(matchesInitials('银行', 'yx')).toBe(true);
    expect(matchesInitials('银行', 'yy')).toBe(false);
  });
});
