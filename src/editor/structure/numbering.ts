/**
 * Keeps every section heading's `number` attribute equal to its place in the document. After any change
 * to the document it recomputes the numbers (src/structure/renumber.ts) and appends one transaction that
 * fixes those that differ; history folds that into the writer's step, so undo never shows a stale number.
 * A document opened with stale numbers (older data, a paste) is fixed once when the view starts.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { computeSectionNumbers, formatSectionNumber, isSectionLevel, type SectionLevel } from '../../structure';
import { SECTION_HEADING } from '../../document/schema';

export const sectionNumberingKey = new PluginKey('sectionNumbering');

/** The transaction that brings every heading's number up to date, or null when all are right. */
export function fixSectionNumbers(state: EditorState): Transaction | null {
  const headings: Array<{ pos: number; level: SectionLevel; number: string }> = [];
  state.doc.descendants((node, pos) => {
    if (node.type.name === SECTION_HEADING) {
      const level = isSectionLevel(node.attrs.level) ? node.attrs.level : 1;
      headings.push({ pos, level, number: String(node.attrs.number ?? '') });
    }
    return node.isBlock && !node.isTextblock;
  });
  if (!headings.length) return null;
  const values = computeSectionNumbers(headings.map((h) => h.level));
  let tr: Transaction | null = null;
  headings.forEach((heading, i) => {
    const number = formatSectionNumber(heading.level, values[i]!);
    if (number !== heading.number) tr = (tr ?? state.tr).setNodeAttribute(heading.pos, 'number', number);
  });
  return tr;
}

export const SectionNumbering = Extension.create({
  name: 'sectionNumbering',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: sectionNumberingKey,
        appendTransaction(transactions, _old, state) {
          if (!transactions.some((tr) => tr.docChanged)) return null;
          return fixSectionNumbers(state);
        },
        view(view) {
          queueMicrotask(() => {
            if (view.isDestroyed) return;
            const tr = fixSectionNumbers(view.state);
            if (tr) view.dispatch(tr.setMeta('addToHistory', false));
          });
          return {};
        },
      }),
    ];
  },
});
