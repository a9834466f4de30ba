import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTimelinessRules, SHIPPED_TIMELINESS_RULES, TimelinessFinder } from '../../../src/checks/timeliness';
import { normalizeCodes } from '../../../src/phrases/normalize';
import { smallCorpus } from './helpers';

const RULES_PATH = join(import.meta.dirname, '../../../src/checks/timeliness.json');
const { index, meta } = smallCorpus([{ text: '各项工作有序推进。' }]);
const finder = new TimelinessFinder(index, meta);
const byRules = (text: string, year = 2026) => finder.byRules(text, year);

describe('提法时效 rule file', () => {
  it('is valid, has at least 30 rules with distinct ids and a citation each', () => {
    const rules = parseTimelinessRules(JSON.parse(readFileSync(RULES_PATH, 'utf8')));
    expect(rules.length).toBeGreaterThanOrEqual(30);
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const r of rules) expect(r.citation.quote.length).toBeGreaterThan(1);
  });

  it('rejects a broken file with a Chinese message', () => {
    expect(() => parseTimelinessRules({ version: 2, rules: [] })).toThrow('时效规则文件格式不正确');
    const good = SHIPPED_TIMELINESS_RULES[0];
    expect(() => parseTimelinessRules({ version: 1, rules: [{ ...good, since: '2016年' }] })).toThrow('起始时间');
    expect(() => parseTimelinessRules({ version: 1, rules: [{ ...good, pattern: '(' }] })).toThrow('正则');
    expect(() => parseTimelinessRules({ version: 1, rules: [good, good] })).toThrow('重复');
  });

  it('every rule fires on its own examples and stays quiet on its legitimate uses', () => {
    for (const r of SHIPPED_TIMELINESS_RULES) {
      for (const text of r.examples.fires) expect(byRules(text).some((f) => f.message.includes(r.citation.title)), `${r.id}: ${text}`).toBe(true);
      for (const text of r.examples.quiet) expect(byRules(text).filter((f) => f.message.includes(r.reason)), `${r.id}: ${text}`).toEqual([]);
    }
  });
});

describe('提法时效 findings', () => {
  it('flags 「十四五」 as the current period in a 2026 draft but not a review of it', () => {
    expect(byRules('今年是“十四五”规划实施的关键之年，我们要扎实推进各项工作。').map((f) => f.text)).toEqual(['“十四五”']);
    expect(byRules('“十四五”时期经济社会发展取得新的重大成就。回顾“十四五”，我们倍感振奋。“十四五”规划圆满收官。')).toEqual([]);
    // The same sentence in a 2023 draft is right.
    expect(byRules('今年是“十四五”规划实施的关键之年，我们要扎实推进各项工作。', 2023)).toEqual([]);
  });

  it('gives the current form and its citation', () => {
    const [f] = byRules('在以习近平同志为总书记的党中央坚强领导下。');
    expect(f.suggestion).toBe('以习近平同志为核心的党中央');
    expect(f.message).toContain('2016 年 10 月');
    expect(f.evidence?.years).toEqual([2017]);
  });

  it('reports a formulation the corpus last wrote long ago, with what recent documents write', () => {
    const old = [2008, 2010, 2012, 2013].map((year, i) => ({ text: `第${i}条。加快转变经济发展方式，推动产业升级。`, year }));
    const recent = [2024, 2025, 2025].map((year, i) => ({ text: `第${i}项。加快建设现代化产业体系，推动产业升级。`, year }));
    const c = smallCorpus([...old, ...recent]);
    const f = new TimelinessFinder(c.index, c.meta, []);
    const text = '我们要求，加快转变经济发展方式，推动产业升级。';
    const found = f.find(text, normalizeCodes(text), 2026);
    expect(found.map((x) => x.text)).toEqual(['加快转变经济发展方式']);
    expect(found[0].message).toContain('最后见于 2013 年');
    expect(found[0].message).toContain('加快建设现代化产业体系');
    // Five years after 2013 is 2018: a 2017 draft is not told so.
    expect(f.find(text, normalizeCodes(text), 2017)).toEqual([]);
  });
});
