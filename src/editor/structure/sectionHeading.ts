/**
 * The `sectionHeading` node: a numbered section title of level 1–4 (一、 / （一） / 1. / （1）). Its number
 * is not typed: the numbering plugin computes it from document order into the `number` attribute, which is
 * saved with the draft, drawn before the title (not editable), written into copied HTML and into plain
 * text (`renderText`), so exports keep it. Keys: Backspace at the start turns it back into a paragraph,
 * Tab / Shift-Tab at the start demote / promote it, Mod-Shift-1…4 set a level, Mod-Shift-0 a paragraph.
 */
import { mergeAttributes, Node } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { isSectionLevel, type SectionLevel } from '../../structure';
import type { KeyHelp } from '../keys';
import { SECTION_HEADING } from '../../document/schema';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    sectionHeading: {
      /** Turns the current textblock into a section heading of `level`. */
      setSectionHeading: (level: SectionLevel) => ReturnType;
      /** Turns the current section heading back into a paragraph, keeping its text. */
      unsetSectionHeading: () => ReturnType;
      /** Moves the current heading one level deeper (+1) or higher (-1). */
      shiftSectionLevel: (delta: 1 | -1) => ReturnType;
    };
  }
}

const clampLevel = (value: unknown): SectionLevel => {
  const n = Number(value);
  return isSectionLevel(n) ? n : 1;
};

/** The keys of `addKeyboardShortcuts` below, in the 快捷键 help (Enter at a title's start is left out: it just opens a line). */
export const sectionHeadingKeyHelp: readonly KeyHelp[] = [
  { keys: ['Mod-Shift-1', 'Mod-Shift-2', 'Mod-Shift-3', 'Mod-Shift-4'], action: '设为一至四级编号标题（依次为「一、」「（一）」「1.」「（1）」）' },
  { keys: ['Mod-Shift-0'], action: '编号标题改回正文' },
  { keys: ['Tab', 'Shift-Tab'], action: '在编号标题开头：降一级 / 升一级' },
  { keys: ['Backspace'], action: '在编号标题开头：改回正文' },
];

export const SectionHeading = Node.create({
  name: SECTION_HEADING,
  group: 'block',
  content: 'inline*',
  defining: true,

  addAttributes() {
    return {
      level: {
        default: 1,
        parseHTML: (el) => clampLevel(el.getAttribute('data-section-level')),
        renderHTML: (attrs) => ({ 'data-section-level': attrs.level }),
      },
      number: {
        default: '',
        parseHTML: (el) => el.getAttribute('data-section-number') ?? '',
        renderHTML: (attrs) => ({ 'data-section-number': attrs.number }),
      },
    };
  },

  parseHTML() {
    return [{
      tag: 'p[data-section-level]',
      priority: 60,
      contentElement: (dom: HTMLElement) => dom.querySelector<HTMLElement>('.section-title') ?? dom,
    }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const level = clampLevel(node.attrs.level);
    return [
      'p',
      mergeAttributes(HTMLAttributes, { class: `section-heading section-level-${level}`, role: 'heading', 'aria-level': String(level + 1) }),
      ['span', { class: 'section-number', contenteditable: 'false' }, String(node.attrs.number ?? '')],
      ['span', { class: 'section-title' }, 0],
    ];
  },

  renderText({ node }) {
    return `${node.attrs.number ?? ''}${node.textContent}`;
  },

  addCommands() {
    return {
      setSectionHeading: (level) => ({ commands }) => commands.setNode(this.name, { level }),
      unsetSectionHeading: () => ({ commands }) => commands.setNode('paragraph'),
      shiftSectionLevel: (delta) => ({ state, dispatch }) => {
        const { $from } = state.selection;
        if ($from.parent.type.name !== this.name) return false;
        const level = clampLevel($from.parent.attrs.level) + delta;
        if (!isSectionLevel(level)) return false;
        dispatch?.(state.tr.setNodeAttribute($from.before(), 'level', level));
        return true;
      },
    };
  },

  addKeyboardShortcuts() {
    const atHeadingStart = () => {
      const { selection } = this.editor.state;
      return selection.empty && selection.$from.parent.type.name === this.name && selection.$from.parentOffset === 0;
    };
    const inEmptyHeading = () => {
      const { $from, empty } = this.editor.state.selection;
      return empty && $from.parent.type.name === this.name && $from.parent.content.size === 0;
    };
    return {
      Backspace: () => atHeadingStart() && this.editor.commands.unsetSectionHeading(),
      Enter: () => {
        if (inEmptyHeading()) return this.editor.commands.unsetSectionHeading();
        if (!atHeadingStart()) return false;
        // Enter at the start of a title opens a paragraph above it rather than an empty numbered heading.
        const { state, view } = this.editor;
        const before = state.selection.$from.before();
        const tr = state.tr.insert(before, state.schema.nodes.paragraph.create());
        view.dispatch(tr.setSelection(TextSelection.create(tr.doc, before + 1)).scrollIntoView());
        return true;
      },
      Tab: () => atHeadingStart() && this.editor.commands.shiftSectionLevel(1),
      'Shift-Tab': () => atHeadingStart() && this.editor.commands.shiftSectionLevel(-1),
      'Mod-Shift-1': () => this.editor.commands.setSectionHeading(1),
      'Mod-Shift-2': () => this.editor.commands.setSectionHeading(2),
      'Mod-Shift-3': () => this.editor.commands.setSectionHeading(3),
      'Mod-Shift-4': () => this.editor.commands.setSectionHeading(4),
      'Mod-Shift-0': () => this.editor.isActive(this.name) && this.editor.commands.unsetSectionHeading(),
    };
  },
});
