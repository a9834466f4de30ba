import { describe, expect, it } from 'vitest';
import { buildPhraseIndex } from '../../../src/phrases/build';
import { DEFAULT_ENGINE_CONFIG, DEFAULT_QUERY_TUNING } from '../../../src/phrases/config';
import { findCandidates, suggestFromIndex } from '../../../src/phrases/query';
import { splitIntoChunks } from '../../../src/phrases/chunks';
import { bestStop, stopSuggestion, type ChunkBoundary } from '../../../src/phrases/saving';
import type { PhraseDocument } from '../../../src/phrases/types';

const docs = (...texts: string[]): PhraseDocument[] => texts.map((text, i) => ({ id: `d${i}`, title: `文档${i}`, pack: 'test', text }));

describe('bestStop', () => {
  it('stops at the chunk boundary where the corpus diverges', () => {
    // Head (2 chars) seen 10 times; all 10 go on to 4 chars; only 1 goes on to 6 chars. Worked by hand with
    // smoothing 0.5: stop at 2 → 1.00; at 4 → 0.048·1 + 0.952·3 = 2.90; at 6 → 1.77 + 0.091·5 = 2.23.
    const { best, savings } = bestStop([{ chars: 2, chunks: 1, count: 10 }, { chars: 4, chunks: 2, count: 10 }, { chars: 6, chunks: 3, count: 1 }], { chunk: 0.5, figure: 0 });
    expect(best).toBe(1);
    expect(savings[0]).toBeCloseTo(1, 6);
    expect(savings[1]).toBeCloseTo(0.0476 + 0.9524 * 3, 3);
  });

  it('runs to the end when the corpus is unanimous and smoothing is off', () => {
    expect(bestStop([{ chars: 2, chunks: 1, count: 3 }, { chars: 5, chunks: 2, count: 3 }, { chars: 9, chunks: 4, count: 3 }], { chunk: 0, figure: 0 }).best).toBe(2);
  });

  it('asks more agreement before running into a figure', () => {
    // One match all the way (a passage of one document). Worked by hand with smoothing 2 (figure 8): stop at 2
    // chars → 1; at 4 → 0.667·1 + 0.333·3 = 1.67; at 7 → 0.667 + 0.303·2 + 0.030·6 = 1.45 when the last chunk
    // holds a figure (q = 1/11), but 0.667 + 0.222·2 + 0.111·6 = 1.78 when it does not (q = 1/3).
    const bounds = (figure: boolean) => [{ chars: 2, chunks: 1, count: 1 }, { chars: 4, chunks: 2, count: 1 }, { chars: 7, chunks: 3, count: 1, figure }];
    const figure = bestStop(bounds(true), { chunk: 2, figure: 8 });
    expect(figure.best).toBe(1);
    expect(figure.savings[2]).toBeCloseTo(0.6667 + (1 / 3 - 1 / 33) * 2 + (1 / 33) * 6, 3);
    expect(bestStop(bounds(false), { chunk: 2, figure: 8 }).best).toBe(2);
  });

});

describe('stopSuggestion', () => {
  const SMOOTHING = { chunk: 2, figure: 8 };

  /** The stop computed the plain way: the whole text chunked, every boundary scored. */
  function reference(text: string, countAfter: (chars: number) => number) {
    const chunks = splitIntoChunks(text);
    const bounds: ChunkBoundary[] = [];
    let chars = 0;
    chunks.forEach((chunk, i) => {
      chars += chunk.length;
      if (chars >= 2 || i === chunks.length - 1) bounds.push({ chars, chunks: i + 1, count: countAfter(chars), figure: /[0-9]/.test(chunk) });
    });
    const { best, savings } = bestStop(bounds, SMOOTHING);
    return { chunks: chunks.slice(0, bounds[best].chunks), chars: bounds[best].chars, headChars: bounds[0].chars, headChunks: bounds[0].chunks, saving: savings[best] };
  }

  it('stops where scoring every boundary of the whole text stops, though it chunks only the clauses it needs', () => {
    const text = '推动高质量发展，加快建设现代化产业体系、深化重点领域改革：坚持稳中求进';
    // Matches that agree fall off at different places: early, late, never.
    const profiles = [(c: number) => (c <= 3 ? 9 : 1), (c: number) => (c <= 20 ? 9 : 2), () => 7, (c: number) => Math.max(1, 12 - c)];
    for (const countAfter of profiles) expect(stopSuggestion(text, 2, countAfter, SMOOTHING, true)).toEqual(reference(text, countAfter));
  });

  it('runs to the end when asked not to stop by saving', () => {
    const text = '推动高质量发展，加快建设现代化产业体系';
    expect(stopSuggestion(text, 2, () => 1, SMOOTHING, false).chars).toBe(text.length);
  });

  it('asks more agreement before running into a figure', () => {
    // Every match agrees all the way (q = 1 without smoothing), but the chunk 「80」 is a figure: q = 5/13 there.
    const text = '人均预期寿命提高到80岁';
    expect(stopSuggestion(text, 2, () => 5, { chunk: 0, figure: 0 }, true).chars).toBe(text.length);
    expect(stopSuggestion(text, 2, () => 5, { chunk: 0, figure: 8 }, true).chars).toBe('人均预期寿命提高到'.length);
  });
});

describe('expected saving in the query', () => {
  it('cuts a suggestion at a clause mark where the documents part ways', () => {
    const index = buildPhraseIndex(docs('全面加强党的建设，推动高质量发展。', '全面加强党的建设，加快改革开放。', '全面加强党的建设，坚持人民至上。'));
    expect(suggestFromIndex(index, '我们要全面加强')[0].text).toBe('党的建设，');
  });

  it('weighs a long passage shared with one document against the standard formulation, keeping alternatives distinct', () => {
    const index = buildPhraseIndex(docs('坚持稳中求进工作总基调。', '坚持稳中求进工作总基调。', '今年全省上下齐心协力坚持稳中求进工作总要求不动摇。'));
    const before = '今年全省上下齐心协力坚持稳中求进';
    const c = findCandidates(index, before, 5);
    const standard = findCandidates(index, before, 5, { ...DEFAULT_ENGINE_CONFIG, tuning: { ...DEFAULT_QUERY_TUNING, longContextExtraChars: 0 } });
    expect(standard.map((x) => x.suggestion.text)).toEqual(['工作总基调。']);
    expect(standard[0].source === 'corpus' && standard[0].evidence.contextDocs).toBe(3);
    // Both start with 工: one survives, the one of higher expected saving.
    expect(c).toHaveLength(1);
    // Either passage, or cut where they part ways (the models decide where saving is best).
    expect(['工作总基调。', '工作总要求不动摇。'].some((t) => t.startsWith(c[0].suggestion.text) && c[0].suggestion.text.startsWith('工作总'))).toBe(true);
    expect(c[0].expectedSaving).toBeGreaterThanOrEqual(standard[0].expectedSaving);
  });
});
