import { describe, expect, it } from 'vitest';
import { buildPhraseIndex } from '../../../src/phrases/build';
import { DRAFT_SOURCE } from '../../../src/phrases/candidates';
import { estimateDraftConfidence } from '../../../src/phrases/confidence';
import { DEFAULT_ENGINE_CONFIG, DEFAULT_QUERY_TUNING } from '../../../src/phrases/config';
import { draftLocalEnds, draftLocalSupport, draftMatch, draftWording } from '../../../src/phrases/draftMemory';
import type { DraftEvidence } from '../../../src/phrases/evidence';
import { findCandidates, suggestFromIndex } from '../../../src/phrases/query';
import type { PhraseDocument } from '../../../src/phrases/types';

const tuning = { ...DEFAULT_QUERY_TUNING, minContextChars: DEFAULT_QUERY_TUNING.draftMinContextChars };
const docs = (...texts: string[]): PhraseDocument[] => texts.map((text, i) => ({ id: `d${i}`, title: `文档${i}`, pack: 'test', text }));

describe('draftMatch', () => {
  it('proposes what the draft itself wrote after the longest repeated suffix, cut where its occurrences part ways', () => {
    const before = '一要实施“强边固防”行动，推进兴边富民。\n二要深化改革。\n三要实施“强边';
    const m = draftMatch(before, tuning);
    // One earlier occurrence: extended to the sentence end at most, then cut where the saving is best.
    expect(m?.text.startsWith('固防”行动，')).toBe(true);
    expect('固防”行动，推进兴边富民。'.startsWith(m!.text)).toBe(true);
    expect(m?.evidence.contextLength).toBe(6); // 三要 differs from 一要: the context is 实施“强边
    expect(m?.evidence.occurrences).toBe(1);
    expect(m?.evidence.distance).toBe(before.length - before.indexOf('固防'));
  });

  it('follows the majority of earlier occurrences and stops where they disagree', () => {
    const before = '推动全区经济发展。\n推动全区社会进步。\n推动全区经济增长。\n推动全区';
    const m = draftMatch(before, tuning);
    // 经济 twice, 社会 once: the majority head; then 发展 / 增长 split 1–1 (< 60 %), so it stops after 经济.
    expect(m?.text).toBe('经济');
    expect(m?.evidence.occurrences).toBe(3);
    expect(m?.evidence.headCount).toBe(2);
  });

  it('never matches a context across a paragraph break, nor offers a continuation that runs into one', () => {
    expect(draftMatch('加快建设\n加快建设', tuning)).toBeNull(); // the earlier 加快建设 ends its paragraph
    expect(draftMatch('重点推进产业升级。\n业升级', { ...tuning, minContextChars: 4 })).toBeNull(); // 3 characters < 4
  });

  it('matches width and punctuation variants of the same characters, and offers the text as written before', () => {
    // The earlier passage has a half-width comma and full-width digits; the cursor follows the full-width forms.
    const m = draftMatch('实施“１２３”工程,打造一流营商环境。\n继续实施“123”工程，打', tuning);
    expect(m?.text.startsWith('造一流')).toBe(true);
    expect(m?.evidence.contextLength).toBe(11);
  });

  it('finds nothing when the draft has not written the context before', () => {
    expect(draftMatch('同志们：今天我们召开全市工作会议', tuning)).toBeNull();
  });
});

describe('draftLocalSupport', () => {
  it('counts the earlier occurrences of the last characters and those followed by the head', () => {
    const before = '全区上下，全区人民，全省各地。我们全区';
    const ends = draftLocalEnds(before, 2);
    expect(ends).toEqual([7, 2]);
    expect(draftLocalSupport(before, ends, '人民')).toEqual({ count: 2, headCount: 1 });
    expect(draftLocalSupport(before, ends, '干部')).toEqual({ count: 2, headCount: 0 });
    expect(draftLocalEnds('\n全区', 3)).toEqual([]);
  });
});

describe('draft memory in the query', () => {
  const base: DraftEvidence = {
    contextLength: 10, occurrences: 2, headCount: 2, headChars: 4, afterPunctuation: false, midWord: true, distance: 500,
    corpusLocalCount: 0, corpusLocalHeadCount: 0,
  };

  it('trusts a long, repeated, unanimous context more than a short one-off', () => {
    expect(estimateDraftConfidence(base)).toBeGreaterThan(estimateDraftConfidence({ ...base, contextLength: 4, occurrences: 1, headCount: 1 }));
    expect(estimateDraftConfidence({ ...base, headCount: 1 })).toBeLessThan(estimateDraftConfidence(base));
  });

  it('offers a formulation the corpus never wrote once the draft has repeated it, named as coming from the draft', () => {
    const index = buildPhraseIndex(docs('坚持稳中求进工作总基调，推动高质量发展。', '坚持稳中求进工作总基调，扎实推进改革。'));
    const before = '深入实施“龙江振兴十大行动”，加快建设现代化产业体系。\n深入实施“龙江振兴十大行动”，加快建设现代化产业体系。\n同时，深入实施“龙江振兴十';
    const [first] = suggestFromIndex(index, before, { limit: 1, minConfidence: 0.305 });
    expect(first?.text.startsWith('大行动”，')).toBe(true);
    expect(first?.sources).toEqual([DRAFT_SOURCE]);
    // Switched off (the writer's setting, passed as an option), the corpus alone has nothing to say here.
    expect(findCandidates(index, before, 5, { ...DEFAULT_ENGINE_CONFIG, tuning: { ...DEFAULT_QUERY_TUNING, draftMemory: false } })).toEqual([]);
    expect(suggestFromIndex(index, before, { limit: 1, minConfidence: 0.305, draftMemory: false })).toEqual([]);
  });

  it('draftWording: how the draft itself goes on after a formulation\'s beginning, when it has repeated it', () => {
    const said = '学习二十届四中全会精神。\n贯彻二十届四中全会部署。\n对照二十届四中全会要求。\n贯彻党的';
    expect(draftWording(said, '二十', tuning)?.text).toBe('二十届四中全会');
    expect(draftWording(said, '二十', tuning)?.counts[0]).toBe(3);
    // Twice is not a habit; a beginning the draft goes on with in several ways is no wording of its own.
    expect(draftWording('学习二十届四中全会精神。\n贯彻二十届四中全会部署。\n贯彻党的', '二十', tuning)).toBeNull();
    expect(draftWording('二十届四中全会。二十大。二十条。二十年。贯彻党的', '二十', tuning)).toBeNull();
  });
});
