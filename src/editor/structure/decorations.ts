/**
 * Decorations that make structure visible while writing: unfilled placeholders (XX, **, {{会议名称}} …)
 * are marked `.jg-placeholder`, and in a run-in heading (「（一）提高质量。正文……」) only the title
 * sentence carries the heading font, `.section-run-in-title`. Recomputed when the document changes.
 */
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { findPlaceholders } from '../../structure';
import { SECTION_HEADING } from '../../document/schema';

export const structureDecorationsKey = new PluginKey<DecorationSet>('structureDecorations');

/** Where a run-in title ends: after the first 。！？ that has more text after it. */
function runInTitleLength(text: string): number | null {
  const match = /[。！？]/.exec(text);
  return match && match.index + 1 < text.trimEnd().length ? match.index + 1 : null;
}

export function structureDecorations(doc: PMNode): DecorationSet {
  const decorations: Decoration[] = [];
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
