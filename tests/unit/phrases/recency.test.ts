import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCorpusManifest } from '../../../src/corpus/manifest';
import { buildPhraseIndex } from '../../../src/phrases/build';
import { suggestFromIndex } from '../../../src/phrases/query';
import { RECENCY_HALF_LIFE_YEARS, recencyWeights, shareByRecency } from '../../../src/phrases/recency';
import type { PhraseDocument } from '../../../src/phrases/types';

const dated = (pairs: Array<[number, string]>): PhraseDocument[] => pairs.map(([year, text], i) => ({ id: `d${i}`, title: `文档${i}`, pack: 'test', text, year }));
const top = (index: ReturnType<typeof buildPhraseIndex>, before: string, referenceYear?: number) => suggestFromIndex(index, before, { referenceYear })[0]?.text;

describe('recency weights', () => {
  it('halve every half-life away from the reference year, either way; unknown years weigh 1', () => {
    const index = buildPhraseIndex([...dated([[2026, '甲'], [2022, '乙'], [2030, '丙']]), { id: 'x', title: 'X', pack: 'own', text: '丁' }]);
    const w = recencyWeights(index, 2026)!;
    expect([...w]).toEqual([1, 0.5, 0.5, 1].map((x, i) => (i === 1 || i === 2 ? 2 ** (-4 / RECENCY_HALF_LIFE_YEARS) : x)));
    expect(recencyWeights(index, undefined)).toBeNull();
    expect(recencyWeights(buildPhraseIndex([{ id: 'a', title: 'A', pack: 'p', text: '甲' }]), 2026)).toBeNull();
  });

  it('share confidence out between alternatives by their weights, keeping the sum; one alone keeps its own', () => {
    const [current, old] = shareByRecency([0.4, 0.4], [1, 0.1], 1);
    expect(current + old).toBeCloseTo(0.8);
    expect(current / old).toBeCloseTo(10);
    expect(shareByRecency([0.4], [0.1], 1)).toEqual([0.4]);
    // As old as each other: nothing moves; strength 0: off.
    expect(shareByRecency([0.5, 0.2], [0.2, 0.2], 1)).toEqual([0.5, 0.2].map((x) => expect.closeTo(x)));
    expect(shareByRecency([0.4, 0.4], [1, 0.1], 0)).toEqual([0.4, 0.4]);
    // A weak recent alternative barely moves a likely old one.
    expect(shareByRecency([0.6, 0.01], [0.15, 1], 1)[0]).toBeGreaterThan(0.5);
    expect(Math.max(...shareByRecency([0.9, 0.6], [1, 0.01], 1))).toBeLessThan(1);
  });
});

describe('recency in the query (a small index with years)', () => {
  // As many documents write the old form (2013–2016) as the current one (2018–2025).
  const index = buildPhraseIndex(
    dated([
      [2013, '全党要紧密团结在以习近平同志为总书记的党中央周围。'],
      [2014, '各级党组织紧密团结在以习近平同志为总书记的党中央周围。'],
      [2015, '全省上下紧密团结在以习近平同志为总书记的党中央周围。'],
      [2016, '我们紧密团结在以习近平同志为总书记的党中央周围。'],
      [2018, '全党要紧密团结在以习近平同志为核心的党中央周围。'],
      [2021, '各级党组织紧密团结在以习近平同志为核心的党中央周围。'],
      [2023, '全省上下紧密团结在以习近平同志为核心的党中央周围。'],
      [2025, '我们紧密团结在以习近平同志为核心的党中央周围。'],
      [2017, '高举伟大旗帜，决胜全面建成小康社会，夺取新时代伟大胜利。'],
      [2018, '高举伟大旗帜，决胜全面建成小康社会，开创新局面。'],
      [2019, '高举伟大旗帜，决胜全面建成小康社会，奋力夺取新胜利。'],
      [2020, '高举伟大旗帜，决胜全面建成小康社会，迎接建党百年。'],
      [2023, '高举伟大旗帜，全面建设社会主义现代化国家，奋力谱写新篇章。'],
      [2024, '高举伟大旗帜，全面建设社会主义现代化国家，推进高质量发展。'],
      [2025, '高举伟大旗帜，全面建设社会主义现代化国家，推进中国式现代化。'],
    ]),
  );

  it('at equal support the 2013–2016 form loses to the current one in a 2026 draft, and wins in a 2015 one', () => {
    expect(top(index, '紧密团结在以习近平同志为', 2026)).toBe('核心的党中央周围。');
    expect(top(index, '紧密团结在以习近平同志为', 2015)).toBe('总书记的党中央周围。');
  });

  it('「决胜全面建成小康社会」 (2017–2020, four documents against three) does not beat the current form in a 2026 draft', () => {
    const pool = suggestFromIndex(index, '高举伟大旗帜，', { referenceYear: 2026 });
    expect(pool[0].text).toMatch(/^全面建设社会主义/);
    expect(pool[0].confidence).toBeGreaterThan(pool.find((s) => s.text.startsWith('决胜'))!.confidence + 0.1);
    expect(top(index, '高举伟大旗帜，', 2019)).toMatch(/^决胜全面建成小康社会/);
  });
});

describe('recency on the shipped corpus', () => {
  const dir = resolve(import.meta.dirname, '../../../corpus');
  const manifest = parseCorpusManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
  const docs: PhraseDocument[] = manifest.documents.map((d) => ({ id: d.id, title: d.title, pack: d.pack, year: d.year ?? undefined, text: readFileSync(join(dir, d.path), 'utf8') }));
  const index = buildPhraseIndex(docs);
  const confidenceOf = (before: string, start: string, referenceYear?: number) =>
    suggestFromIndex(index, before, { referenceYear }).find((s) => s.text.startsWith(start))?.confidence ?? 0;

  it('a 2026 draft gets 「核心的党中央」 first and 「总书记的党中央」 far below it; a 2015 draft holds the old form likelier', () => {
    for (const before of ['坚持以习近平同志为', '紧密团结在以习近平同志为']) {
      expect(top(index, before, 2026)).toMatch(/^核心的党中央/);
      expect(confidenceOf(before, '总书记', 2026)).toBeLessThan(confidenceOf(before, '核心', 2026) / 2);
      expect(confidenceOf(before, '总书记', 2015)).toBeGreaterThan(confidenceOf(before, '核心', 2015));
    }
    expect(top(index, '坚持以习近平同志为', 2015)).toMatch(/^总书记的党中央/);
  });

  it('「决胜全面建成小康社会」 does not beat 「全面建设社会主义现代化国家」 in a 2026 draft', () => {
    const before = '保持经济持续健康发展，为';
    expect(top(index, before, 2026)).toMatch(/^全面建设社会/);
    expect(confidenceOf(before, '决胜', 2026)).toBeLessThan(confidenceOf(before, '决胜', 2018));
    expect(confidenceOf(before, '决胜', 2026)).toBeLessThan(confidenceOf(before, '全面建设', 2026));
  });

  it('a formulation only the writer’s own 2015 speech writes is not sunk by the corpus’s recent continuations of its last characters', () => {
    // 「推进紫金花」 is in that speech alone, so the query falls back to 「金花」, which recent documents go on otherwise.
    const speech = '同志们：\n我们要坚定不移推进紫金花工程提质扩面三年行动。\n全县上下要坚定不移推进紫金花工程提质扩面三年行动，久久为功。';
    const withOwn = buildPhraseIndex([...docs, { id: 'own', title: '讲话', pack: 'own', year: 2015, text: speech }]);
    const first = (referenceYear?: number) => suggestFromIndex(withOwn, '同志们：\n推进紫金花', { referenceYear })[0];
    expect(first(undefined).text).toMatch(/^工程/);
    expect(first(2026).text).toMatch(/^工程/);
    expect(first(2026).confidence).toBeGreaterThan(first(undefined).confidence * 0.9);
  });
});
