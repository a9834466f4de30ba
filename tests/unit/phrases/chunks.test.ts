import { describe, expect, it } from 'vitest';
import { balancedLength, clausePieces, cursorInsideWord, splitIntoChunks, wordLead } from '../../../src/phrases/chunks';

describe('splitIntoChunks', () => {
  it('keeps quoted terms whole and attaches pause marks to the word before', () => {
    expect(splitIntoChunks('增强“四个意识”、坚定“四个自信”')).toEqual(['增强', '“四个意识”、', '坚定', '“四个自信”']);
    expect(splitIntoChunks('《中国共产党章程》规定，')).toEqual(['《中国共产党章程》', '规定，']);
  });

  it('lets a closing quote follow the word it ends when the suggestion starts inside the quote', () => {
    expect(splitIntoChunks('意识”、坚定')).toEqual(['意识”、', '坚定']);
  });

  it('joins an unclosed opening quote to the word after it and always covers the text', () => {
    const text = '做到“两个维护，并且“';
    const chunks = splitIntoChunks(text);
    expect(chunks.join('')).toBe(text);
    expect(chunks.some((c) => c.startsWith('“两'))).toBe(true);
  });

  it('answers a text seen before the same way, and a caller changing its copy changes nothing', () => {
    const first = splitIntoChunks('推动高质量发展，');
    first.push('改动');
    expect(splitIntoChunks('推动高质量发展，')).toEqual(['推动', '高', '质量', '发展，']);
  });
});

describe('clausePieces', () => {
  it('cuts after clause marks between Chinese characters, never inside a quoted term or a figure', () => {
    expect(clausePieces('推动高质量发展，加快建设、深化改革：坚持')).toEqual(['推动高质量发展，', '加快建设、', '深化改革：', '坚持']);
    expect(clausePieces('坚持“稳中求进，以进促稳”，推动')).toEqual(['坚持“稳中求进，以进促稳”，推动']);
    expect(clausePieces('增长5.2%，达到1，200亿元')).toEqual(['增长5.2%，达到1，200亿元']);
    expect(clausePieces('发展，')).toEqual(['发展，']);
    // A quote opened after a first cut, closed or not: no cut while it is open, cuts again once it closed.
    expect(clausePieces('推动发展，坚持“稳中求进，以进促稳”总基调，推动')).toEqual(['推动发展，', '坚持“稳中求进，以进促稳”总基调，', '推动']);
    expect(clausePieces('推动发展，坚持“稳中求进，以进促稳，推动')).toEqual(['推动发展，', '坚持“稳中求进，以进促稳，推动']);
  });

  it('gives the chunks of the whole text, piece by piece', () => {
    const texts = [
      '推动高质量发展，加快建设现代化产业体系、深化重点领域改革：坚持稳中求进',
      '增强“四个意识”、坚定“四个自信”，做到“两个维护”，落实《中国共产党章程》规定，',
      '全面贯彻党的二十大和二十届历次全会精神，完整准确全面贯彻新发展理念，加快构建新发展格局',
      '着力扩大内需、优化结构、提振信心、防范化解风险，推动经济实现质的有效提升和量的合理增长',
    ];
    for (const text of texts) expect(clausePieces(text).flatMap((p) => splitIntoChunks(p))).toEqual(splitIntoChunks(text));
  });
});

describe('cursorInsideWord', () => {
  it('tells a cursor in the middle of a word from one between words', () => {
    expect(cursorInsideWord('全面建', '成小康')).toBe(true);
    expect(cursorInsideWord('中国特色社', '会主义')).toBe(true);
    expect(cursorInsideWord('全面建成', '小康社会')).toBe(false);
    expect(cursorInsideWord('增强“四个意识”、', '坚定')).toBe(false);
    expect(cursorInsideWord('', '坚定')).toBe(false);
  });
});

describe('balancedLength', () => {
  it('counts the marks the paragraph left open for each text before the cursor, whichever was asked last', () => {
    const open = '学习贯彻全国“两会';
    const closed = '学习贯彻全国两会';
    expect(balancedLength('”精神', open)).toBe(3);
    expect(balancedLength('”精神', closed)).toBe(0);
    expect(balancedLength('”精神', open)).toBe(3);
    // Only the current paragraph counts; a quote closed in the suggestion itself is balanced.
    expect(balancedLength('”精神', '“两会\n学习贯彻')).toBe(0);
    expect(balancedLength('“两会”精神》', closed)).toBe(6);
  });
});

describe('wordLead', () => {
  it('is the Chinese characters right before the cursor, at most 4, in a window of any length', () => {
    const long = '坚持以人民为中心的发展思想，'.repeat(2000);
    expect(wordLead(long + '社会主义现')).toBe('会主义现');
    expect(wordLead(long + '推动')).toBe('推动');
    expect(wordLead(long)).toBe('');
    expect(wordLead('𠀀𠀁𠀂𠀃𠀄')).toBe('𠀁𠀂𠀃𠀄');
  });
});
