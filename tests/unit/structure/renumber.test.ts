import { describe, expect, it } from 'vitest';
import type { SectionLevel } from '../../../src/structure/levels';
import { formatSectionNumber } from '../../../src/structure/levels';
import { applyTextEdits, computeSectionNumbers, renumberEnumerations } from '../../../src/structure/renumber';
import { applyBlockMove, buildOutlineTree, planSectionDrop, planSectionMove, sectionEnd } from '../../../src/structure/sections';

type Levels = Array<SectionLevel | null>;
const numbered = (levels: Levels) => computeSectionNumbers(levels).map((n, i) => (n === null ? '·' : formatSectionNumber(levels[i]!, n)));

describe('section numbers follow document order', () => {
  const doc: Levels = [null, 1, 2, null, 2, 3, 3, 4, 4, 1, 2, 3, null, 1];

  it('numbers each level within its parent', () => {
    expect(numbered(doc)).toEqual(['·', '一、', '（一）', '·', '（二）', '1.', '2.', '（1）', '（2）', '二、', '（一）', '1.', '·', '三、']);
  });

  it('renumbers after inserting a section at each level', () => {
    expect(numbered([1, 1, 1, 1])).toEqual(['一、', '二、', '三、', '四、']);
    const inserted: Levels = [1, 2, 2, 1];
    inserted.splice(2, 0, 2); // a new （二） between （一） and the old （二）
    expect(numbered(inserted)).toEqual(['一、', '（一）', '（二）', '（三）', '二、']);
    expect(numbered([1, 2, 3, 3, 3, 4, 3])).toEqual(['一、', '（一）', '1.', '2.', '3.', '（1）', '4.']);
  });

  it('renumbers after deleting a section', () => {
    const levels: Levels = [1, 2, 2, 1, 2, 1];
    levels.splice(3, 2); // delete 二、 with its （一）
    expect(numbered(levels)).toEqual(['一、', '（一）', '（二）', '二、']);
  });

  it('renumbers after moving a section with its content', () => {
    const levels: Levels = [1, null, 2, null, 1, null, 1];
    const move = planSectionMove(levels, 4, 'up')!; // 二、 moves above 一、 with its paragraph
    expect(move).toEqual({ from: 4, to: 6, before: 0 });
    const moved = applyBlockMove(levels.map((l, i) => ({ l, i })), move);
    expect(moved.map((b) => b.i)).toEqual([4, 5, 0, 1, 2, 3, 6]);
    expect(numbered(moved.map((b) => b.l))).toEqual(['一、', '·', '二、', '·', '（一）', '·', '三、']);
  });

  it('writes numbers past ten', () => {
    const levels: Levels = Array.from({ length: 21 }, () => 1);
    expect(numbered(levels).slice(9)).toEqual(['十、', '十一、', '十二、', '十三、', '十四、', '十五、', '十六、', '十七、', '十八、', '十九、', '二十、', '二十一、']);
  });
});

describe('sections as ranges of blocks', () => {
  const levels: Levels = [null, 1, null, 2, null, 2, 1, 2];

  it('a section ends at the next heading of the same or a higher level', () => {
    expect(sectionEnd(levels, 1)).toBe(6);
    expect(sectionEnd(levels, 3)).toBe(5);
    expect(sectionEnd(levels, 7)).toBe(8);
  });

  it('moves only among siblings by keyboard', () => {
    expect(planSectionMove(levels, 1, 'up')).toBeNull();
    expect(planSectionMove(levels, 3, 'up')).toBeNull();
    expect(planSectionMove(levels, 3, 'down')).toEqual({ from: 3, to: 5, before: 6 });
    expect(planSectionMove(levels, 5, 'down')).toBeNull();
    expect(planSectionMove(levels, 1, 'down')).toEqual({ from: 1, to: 6, before: 8 });
    expect(planSectionMove(levels, 7, 'up')).toBeNull();
  });

  it('drops a section anywhere outside itself', () => {
    expect(planSectionDrop(levels, 6, 1)).toEqual({ from: 6, to: 8, before: 1 });
    expect(planSectionDrop(levels, 1, 3)).toBeNull();
    expect(planSectionDrop(levels, 3, 8)).toEqual({ from: 3, to: 5, before: 8 });
  });

  it('builds the outline tree', () => {
    const tree = buildOutlineTree([
      { block: 1, level: 1, number: '一、', title: '甲' },
      { block: 3, level: 2, number: '（一）', title: '甲一' },
      { block: 4, level: 3, number: '1.', title: '甲一1' },
      { block: 6, level: 1, number: '二、', title: '乙' },
      { block: 7, level: 3, number: '1.', title: '乙1' },
    ]);
    expect(tree.map((n) => [n.title, n.children.map((c) => [c.title, c.children.map((g) => g.title)])])).toEqual([
      ['甲', [['甲一', ['甲一1']]]],
      ['乙', [['乙1', []]]],
    ]);
  });
});

describe('renumbering enumerations inside a section', () => {
  it('makes each run count from one', () => {
    const blocks = ['一是甲。', '二是乙。', '四是丙。具体：一是子，三是子。', '四是丁。第一，某；第三，某。'].map((text) => ({ text }));
    const result = applyTextEdits(blocks, renumberEnumerations(blocks)).map((b) => b.text);
    expect(result).toEqual(['一是甲。', '二是乙。', '三是丙。具体：一是子，二是子。', '四是丁。第一，某；第二，某。']);
  });

  it('fixes the seed speech: the second 四是 becomes 五是', () => {
    const blocks = ['一是深刻领会。', '二是抓好重点。', '三是文明创建。', '四是从严治党。永葆本色。四是营造氛围。'].map((text) => ({ text }));
    const result = applyTextEdits(blocks, renumberEnumerations(blocks)).map((b) => b.text);
    expect(result.slice(2)).toEqual(['三是文明创建。', '四是从严治党。永葆本色。五是营造氛围。']);
  });

  it('touches only the given range and writes numbers past ten', () => {
    const texts = Array.from({ length: 12 }, (_, i) => `${i === 0 ? '一' : '九'}是第${i}条。`);
    const blocks = [{ text: '一是范围外。' }, ...texts.map((text) => ({ text }))];
    const edits = renumberEnumerations(blocks, 1);
    expect(edits.every((e) => e.block >= 1)).toBe(true);
    const result = applyTextEdits(blocks, edits).map((b) => b.text);
    expect(result[0]).toBe('一是范围外。');
    expect(result.slice(10)).toEqual(['十是第9条。', '十一是第10条。', '十二是第11条。']);
  });
});
