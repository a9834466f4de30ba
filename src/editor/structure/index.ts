/**
 * Structure in the editor, assembled in one place: the numbered `sectionHeading` node and its numbering,
 * input rules, paste recognition, commands (template insertion, renumbering, moving sections), the
 * decorations for placeholders and run-in titles, and the slash menu. `structureExtensions()` is what
 * src/editor/extensions.ts adds to the editor.
 */
import type { Extensions } from '@tiptap/core';
import { Extension } from '@tiptap/core';
import { useTemplateLibrary } from '../../state/templates';
import { StructureCommands } from './commands';
import { StructureDecorations } from './decorations';
import { SectionInputRules } from './inputRules';
import { SectionNumbering } from './numbering';
import { SectionPaste } from './paste';
import { SectionHeading } from './sectionHeading';
import { SlashMenu } from './slashMenu';
import './structure.css';

/** Loads the templates as soon as an editor starts, so the first 「/」 has them at hand. */
const TemplatePreload = Extension.create({
  name: 'templatePreload',
  onCreate() {
    void useTemplateLibrary.getState().ensureLoaded();
  },
});

export function structureExtensions(): Extensions {
  return [SectionHeading, SectionNumbering, SectionInputRules, SectionPaste, StructureCommands, StructureDecorations, SlashMenu, TemplatePreload];
}

export { SectionHeading, sectionHeadingKeyHelp } from './sectionHeading';
export { slashMenuKeyHelp } from './slashMenu';
export { templateNodes } from './commands';
export { docTextblocks, topLevelBlocks, selectionAsTemplateBody } from './docBlocks';
export { SECTION_HEADING } from '../../document/schema';
export { insertTemplateInteractive } from './insertTemplate';
export { fixSectionNumbers } from './numbering';
