import { describe, expect, it } from 'vitest';
import { findEnumerationMarkers } from '../../../src/structure/enumerations';
import { formatSectionNumber, recognizeSectionMarker } from '../../../src/structure/levels';
import { parseStructuredText } from '../../../src/structure/text';

describe('section markers at the start of a paragraph', () => {
  it('writes the four GB/T 9704 levels', () => {
    expect([1, 2, 3, 4].map((level) => formatSectionNumber(level as 1 | 2 | 3 | 4, 12))).toEqual(['十二、', '（十二）', '12.', '（12）']);
  });

  it.each([
    ['一、深入学习', 1, 1, 2],
    ['十一、其他', 1, 11, 3],
    ['（一）提高质量', 2, 1, 3],
    ['(二十一)半角括号', 2, 21, 5],
    ['1.坚持', 3, 1, 2],
    ['12．全角点', 3, 12, 3],
    ['３、全角数字', 3, 3, 2],
    ['（1）细项', 4, 1, 3],
    ['(10) 半角', 4, 10, 5],
    ['　　二、缩进', 1, 2, 4],
  ])('recognises %s', (text, level, value, length) => {
    expect(recognizeSectionMarker(text)).toEqual({ level, value, length });
  });

  it.each(['一、二、三产发展', '1.5亿元', '2、3个月', '一是加强', '第一，', '（一期）工程', '2024年', '十一五规划'])('does not take %s for a heading', (text) => {
    expect(recognizeSectionMarker(text)).toBeNull();
  });
});

describe('enumerations in running text', () => {
  it('finds 一是/二是 at paragraph start and after punctuation, not inside words', () => {
    const markers = findEnumerationMarkers('一是抓学习。统一是前提，二是抓落实；唯一要求。三要素齐全，三要坚持');
    expect(markers.map((m) => [m.kind, m.value, m.atStart])).toEqual([
      ['shi', 1, true],
      ['shi', 2, false],
      ['yao', 3, false],
    ]);
  });

  it('finds 第一，/第二、 and bracketed points inside a paragraph', () => {
    const markers = findEnumerationMarkers('第一，要讲政治。第二、要顾大局，第一时间报告；包括：（一）甲；（2）乙，新建污水处理厂（一期）');
    expect(markers.map((m) => [m.kind, m.value])).toEqual([
      ['di', 1],
      ['di', 2],
      ['paren-cn', 1],
      ['paren-num', 2],
    ]);
  });

  it('gives the offsets of the number for renumbering', () => {
    const [marker] = findEnumerationMarkers('要求：第十二，做好');
    expect(marker).toMatchObject({ from: 3, to: 6, numberFrom: 4, numberTo: 6 });
  });
});

describe('pasted text', () => {
  it('turns numbered paragraphs into headings of their level and keeps the rest as paragraphs', () => {
    const pasted = '同志们：\n\n一、提高认识\n（一）深刻领会。一是学深。\n1.具体要求\n（1）细则\n一是抓好落实。\n第一，要讲政治。\n1.5亿元已到位。';
    expect(parseStructuredText(pasted)).toEqual([
      { kind: 'paragraph', text: '同志们：' },
      { kind: 'section', level: 1, text: '提高认识' },
      { kind: 'section', level: 2, text: '深刻领会。一是学深。' },
      { kind: 'section', level: 3, text: '具体要求' },
      { kind: 'section', level: 4, text: '细则' },
      { kind: 'paragraph', text: '一是抓好落实。' },
      { kind: 'paragraph', text: '第一，要讲政治。' },
      { kind: 'paragraph', text: '1.5亿元已到位。' },
    ]);
  });
});
