import { describe, expect, it } from 'vitest';
import { buildPhraseIndex } from '../../../src/phrases/build';
import { DEFAULT_ENGINE_CONFIG, DEFAULT_QUERY_TUNING } from '../../../src/phrases/config';
import { suggestFromIndex } from '../../../src/phrases/query';
import type { PhraseDocument } from '../../../src/phrases/types';

const docs = (...texts: string[]): PhraseDocument[] => texts.map((text, i) => ({ id: `d${i}`, title: `文档${i}`, pack: 'test', text }));
const texts = (index: ReturnType<typeof buildPhraseIndex>, before: string) => suggestFromIndex(index, before).map((s) => s.text);
/** Rank order only: the first suggestion is not moved to the one of best expected saving. */
const RANK_ONLY = { ...DEFAULT_ENGINE_CONFIG, tuning: { ...DEFAULT_QUERY_TUNING, pickBySaving: false } };
const ranked = (index: ReturnType<typeof buildPhraseIndex>, before: string) => suggestFromIndex(index, before, {}, RANK_ONLY);

describe('suggestFromIndex', () => {
  it('backs off to the longest context the corpus has seen', () => {
    const index = buildPhraseIndex(docs('全面贯彻落实党的二十大精神。', '认真贯彻落实党的二十大精神。', '坚决贯彻落实党的路线方针。', '坚决贯彻落实党的路线方针。'));
    // 「深入贯彻…」 is unseen; 「贯彻落实党的」 (6 characters) is the longest suffix seen in ≥ 2 documents.
    const s = ranked(index, '我们要深入贯彻落实党的');
    expect(s[0].contextLength).toBe(6);
    expect(s.map((x) => x.text).sort()).toEqual(['二十大精神。', '路线方针。']);
  });

  it('prefers the longer context over the more frequent shorter one', () => {
    const index = buildPhraseIndex(docs('坚持和加强党的全面领导。', '坚持和加强党的全面领导。', '加强党的建设。', '加强党的建设。', '要加强党的建设。'));
    expect(texts(index, '坚持和加强党的')[0]).toBe('全面领导。');
    expect(ranked(index, '进一步加强党的')[0].text).toBe('建设。');
  });

  it('never matches across documents or paragraphs', () => {
    const index = buildPhraseIndex(docs('学习贯彻', '学习贯彻', '落实到位。', '落实到位。', '加强本领\n提高水平。', '加强本领\n提高水平。'));
    expect(texts(index, '学习贯彻')).toEqual([]);
    expect(texts(index, '要加强本领')).toEqual([]);
    expect(texts(index, '上一段\n学习贯彻')).toEqual([]);
  });

  it('offers distinct alternatives ranked by documents, then occurrences', () => {
    const index = buildPhraseIndex(docs('推动经济高质量发展。', '推动经济高质量发展。', '推动经济高质量发展。', '推动经济社会发展。推动经济社会发展。', '推动经济社会发展。'));
    const s = ranked(index, '着力推动经济');
    expect(s.map((x) => x.text)).toEqual(['高质量发展。', '社会发展。']);
    expect(s[0].docCount).toBe(3);
    expect(s[1].count).toBe(3);
    expect(new Set(s.map((x) => x.text[0])).size).toBe(s.length);
    expect(s[0].sources.map((x) => x.id)).toEqual(expect.arrayContaining(['d0']));
  });

  it('extends a unanimous continuation to the sentence end, and no further', () => {
    const line = '坚定不移走中国特色社会主义政治发展道路。';
    const index = buildPhraseIndex(docs(`${line}然后`, `${line}其次`, `${line}再次`, `${line}最后`));
    expect(texts(index, '坚定不移走')).toEqual(['中国特色社会主义政治发展道路。']);
  });

  it('runs on less far when only two documents agree (weak evidence: see saving.ts)', () => {
    const index = buildPhraseIndex(docs('坚定不移走中国特色社会主义政治发展道路。然后', '坚定不移走中国特色社会主义政治发展道路。其次'));
    const [text] = texts(index, '坚定不移走');
    expect('中国特色社会主义政治发展道路。'.startsWith(text!)).toBe(true);
    expect(text!.length).toBeLessThan('中国特色社会主义政治发展道路。'.length);
  });

  it('stops extending where the continuations diverge', () => {
    const index = buildPhraseIndex(docs('提高政治站位，增强责任感。', '提高政治站位，强化担当。', '提高政治站位，压实责任。'));
    expect(texts(index, '必须提高政治')).toEqual(['站位，']);
  });

  it('keeps the text as written while matching normalised variants', () => {
    const index = buildPhraseIndex(docs('坚持稳中求进,推动发展。', '坚持稳中求进,推动发展。'));
    // The writer types a full-width comma; the corpus has a half-width one: same character for matching.
    expect(texts(index, '坚持稳中求进，推')).toEqual(['动发展。']);
    expect(texts(index, '要坚持稳中')[0]).toBe('求进,推动发展。');
  });

  it('stays silent on empty and 1-character contexts, and before any document', () => {
    const index = buildPhraseIndex(docs('推动经济高质量发展。', '推动经济高质量发展。'));
    expect(texts(index, '')).toEqual([]);
    expect(texts(index, '推')).toEqual([]);
    expect(texts(buildPhraseIndex([]), '推动经济')).toEqual([]);
  });

  it('drops suggestions below minConfidence and honours limit', () => {
    const index = buildPhraseIndex(docs('推动经济高质量发展。', '推动经济高质量发展。', '推动经济社会发展。', '推动经济社会发展。'));
    expect(suggestFromIndex(index, '推动经济', { limit: 1 })).toHaveLength(1);
    expect(suggestFromIndex(index, '推动经济', { minConfidence: 1.01 })).toEqual([]);
    const all = suggestFromIndex(index, '推动经济');
    expect(all.map((s) => s.text).sort()).toEqual(['社会发展。', '高质量发展。'].sort());
    for (const s of all) expect(s.confidence).toBeGreaterThan(0);
    const top = Math.max(...all.map((s) => s.confidence));
    expect(suggestFromIndex(index, '推动经济', { minConfidence: top }).map((s) => s.confidence)).toEqual(all.map((s) => s.confidence).filter((c) => c >= top));
  });
});

describe('a word committed in one input (pinyin IME)', () => {
  const index = buildPhraseIndex(docs(
    '要增强“四个意识”、坚定“四个自信”。',
    '必须增强“四个意识”、坚定“四个自信”。',
    '我们增强“四个意识”、坚定“四个自信”。',
    '努力增强“四个中心”功能。',
  ));

  it('also offers, with its confidence there, what the query offered inside the word, minus what the word typed', () => {
    const inside = suggestFromIndex(index, '增强“四', { limit: 5 }).find((s) => s.text.startsWith('个意识'))!;
    const atEnd = suggestFromIndex(index, '增强“四个', { limit: 5 }).find((s) => s.text.startsWith('意识'))!;
    const committed = suggestFromIndex(index, '增强“四个', { limit: 5, committedChars: 2 }).find((s) => s.text.startsWith('意识'))!;
    // The model holds 意识 less likely at the word's end (a character-by-character writer there had passed it by).
    expect(atEnd.confidence).toBeLessThan(inside.confidence);
    expect(committed.confidence).toBeCloseTo(inside.confidence, 12);
    expect(committed.text).toBe(inside.text.slice(1));
    expect(committed.chunks.join('')).toBe(committed.text);
    expect(committed.chunks[0]).toBe('意识”、');
  });

  it('changes nothing for a single character, and alternatives stay distinct', () => {
    expect(suggestFromIndex(index, '增强“四个', { committedChars: 1 })).toEqual(suggestFromIndex(index, '增强“四个'));
    const firsts = suggestFromIndex(index, '增强“四个', { committedChars: 2 }).map((s) => s.text[0]);
    expect(new Set(firsts).size).toBe(firsts.length);
  });
});
