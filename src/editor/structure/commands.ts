/**
 * Editor commands for structure, each one transaction (so one 撤销 step):
 * - `insertTemplate(body, range?)` inserts a template body (headings from numbered lines) and selects its
 *   first unfilled `{{…}}`;
 * - `renumberEnumerations(pos?)` rewrites 一是/一要/第一/（一） runs in the section around `pos`;
 * - `moveSection(block, 'up' | 'down')` and `moveSectionTo(block, target)` move a section with its content;
 * - `convertNumberedParagraphs()` turns paragraphs that open with a typed 一、（一）1.（1） into headings.
 */
import { Extension } from '@tiptap/core';
import { Fragment, type Node as PMNode, type Schema } from '@tiptap/pm/model';
import { closeHistory } from '@tiptap/pm/history';
import { TextSelection, type Transaction } from '@tiptap/pm/state';
import { findPlaceholders, parseStructuredText, planSectionDrop, planSectionMove, renumberEnumerations, type BlockMove } from '../../structure';
import { SECTION_HEADING } from '../../document/schema';
import { docTextblocks, topLevelBlocks } from './docBlocks';
import { paragraphAsHeading } from './paste';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    structure: {
      insertTemplate: (body: string, range?: Range) => ReturnType;
      renumberEnumerations: (pos?: number) => ReturnType;
      moveSection: (block: number, direction: 'up' | 'down') => ReturnType;
      moveSectionTo: (block: number, target: number) => ReturnType;
      convertNumberedParagraphs: () => ReturnType;
    };
  }
}

/** The nodes of a template body: numbered lines become headings, the rest paragraphs. */
export function templateNodes(schema: Schema, body: string): PMNode[] {
  return parseStructuredText(body).map((line) => {
    const content = line.text ? schema.text(line.text) : undefined;
    return line.kind === 'section'
      ? schema.nodes[SECTION_HEADING].create({ level: line.level }, content)
      : schema.nodes.paragraph.create(null, content);
  });
}

/** Selects the first placeholder between `from` and `to`, or puts the cursor at `to`. */
function selectFirstPlaceholder(tr: Transaction, from: number, to: number): void {
  let target: { from: number; to: number } | null = null;
  tr.doc.nodesBetween(from, to, (node, pos) => {
    if (target || !node.isTextblock) return !target;
    const found = findPlaceholders(node.textContent).find((p) => p.text.startsWith('{{'));
    if (found) target = { from: pos + 1 + found.from, to: pos + 1 + found.to };
    return false;
  });
  const t = target as { from: number; to: number } | null;
  tr.setSelection(t ? TextSelection.create(tr.doc, t.from, t.to) : TextSelection.near(tr.doc.resolve(Math.min(to, tr.doc.content.size)), -1));
}

function applyMove(tr: Transaction, move: BlockMove): number {
  const { starts, end } = topLevelBlocks(tr.doc);
  const at = (index: number) => (index < starts.length ? starts[index] : end);
  const from = at(move.from);
  const to = at(move.to);
  const slice = tr.doc.slice(from, to);
  const insertAt = at(move.before);
  tr.delete(from, to);
  const mapped = tr.mapping.map(insertAt, insertAt > from ? 1 : -1);
  tr.insert(mapped, slice.content);
  return mapped;
}

/** Applies a planned section move (if any) and puts the caret at the moved section's start. */
function moveAndSelect(tr: Transaction, move: BlockMove | null, dispatch: boolean): boolean {
  if (!move) return false;
  if (dispatch) {
    const at = applyMove(tr, move);
    tr.setSelection(TextSelection.near(tr.doc.resolve(at + 1))).scrollIntoView();
  }
  return true;
}

export const StructureCommands = Extension.create({
  name: 'structureCommands',
  addCommands() {
    return {
      insertTemplate: (body, range) => ({ state, tr, dispatch }) => {
        const nodes = templateNodes(state.schema, body);
        if (!nodes.length) return false;
        if (!dispatch) return true;
        // Its own undo step, never merged with the typing just before it.
        closeHistory(tr);
        const from = range?.from ?? tr.selection.from;
        const to = range?.to ?? tr.selection.to;
        const $from = tr.doc.resolve(from);
        const single = nodes.length === 1 && nodes[0].type.name === 'paragraph';
        const wholeBlock = $from.parent.isTextblock && from === $from.start() && to === $from.end();
        let start: number;
        let end: number;
        if (single && !(wholeBlock && $from.parent.type.name !== 'paragraph')) {
          tr.replaceWith(from, to, nodes[0].content);
          start = from;
          end = from + nodes[0].content.size;
        } else if (wholeBlock) {
          start = $from.before();
          tr.replaceWith(start, $from.after(), Fragment.from(nodes));
          end = start + Fragment.from(nodes).size;
        } else {
          start = from;
          tr.replaceWith(from, to, Fragment.from(nodes));
          end = tr.mapping.map(to);
        }
        selectFirstPlaceholder(tr, start, end);
        tr.scrollIntoView();
        return true;
      },

      renumberEnumerations: (pos) => ({ tr, dispatch }) => {
        const at = pos ?? tr.selection.from;
        const { blocks, starts } = docTextblocks(tr.doc);
        let current = starts.findLastIndex((start) => start <= at);
        if (current < 0) current = 0;
        let from = current;
        while (from > 0 && !blocks[from].section) from--;
        let to = current + 1;
        while (to < blocks.length && !blocks[to].section) to++;
        const edits = renumberEnumerations(blocks, from, to);
        if (!edits.length) return false;
        if (dispatch) for (const edit of [...edits].reverse()) tr.insertText(edit.text, starts[edit.block] + edit.from, starts[edit.block] + edit.to);
        return true;
      },

      moveSection: (block, direction) => ({ tr, dispatch }) =>
        moveAndSelect(tr, planSectionMove(topLevelBlocks(tr.doc).levels, block, direction), !!dispatch),

      moveSectionTo: (block, target) => ({ tr, dispatch }) =>
        moveAndSelect(tr, planSectionDrop(topLevelBlocks(tr.doc).levels, block, target), !!dispatch),

      convertNumberedParagraphs: () => ({ state, tr, dispatch }) => {
        const changes: Array<{ pos: number; node: PMNode; heading: PMNode }> = [];
        tr.doc.descendants((node, pos) => {
          if (!node.isTextblock) return true;
          const heading = paragraphAsHeading(node, state.schema);
          if (heading) changes.push({ pos, node, heading });
          return false;
        });
        if (!changes.length) return false;
        if (dispatch) for (const { pos, node, heading } of changes.reverse()) tr.replaceWith(pos, pos + node.nodeSize, heading);
        return true;
      },
    };
  },
});
