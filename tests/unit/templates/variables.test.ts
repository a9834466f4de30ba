import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES } from '../../../src/templates/builtins';
import { filterByQuery } from '../../../src/templates/search';
import { fillVariables, parseVariables, templatePreview } from '../../../src/templates/variables';
import { parseStructuredText } from '../../../src/structure/text';

describe('template variables', () => {
  it('lists distinct names in order of first appearance', () => {
    expect(parseVariables('在{{会议名称}}上，{{ 单位 }}要贯彻{{会议名称}}精神，{{}}不算')).toEqual(['会议名称', '单位']);
  });

  it('fills the given values and leaves empty ones as visible placeholders', () => {
    expect(fillVariables('在{{会议名称}}上，{{单位}}要落实。', { 会议名称: '全县经济工作会议', 单位: '  ' })).toBe('在全县经济工作会议上，{{单位}}要落实。');
    expect(fillVariables('{{甲}}', { 甲: '第一行\n第二行' })).toBe('第一行 第二行');
  });
});

describe('built-in templates', () => {
  it('have unique ids and parse into headings of the right levels', () => {
    expect(new Set(BUILTIN_TEMPLATES.map((t) => t.id)).size).toBe(BUILTIN_TEMPLATES.length);
    const levels = BUILTIN_TEMPLATES.find((t) => t.id === 'builtin-scaffold-levels')!;
    expect(parseStructuredText(levels.body).map((l) => (l.kind === 'section' ? l.level : 0))).toEqual([1, 2, 3, 4]);
  });

  it('are found by pinyin initials: /tzm finds the 同志们 openings first', () => {
    const found = filterByQuery(BUILTIN_TEMPLATES, 'tzm', (t) => t.name, (t) => t.body);
    expect(found[0].name.startsWith('同志们')).toBe(true);
    expect(found.every((t) => t.name.includes('同志们'))).toBe(true);
  });

  it('are found by characters, full pinyin and body words', () => {
    expect(filterByQuery(BUILTIN_TEMPLATES, '四级', (t) => t.name)[0].id).toBe('builtin-scaffold-levels');
    expect(filterByQuery(BUILTIN_TEMPLATES, 'xiexie', (t) => t.name)[0].id).toBe('builtin-closing-thanks');
    expect(filterByQuery(BUILTIN_TEMPLATES, '批评指正', (t) => t.name, (t) => t.body).map((t) => t.id)).toContain('builtin-speech-seminar');
    expect(filterByQuery(BUILTIN_TEMPLATES, 'zzzq', (t) => t.name)).toEqual([]);
  });
});

describe('template card preview', () => {
  it('joins the first lines with a space and gives variables by name, without {{…}} or ⏎', () => {
    const parts = templatePreview('在{{会议名称}}上的讲话\n\n同志们：\n第三行不显示', 2);
    expect(parts).toEqual([
      { text: '在', variable: false }, { text: '会议名称', variable: true }, { text: '上的讲话 同志们：', variable: false },
    ]);
  });

  it('no built-in card preview shows raw markup', () => {
    for (const t of BUILTIN_TEMPLATES) {
      const text = templatePreview(t.body, 2).map((p) => p.text).join('');
      expect(text, t.id).not.toMatch(/\{\{|\}\}|⏎|\n/);
    }
  });
});
