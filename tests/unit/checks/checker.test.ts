import { describe, expect, it } from 'vitest';
import { createChecker, findingKey } from '../../../src/checks/checker';
import { documentYear } from '../../../src/checks/corpusYears';
import { smallCorpus } from './helpers';

const { index, meta } = smallCorpus(
  ['今年工作任务繁重。', '各项事业取得新进展。', '全市上下团结一心。', '经济运行总体平稳。', '民生保障持续加强。'].map((f) => ({ text: `${f}我们要做到“两个维护”。` })),
);
const checker = createChecker(index, meta, { slips: { minDocs: 5 } });
const DRAFT = '一、总体要求\n我们要做到“两个维户”。\n三、工作安排\n在以习近平同志为总书记的党中央领导下，请XX同志负责。';

describe('createChecker', () => {
  it('returns every kind in text order, with offsets into the text', () => {
    const f = checker.check(DRAFT, { year: 2026 });
    expect(f.map((x) => x.kind)).toEqual(['提法', '编号', '时效', '占位']);
    for (const x of f) expect(DRAFT.slice(x.start, x.end)).toBe(x.text);
  });

  it('normalises CRLF so offsets match the LF text', () => {
    const f = checker.check(DRAFT.replace(/\n/g, '\r\n'), { year: 2026 });
    expect(f.map((x) => x.start)).toEqual(checker.check(DRAFT, { year: 2026 }).map((x) => x.start));
  });

  it('drops the findings the writer ignored', () => {
    const all = checker.check(DRAFT, { year: 2026 });
    const slip = all.find((x) => x.kind === '提法')!;
    const rest = checker.check(DRAFT, { year: 2026, ignored: [findingKey(slip)] });
    expect(rest).toHaveLength(all.length - 1);
    expect(rest.some((x) => x.kind === '提法')).toBe(false);
  });

  it('uses the reference year: a 2015 draft may write the 2015 formulation', () => {
    expect(checker.check(DRAFT, { year: 2015, kinds: ['时效'] })).toEqual([]);
  });
});

describe('documentYear', () => {
  it('takes the manifest year, else the year in the title, id or file name', () => {
    expect(documentYear({ year: 2017, title: '2023年' })).toBe(2017);
    expect(documentYear({ year: null, title: '学习2023年全国“两会”精神' })).toBe(2023);
    expect(documentYear({ title: '讲话', path: 'reports-2026/report-2026-anhui.txt' })).toBe(2026);
    expect(documentYear({ title: '讲话', id: 'speech-000' })).toBeNull();
  });
});
