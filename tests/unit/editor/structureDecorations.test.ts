import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state';
import type { DecorationSet } from '@tiptap/pm/view';
import { expect, test } from 'vitest';
import { paragraphRolesKey, structureDecorationPlugins, structureDecorations, structureDecorationsKey } from '../../../src/editor/structure/decorations';
import { SectionHeading } from '../../../src/editor/structure/sectionHeading';

const schema = getSchema([StarterKit, SectionHeading]);

function paragraph(text: string) {
  return text ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' };
}

const start = schema.nodeFromJSON({
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: '在全县大会上的讲话' }] },
    paragraph('张三'),
    paragraph('（2026年X月X日）'),
    paragraph('同志们：'),
    { type: 'sectionHeading', attrs: { level: 1, number: '一、' }, content: [{ type: 'text', text: '提高站位。要在XX方面下功夫。' }] },
    paragraph('请{{会议名称}}的同志XX县委落实。'),
    paragraph('要抓好落实。'),
  ],
});

/** Each decoration as from–to and its class, sorted: what the view draws. */
function described(set: DecorationSet | null | undefined): string[] {
  return (set?.find() ?? []).map((d) => `${d.from}-${d.to} ${(d as unknown as { type: { attrs: { class: string } } }).type.attrs.class}`).sort();
}

function drawn(state: EditorState): string[] {
  return [...described(paragraphRolesKey.getState(state)), ...described(structureDecorationsKey.getState(state))].sort();
}

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
}

const PIECES = ['XX', '*', '同志们：', '。', '要', '{{会议', '名称}}', '×', '（2026年1月5日）', '提高'];

test.each([7, 11, 23])('after each edit the mapped and partly recomputed decorations equal those computed from scratch (seed %i)', (seed) => {
  let state = EditorState.create({ schema, doc: start, plugins: structureDecorationPlugins() });
  expect(drawn(state)).toEqual(described(structureDecorations(state.doc)));
  expect(drawn(state).some((d) => d.endsWith('jg-placeholder'))).toBe(true);
  expect(drawn(state).some((d) => d.endsWith('section-run-in-title'))).toBe(true);
  expect(drawn(state).some((d) => d.endsWith('jg-salutation'))).toBe(true);
  const next = random(seed);
  for (let i = 0; i < 300; i++) {
    const size = state.doc.content.size;
    const at = 1 + Math.floor(next() * (size - 1));
    const $at = state.doc.resolve(at);
    let tr: Transaction = state.tr;
    const kind = next();
    if (!$at.parent.isTextblock) continue;
    if (kind < 0.5) tr = tr.insertText(PIECES[Math.floor(next() * PIECES.length)], at);
    else if (kind < 0.75) tr = tr.delete(at, Math.min($at.end(), at + 1 + Math.floor(next() * 3)));
    else if (kind < 0.85) tr = tr.split(at);
    else if (kind < 0.95 && $at.index($at.depth - 1) > 0) tr = tr.setSelection(TextSelection.create(tr.doc, $at.start())).join($at.before());
    else tr = tr.delete($at.start(), $at.end());
    if (!tr.docChanged) continue;
    state = state.apply(tr);
    expect(drawn(state), `edit ${i}`).toEqual(described(structureDecorations(state.doc)));
  }
});
