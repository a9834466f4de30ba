/**
 * Decorations that make structure visible while writing: unfilled placeholders (XX, **, {{会议名称}} …)
 * are marked `.jg-placeholder`; in a run-in heading (「（一）提高质量。正文……」) only the title
 * sentence carries the heading font, `.section-run-in-title`; a salutation line (「同志们：」) is
 * `.jg-salutation` (no first-line indent) and the speaker and date lines under the title are
 * `.jg-byline` (centred, 楷体). The rules are in src/structure/paragraphRoles.ts, shared with the Word
 * export. Recomputed when the document changes.
 */
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { findPlaceholders, paragraphRoles, runInTitleLength, type RoleBlock } from '../../structure';
import { SECTION_HEADING } from '../../document/schema';

export const structureDecorationsKey = new PluginKey<DecorationSet>('structureDecorations');

/** Top-level plain paragraphs as the layout rules see them: the document title (a level-1 heading) left out. */
const ROLE_CLASSES = { salutation: 'jg-salutation', speaker: 'jg-byline jg-byline-speaker', date: 'jg-byline jg-byline-date' } as const;

/** Salutation, speaker and date lines among the top-level blocks (a leading level-1 heading is the title). */
function paragraphRoleDecorations(doc: PMNode): Decoration[] {
  const blocks: RoleBlock[] = [];
  const spans: Array<{ from: number; to: number }> = [];
  doc.forEach((node, offset) => {
    const kind = node.type.name === 'paragraph' ? 'paragraph' : node.type.name === 'heading' && node.attrs.level === 1 ? 'title' : 'other';
    blocks.push({ kind, text: node.textContent });
    spans.push({ from: offset, to: offset + node.nodeSize });
  });
  return paragraphRoles(blocks).flatMap((role, i) => (role ? [Decoration.node(spans[i].from, spans[i].to, { class: ROLE_CLASSES[role] })] : []));
}

export function structureDecorations(doc: PMNode): DecorationSet {
  const decorations = paragraphRoleDecorations(doc);
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const text = node.textContent;
    for (const placeholder of findPlaceholders(text)) {
      decorations.push(Decoration.inline(pos + 1 + placeholder.from, pos + 1 + placeholder.to, { class: 'jg-placeholder', title: '未填写的占位符' }));
    }
    if (node.type.name === SECTION_HEADING) {
      const titleLength = runInTitleLength(text);
      if (titleLength !== null) {
        decorations.push(Decoration.node(pos, pos + node.nodeSize, { class: 'section-run-in' }));
        decorations.push(Decoration.inline(pos + 1, pos + 1 + titleLength, { class: 'section-run-in-title' }));
      }
    }
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

export const StructureDecorations = Extension.create({
  name: 'structureDecorations',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: structureDecorationsKey,
        state: {
          init: (_config, state) => structureDecorations(state.doc),
          apply: (tr, set) => (tr.docChanged ? structureDecorations(tr.doc) : set),
        },
        props: {
          decorations: (state) => structureDecorationsKey.getState(state),
        },
      }),
    ];
  },
});
