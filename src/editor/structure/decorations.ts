/**
 * Decorations that make structure visible while writing: unfilled placeholders (XX, **, {{会议名称}} …)
 * are marked `.jg-placeholder`; in a run-in heading (「（一）提高质量。正文……」) only the title
 * sentence carries the heading font, `.section-run-in-title`; a salutation line (「同志们：」) is
 * `.jg-salutation` (no first-line indent) and the speaker and date lines under the title are
 * `.jg-byline` (centred, 楷体). The rules are in src/structure/paragraphRoles.ts, shared with the Word
 * export. After an edit only the textblocks it touched are decorated anew; the rest are mapped (a keystroke
 * in a 20,000-character draft must not scan every paragraph for placeholders). The paragraph roles (one pass
 * over the top-level blocks' text) are recomputed after every edit.
 */
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { findPlaceholders, paragraphRoles, runInTitleLength, type RoleBlock } from '../../structure';
import { SECTION_HEADING } from '../../document/schema';

/** Top-level plain paragraphs as the layout rules see them: the document title (a level-1 heading) left out. */
const ROLE_CLASSES = { salutation: 'jg-salutation', speaker: 'jg-byline jg-byline-speaker', date: 'jg-byline jg-byline-date' } as const;

export const paragraphRolesKey = new PluginKey<DecorationSet>('paragraphRoles');
/** Placeholders and run-in titles, inside textblocks. */
export const structureDecorationsKey = new PluginKey<DecorationSet>('structureDecorations');

function roleBlocks(doc: PMNode): { blocks: RoleBlock[]; spans: Array<{ from: number; to: number }> } {
  const blocks: RoleBlock[] = [];
  const spans: Array<{ from: number; to: number }> = [];
  doc.forEach((node, offset) => {
    const kind = node.type.name === 'paragraph' ? 'paragraph' : node.type.name === 'heading' && node.attrs.level === 1 ? 'title' : 'other';
    blocks.push({ kind, text: node.textContent });
    spans.push({ from: offset, to: offset + node.nodeSize });
  });
  return { blocks, spans };
}

/** Salutation, speaker and date lines among the top-level blocks (a leading level-1 heading is the title). */
function paragraphRoleDecorations(doc: PMNode): DecorationSet {
  const { blocks, spans } = roleBlocks(doc);
  const decorations = paragraphRoles(blocks).flatMap((role, i) => (role ? [Decoration.node(spans[i].from, spans[i].to, { class: ROLE_CLASSES[role] })] : []));
  return DecorationSet.create(doc, decorations);
}

/** Placeholders and the run-in title of one textblock at `pos`. */
function textblockDecorations(node: PMNode, pos: number): Decoration[] {
  const decorations: Decoration[] = [];
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
  return decorations;
}

function inlineDecorations(doc: PMNode): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    decorations.push(...textblockDecorations(node, pos));
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

/** All structure decorations of `doc`, computed from scratch. */
export function structureDecorations(doc: PMNode): DecorationSet {
  return DecorationSet.create(doc, [...paragraphRoleDecorations(doc).find(), ...inlineDecorations(doc).find()]);
}

/** The ranges of `tr.doc` that `tr` replaced (each step's new range mapped through the later steps). */
function changedRanges(tr: Transaction): Array<{ from: number; to: number }> {
  const ranges: Array<{ from: number; to: number }> = [];
  tr.mapping.maps.forEach((map, i) => {
    const later = tr.mapping.slice(i + 1);
    map.forEach((_oldFrom, _oldTo, from, to) => ranges.push({ from: later.map(from, -1), to: later.map(to, 1) }));
  });
  return ranges;
}

/** `set` mapped through `tr`, with the textblocks the transaction touched decorated anew. */
function updateInline(set: DecorationSet, tr: Transaction): DecorationSet {
  const { doc } = tr;
  let next = set.map(tr.mapping, doc);
  const done = new Set<number>();
  for (const range of changedRanges(tr)) {
    // One position either side: a join or split at a block boundary touches the block next to it.
    doc.nodesBetween(Math.max(0, range.from - 1), Math.min(doc.content.size, range.to + 1), (node, pos) => {
      if (!node.isTextblock) return true;
      if (done.has(pos)) return false;
      done.add(pos);
      const end = pos + node.nodeSize;
      // The block's own node decoration, and any inline one over its text (also one an edit stretched across blocks).
      const stale = next.find(pos, end).filter((d) => (d.from === pos && d.to === end) || (d.from < end - 1 && d.to > pos + 1));
      next = next.remove(stale).add(doc, textblockDecorations(node, pos));
      return false;
    });
  }
  return next;
}

/** The two plugins: the paragraph roles' node decorations, and the decorations inside textblocks. */
export function structureDecorationPlugins(): Plugin[] {
  return [
    new Plugin<DecorationSet>({
      key: paragraphRolesKey,
      state: {
        init: (_config, state) => paragraphRoleDecorations(state.doc),
        apply: (tr, set) => (tr.docChanged ? paragraphRoleDecorations(tr.doc) : set),
      },
      props: {
        decorations: (state) => paragraphRolesKey.getState(state),
      },
    }),
    new Plugin<DecorationSet>({
      key: structureDecorationsKey,
      state: {
        init: (_config, state) => inlineDecorations(state.doc),
        apply: (tr, set) => (tr.docChanged ? updateInline(set, tr) : set),
      },
      props: {
        decorations: (state) => structureDecorationsKey.getState(state),
      },
    }),
  ];
}

export const StructureDecorations = Extension.create({
  name: 'structureDecorations',
  addProseMirrorPlugins: () => structureDecorationPlugins(),
});
