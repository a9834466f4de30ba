import { describe, expect, it } from 'vitest';
import { cursorInsideWord, splitIntoChunks } from '../../../src/phrases/chunks';

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

describe('cursorInsideWord', () => {
  it('tells a cursor in the middle of a word from one between words', () => {
    expect(cursorInsideWord('全面建', '成小康')).toBe(true);
    expect(cursorInsideWord('中国特色社', '会主义')).toBe(true);
    expect(cursorInsideWord('全面建成', '小康社会')).toBe(false);
    expect(cursorInsideWord('增强“四个意识”、', '坚定')).toBe(false);
    expect(cursorInsideWord('', '坚定')).toBe(false);
  });
});
