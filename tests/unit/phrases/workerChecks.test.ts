/** The checks in the worker's request handler: configured, run on the newest request only, the 提法库 searched. */
import { describe, expect, it } from 'vitest';
import { CHECK_PIECE_CHARS, paragraphPieces } from '../../../src/phrases/protocol';
import { harness } from './workerHarness';
import { officeRule } from '../../../src/state/checks';

// Six documents write 「四个意识」; the draft's 「四个意思」 is one homophone away.
const corpus = Array.from({ length: 6 }, (_, i) => ({
  id: `d${i}`, title: `文件${i}`, pack: 't',
  text: `第${i}篇。要增强“四个意识”、坚定“四个自信”、做到“两个维护”。全面推进乡村振兴，建设美丽乡村。`,
}));
const meta = corpus.map((d, i) => ({ title: d.title, year: 2020 + i }));

describe('checks in the worker', () => {
  it('finds a slip after a build, and answers a check superseded before it ran with null', () => {
    const { posted, handle, flush } = harness();
    handle({ type: 'build', id: 1, docs: corpus, meta });
    handle({ type: 'checkConfig', id: 2, config: { officeRules: [], studyMaterial: [] } });
    handle({ type: 'check', id: 3, text: '我们要增强“四个意识”。', options: { year: 2026 } });
    handle({ type: 'check', id: 4, text: '我们要增强“四个意思”。', options: { year: 2026, kinds: ['提法'] } });
    flush();
    const checked = posted.filter((r) => r.type === 'checked');
    expect(checked[0]).toEqual({ type: 'checked', id: 3, findings: null, ms: 0 });
    expect(checked[1]).toMatchObject({ type: 'checked', id: 4, findings: [{ kind: '提法', text: '思', suggestion: '识' }] });
  });

  it('checks the office rules it is configured with, besides the shipped ones', () => {
    const { posted, handle, flush } = harness();
    handle({ type: 'build', id: 1, docs: corpus, meta });
    const rule = officeRule({ old: '美丽乡村', current: '宜居宜业和美乡村', reason: '本单位统一' }, new Date(2026, 0, 1));
    handle({ type: 'checkConfig', id: 2, config: { officeRules: [rule], studyMaterial: [] } });
    handle({ type: 'check', id: 3, text: '建设美丽乡村。', options: { year: 2026, kinds: ['时效'] } });
    flush();
    const answer = posted.find((r) => r.type === 'checked');
    expect(answer).toMatchObject({ findings: [{ kind: '时效', text: '美丽乡村', suggestion: '宜居宜业和美乡村' }] });
  });

  it('answers the 提法库 by pinyin initials with documents and years', () => {
    const { posted, handle } = harness();
    handle({ type: 'build', id: 1, docs: corpus, meta });
    handle({ type: 'checkConfig', id: 2, config: { officeRules: [], studyMaterial: [] } });
    handle({ type: 'library', id: 3, query: { text: 'lgwh' } });
    const answer = posted.find((r) => r.type === 'library');
    expect(answer).toMatchObject({ type: 'library', id: 3, formulations: [{ text: '两个维护', docs: 6, years: [2025, 2024, 2023, 2022, 2021, 2020] }] });
  });

  it('checks a long text a few paragraphs at a time: offsets into the whole text, suggestions answered between pieces, a superseded check stops', () => {
    const { posted, handle, flush } = harness();
    handle({ type: 'build', id: 1, docs: corpus, meta });
    const filler = `${'坚持稳中求进工作总基调，推动经济高质量发展。'.repeat(100)}\n`;
    const text = `${filler}${filler}我们要增强“四个意思”。\n`;
    expect(paragraphPieces(text, CHECK_PIECE_CHARS).length).toBeGreaterThanOrEqual(2);
    handle({ type: 'check', id: 2, text, options: { year: 2026, kinds: ['提法'] } });
    flush(); // the first piece
    handle({ type: 'suggest', id: 3, text: '推动经济' });
    flush(); // the suggestion, then the next piece
    flush();
    flush();
    const order = posted.filter((r) => r.type === 'checked' || r.type === 'suggestions').map((r) => r.type);
    expect(order).toEqual(['suggestions', 'checked']);
    const checked = posted.find((r) => r.type === 'checked');
    const at = text.indexOf('意思') + 1;
    expect(checked).toMatchObject({ findings: [{ kind: '提法', start: at, end: at + 1, text: '思', suggestion: '识' }] });

    handle({ type: 'check', id: 4, text, options: { year: 2026, kinds: ['提法'] } });
    flush();
    handle({ type: 'check', id: 5, text: '四个意识。', options: { year: 2026, kinds: ['提法'] } });
    flush();
    flush();
    flush();
    const answers = posted.filter((r) => r.type === 'checked').slice(1);
    expect(answers).toEqual([{ type: 'checked', id: 4, findings: null, ms: 0 }, expect.objectContaining({ id: 5, findings: [] })]);
  });
});
