import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { EditorState } from '@tiptap/pm/state';
import { expect, test } from 'vitest';
import { findMatches, nextMatch, replaceAllTransaction } from '../../../src/editor/findReplace';

const schema = getSchema([StarterKit]);
const doc = schema.nodeFromJSON({
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: '请XX县委、XX县政府' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'X' }, { type: 'hardBreak' }, { type: 'text', text: 'X县' }] },
    { type: 'paragraph', content: [{ type: 'text', text: '落实到XX县。' }] },
  ],
});

test('finds every occurrence inside paragraphs, never across a break or a paragraph end', () => {
  const matches = findMatches(doc, 'XX县');
  expect(matches.map((m) => doc.textBetween(m.from, m.to))).toEqual(['XX县', 'XX县', 'XX县']);
  expect(findMatches(doc, '')).toEqual([]);
  expect(nextMatch(matches, matches[2].to)).toEqual(matches[0]);
});

test('replace all is one transaction and leaves the rest untouched', () => {
  const state = EditorState.create({ schema, doc });
  const tr = replaceAllTransaction(state, 'XX县', '云岭县')!;
  expect(tr.doc.textBetween(0, tr.doc.content.size, '\n', '⏎')).toBe('请云岭县委、云岭县政府\nX⏎X县\n落实到云岭县。');
  expect(replaceAllTransaction(state, '不存在', '')).toBeNull();
});
