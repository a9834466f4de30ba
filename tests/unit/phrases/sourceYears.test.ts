import { describe, expect, it } from 'vitest';
import { buildPhraseIndex } from '../../../src/phrases/build';
import { suggestFromIndex } from '../../../src/phrases/query';
import { sourceLine } from '../../../src/editor/suggestion/list';

const TEXT = '要坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。';

describe('suggestion sources carry years', () => {
  it('each source has its year and the suggestion the span of its documents’ years', () => {
    const index = buildPhraseIndex([
      { id: 'a', title: '甲', pack: 'p', year: 2021, text: TEXT },
      { id: 'b', title: '乙', pack: 'p', year: 2026, text: TEXT },
      { id: 'c', title: '丙', pack: 'p', text: TEXT },
      { id: 'd', title: '丁', pack: 'p', year: 2023, text: TEXT },
    ]);
    const [top] = suggestFromIndex(index, '要坚持以习近平新时代');
    expect(top.docCount).toBe(4);
    expect(top.years).toEqual({ from: 2021, to: 2026 });
    for (const s of top.sources) expect(s.year).toBe({ 甲: 2021, 乙: 2026, 丙: undefined, 丁: 2023 }[s.title]);
    expect(sourceLine(top)).toBe('出自 4 篇 · 2021–2026');
  });

  it('no years when no document has one; one year shown once', () => {
    const none = buildPhraseIndex([
      { id: 'a', title: '甲', pack: 'p', text: TEXT },
      { id: 'b', title: '乙', pack: 'p', text: TEXT },
    ]);
    const [top] = suggestFromIndex(none, '要坚持以习近平新时代');
    expect(top.years).toBeUndefined();
    expect(sourceLine(top)).toBe('出自 2 篇');
    expect(sourceLine({ docCount: 3, years: { from: 2025, to: 2025 } })).toBe('出自 3 篇 · 2025');
  });
});
