/**
 * What the slash menu offers: the structure commands (headings of each level, renumbering) and every
 * visible template, filtered by the typed query through characters and pinyin (src/templates/search.ts).
 */
import type { Editor, Range } from '@tiptap/core';
import { SECTION_LEVEL_NAMES, formatSectionNumber, type SectionLevel } from '../../structure';
import { useTemplateLibrary } from '../../state/templates';
import { filterByQuery, visibleTemplates, type TemplateRecord } from '../../templates';

/** Most entries the menu lists at once; the filter narrows the rest. */
export const SLASH_MENU_MAX_ITEMS = 40;

export type SlashItem =
  | { kind: 'template'; id: string; name: string; detail: string; template: TemplateRecord }
  | { kind: 'command'; id: string; name: string; detail: string; run: (editor: Editor, range: Range) => void };

const headingCommand = (level: SectionLevel): SlashItem => ({
  kind: 'command',
  id: `heading-${level}`,
  name: `${SECTION_LEVEL_NAMES[level]} ${formatSectionNumber(level, 1)}`,
  detail: '编号',
  run: (editor, range) => editor.chain().focus().deleteRange(range).setSectionHeading(level).run(),
});

export const SLASH_COMMANDS: readonly SlashItem[] = [
  ...([1, 2, 3, 4] as const).map(headingCommand),
  {
    kind: 'command',
    id: 'renumber',
    name: '重新编号本节的一是、第一',
    detail: '编号',
    run: (editor, range) => editor.chain().focus().deleteRange(range).renumberEnumerations().run(),
  },
  {
    kind: 'command',
    id: 'convert-numbered',
    name: '手写编号段落转为标题',
    detail: '编号',
    run: (editor, range) => editor.chain().focus().deleteRange(range).convertNumberedParagraphs().run(),
  },
];

/** The menu's entries for `query`, best first: templates by name (and body words), then commands. */
export async function slashItems(query: string): Promise<SlashItem[]> {
  await useTemplateLibrary.getState().ensureLoaded();
  const library = useTemplateLibrary.getState();
  const templates: SlashItem[] = visibleTemplates(library.templates).map((template) => ({
    kind: 'template',
    id: template.id,
    name: template.name,
    detail: template.category,
    template,
  }));
  const all = query ? [...templates, ...SLASH_COMMANDS] : [...SLASH_COMMANDS.slice(0, 4), ...templates, ...SLASH_COMMANDS.slice(4)];
  return filterByQuery(all, query, (item) => item.name, (item) => (item.kind === 'template' ? item.template.body : '')).slice(0, SLASH_MENU_MAX_ITEMS);
}
