import { describe, expect, it } from 'vitest';
import { acceptance, emptyTally, evaluateHeldOut, evaluateHeldOutRuns, evaluateLeaveOneOut, pinyinCosts, simulateWriter, summarize } from '../../../src/phrases/evaluate';
import { compileTrees } from '../../../src/phrases/trees';
import type { Suggestion } from '../../../src/phrases/types';

const suggestion = (text: string, chunks: string[]): Suggestion => ({ text, chunks, count: 1, docCount: 1, contextLength: 2, confidence: 1, sources: [], origin: 'corpus' });

describe('keystroke accounting', () => {
  it('accepts a whole suggestion with one keystroke, or its matching whole chunks one per keystroke', () => {
    expect(acceptance('坚持稳中求进', 0, suggestion('坚持稳中求进', ['坚持', '稳中', '求进']))).toEqual({ chars: 6, keys: 1 });
    expect(acceptance('坚持稳中有进', 0, suggestion('坚持稳中求进', ['坚持', '稳中', '求进']))).toEqual({ chars: 4, keys: 2 });
    // A matching first chunk shorter than 2 characters is not worth accepting.
    expect(acceptance('的确', 0, suggestion('的事业', ['的', '事业']))).toEqual({ chars: 0, keys: 0 });
  });

  it('prices a Chinese word as its pinyin letters plus one selection', () => {
    // 中国: zhong (5) + guo (3) + 1 selection; 。: 1.
    expect(Array.from(pinyinCosts('中国。'))).toEqual([5, 4, 1]);
  });

  it('adds up a tiny document worked by hand', () => {
    // Text 中国人民。 (5 characters). The writer types 中 and 国 (no suggestion), then at 「中国」 is offered
    // 人民。 and accepts it with one keystroke: 3 keystrokes in all; CSR = 1 − 3/5 = 0.4.
    // At 「中」 a wrong suggestion 央 is shown and rejected: 2 shown, 1 accepted.
    const suggest = (before: string) => (before === '中国' ? suggestion('人民。', ['人民。']) : before === '中' ? suggestion('央政府', ['央', '政府']) : undefined);
    const tally = simulateWriter('中国人民。', suggest, emptyTally());
    const costs = Array.from(pinyinCosts('中国人民。'));
    const s = summarize(tally);
    expect(tally.keys).toBe(3);
    expect(s.csr).toBeCloseTo(0.4, 6);
    expect(tally.shown).toBe(2);
    expect(tally.accepted).toBe(1);
    expect(s.precision).toBe(0.5);
    expect(s.meanAcceptedLen).toBe(3);
    expect(tally.pinyinKeys).toBe(costs[0] + costs[1] + 1);
    expect(tally.pinyinBaseline).toBe(costs.reduce((a, b) => a + b, 0));
  });
});

describe('cross-fitted trees in leave-one-out', () => {
  const texts = ['全面加强党的建设，推动高质量发展。', '全面加强党的建设，推动高质量发展。', '全面加强党的建设，推动高质量发展。', '全面加强党的建设，推动高质量发展。'];
  const docs = texts.map((text, i) => ({ id: `d${i}`, title: `文档${i}`, pack: i < 2 ? 'a' : 'b', text }));

  it('types each document with the trees given for it, the others with the shipped ones', () => {
    // Trees of depth 0: the same correction for every candidate, −30 in all, enough to silence them.
    const silencing = compileTrees({ features: [], depth: 0, trees: Array.from({ length: 10 }, () => ({ feature: [], threshold: [], leaf: [-3] })) }, []);
    const plain = evaluateLeaveOneOut(docs, { minConfidence: 0.05 });
    const crossFitted = evaluateLeaveOneOut(docs, { minConfidence: 0.05, treesFor: (d) => (d.pack === 'a' ? silencing : undefined) });
    expect(plain.get('a')!.shown).toBeGreaterThan(0);
    expect(crossFitted.get('a')!.shown).toBe(0);
    expect(crossFitted.get('b')).toEqual({ ...plain.get('b')!, latenciesMs: crossFitted.get('b')!.latenciesMs });
  });
});

describe('several runs on one index (npm run eval -- --thresholds …)', () => {
  it('gives each run the tally it gets alone', () => {
    const texts = ['全面加强党的建设，推动高质量发展。', '全面加强党的建设，推动经济发展。', '全面加强党的建设，推动高质量发展。', '坚持全面加强党的建设。'];
    const docs = texts.map((text, i) => ({ id: `d${i}`, title: `文档${i}`, pack: 'a', text }));
    const runs = [{ minConfidence: 0.01 }, { minConfidence: 0.99 }];
    const together = evaluateHeldOutRuns(docs, 0, runs, [emptyTally(), emptyTally()]);
    const alone = runs.map((r) => evaluateHeldOut(docs, 0, r));
    expect(together[0].shown).toBeGreaterThan(together[1].shown);
    for (let r = 0; r < runs.length; r++) expect({ ...together[r], latenciesMs: [] }).toEqual({ ...alone[r], latenciesMs: [] });
  });
});

describe('sampled runs (npm run eval -- --sample K)', () => {
  it('type only every K-th paragraph, asking with the whole document before the cursor', () => {
    const asked: number[] = [];
    const before: string[] = [];
    const tally = simulateWriter('甲乙\n丙丁戊\n己庚\n辛', (text, at) => { asked.push(at); before.push(text); return undefined; }, emptyTally(), { every: 2, offset: 1 });
    // Paragraphs 0..3; offset 1 of every 2 → 「丙丁戊」 (positions 3–5) and 「辛」 (position 10).
    expect(asked).toEqual([3, 4, 5, 10]);
    expect(before[0]).toBe('甲乙\n');
    expect(tally.chars).toBe(4);
    expect(summarize(tally).csr).toBe(0);
  });
});
