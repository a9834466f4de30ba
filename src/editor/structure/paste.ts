/**
 * Pasted text whose paragraphs start with section numbers (一、（一）1.（1）) comes in as section headings
 * of those levels; everything else pastes as usual. The whole paste stays one step, so 撤销 undoes it.
 */
import { Extension } from '@tiptap/core';
import type { Node as PMNode, Schema } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import { recognizeSectionMarker } from '../../structure';
import { SECTION_HEADING } from '../../document/schema';

export const sectionPasteKey = new PluginKey('sectionPaste');

/** The paragraph as a heading if its text opens with a section number; otherwise null. */
export function paragraphAsHeading(node: PMNode, schema: Schema): PMNode | null {
  if (node.type.name !== 'paragraph') return null;
  const marker = recognizeSectionMarker(node.textContent);
  if (!marker || node.textContent.length === marker.length && marker.level === 3) return null;
  const firstChild = node.firstChild;
  if (!firstChild?.isText || (firstChild.text ?? '').length < marker.length) return null;
  const content = node.content.cut(marker.length);
  return schema.nodes[SECTION_HEADING].create({ level: marker.level }, content);
}

export const SectionPaste = Extension.create({
  name: 'sectionPaste',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: sectionPasteKey,
        props: {
          handlePaste: (view, _event, slice) => {
            const blocks: PMNode[] = [];
            let converted = 0;
            let onlyBlocks = true;
            slice.content.forEach((node) => {
              if (!node.isBlock) onlyBlocks = false;
              const heading = paragraphAsHeading(node, view.state.schema);
              if (heading) converted++;
              blocks.push(heading ?? node);
            });
            if (!converted || !onlyBlocks) return false;
            const { $from, $to } = view.state.selection;
            const tr = view.state.tr;
            const emptyTextblock = $from.sameParent($to) && $from.parent.isTextblock && $from.parent.content.size === 0;
            const start = emptyTextblock ? $from.before() : $from.pos;
            tr.replaceWith(start, emptyTextblock ? $from.after() : $to.pos, blocks);
            // The cursor goes to the end of what was pasted, as with an ordinary paste.
            const end = tr.mapping.map(emptyTextblock ? $from.after() : $to.pos, 1);
            tr.setSelection(TextSelection.near(tr.doc.resolve(Math.min(end, tr.doc.content.size)), -1));
            view.dispatch(tr.scrollIntoView().setMeta('paste', true).setMeta('uiEvent', 'paste'));
            return true;
          },
        },
      }),
    ];
  },
});
