/**
 * Typing a section number at the start of a paragraph makes it a heading of that level: 「二、」 → level 1,
 * 「（二）」 → level 2, 「2.」 → level 3, 「（2）」 → level 4 (half- or full-width). The typed number is
 * removed; the heading shows its computed number. Backspace right after undoes the conversion
 * (TipTap's undoInputRule), so 「1.5亿元」 can still be typed.
 */
import { Extension, InputRule } from '@tiptap/core';
import { CHINESE_NUMERAL_CHARS, parseChineseNumeral, type SectionLevel } from '../../structure';
import { SECTION_HEADING } from '../../document/schema';

const CN = `[${CHINESE_NUMERAL_CHARS}]{1,3}`;

const RULES: ReadonlyArray<{ level: SectionLevel; find: RegExp; chinese: boolean }> = [
  { level: 1, find: new RegExp(`^(${CN})、$`), chinese: true },
  { level: 2, find: new RegExp(`^[（(](${CN})[）)]$`), chinese: true },
  { level: 3, find: /^([0-9０-９]{1,2})[.．]$/, chinese: false },
  { level: 4, find: /^[（(]([0-9０-９]{1,2})[）)]$/, chinese: false },
];

export const SectionInputRules = Extension.create({
  name: 'sectionInputRules',
  addInputRules() {
    return RULES.map(({ level, find, chinese }) => new InputRule({
      find,
      handler: ({ state, range, match }) => {
        if (chinese && parseChineseNumeral(match[1]) === null) return null;
        const $from = state.doc.resolve(range.from);
        const parent = $from.parent;
        if (parent.type.name !== 'paragraph' && parent.type.name !== SECTION_HEADING) return null;
        const type = state.schema.nodes[SECTION_HEADING];
        state.tr.delete(range.from, range.to).setBlockType(range.from, range.from, type, { level });
      },
    }));
  },
});
