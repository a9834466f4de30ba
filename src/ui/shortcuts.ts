/**
 * Every keyboard shortcut of the app, grouped as the 「快捷键」 help shows them. Nothing is written out
 * here: each group is the description table exported next to the keymap or key handler it describes
 * (the phrase suggestion's is derived from its keymap data), so the help follows the real bindings.
 */
import type { KeyHelp } from '../editor/keys';
import { sectionHeadingKeyHelp, slashMenuKeyHelp } from '../editor/structure';
import { suggestionKeyHelp } from '../editor/suggestion/keymap';
import { draftListKeyHelp } from './DraftList';
import { findReplaceKeyHelp } from './FindReplaceBar';
import { SIDE_PANEL_KEYS } from './layout';
import { outlineKeyHelp } from './structure/OutlinePanel';
import { editingKeyHelp } from './Toolbar';

export interface ShortcutGroup {
  title: string;
  entries: readonly KeyHelp[];
}

/** Opens the help from anywhere in the page (the window's key handler in ShortcutsDialog.tsx). */
export const SHORTCUTS_HELP_KEYS: KeyHelp = { keys: ['F1', 'Mod-/'], action: '打开本快捷键说明' };

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  { title: '提法提示', entries: suggestionKeyHelp },
  { title: '结构与模板', entries: [...slashMenuKeyHelp, ...sectionHeadingKeyHelp] },
  { title: '编辑', entries: editingKeyHelp },
  { title: '查找替换', entries: findReplaceKeyHelp },
  { title: '大纲面板', entries: outlineKeyHelp },
  { title: '稿件与帮助', entries: [...draftListKeyHelp, SIDE_PANEL_KEYS, SHORTCUTS_HELP_KEYS] },
];
