/**
 * The slash menu: typing 「/」 (or the 「／」「、」 a Chinese input method gives for that key) at the start of
 * an empty paragraph opens a filterable menu of templates and structure commands, built on
 * @tiptap/suggestion. ↑/↓ move, Enter inserts, Esc closes. Choosing a template with variables asks for
 * them first; the insertion replaces the typed 「/查询」 in one step.
 */
import { Extension } from '@tiptap/core';
import { PluginKey } from '@tiptap/pm/state';
import Suggestion, { type SuggestionMatch, type SuggestionProps } from '@tiptap/suggestion';
import type { ResolvedPos } from '@tiptap/pm/model';
import type { KeyHelp } from '../keys';
import { insertTemplateInteractive } from './insertTemplate';
import { slashItems, type SlashItem } from './slashItems';
import { SlashMenuView } from './slashMenuView';

export const slashMenuKey = new PluginKey('slashMenu');

/** Longest query the menu reads after the trigger, in characters. */
const MAX_QUERY_CHARS = 20;
/** The characters that open the menu: 「/」 and what a Chinese input method gives for that key. */
const TRIGGER_CHARS: readonly string[] = ['/', '／', '、'];
const TRIGGER = new RegExp(`^[${TRIGGER_CHARS.join('')}]([^\\s${TRIGGER_CHARS.join('')}]{0,${MAX_QUERY_CHARS}})$`);

/** The menu's keys in the 快捷键 help: the trigger above, the keys of `onKeyDown` below, Esc from @tiptap/suggestion. */
export const slashMenuKeyHelp: readonly KeyHelp[] = [
  { keys: TRIGGER_CHARS, action: '在空段落开头输入，打开结构与模板菜单（接着输入名称或拼音首字母可筛选）' },
  { keys: ['ArrowUp', 'ArrowDown'], action: '在菜单中上下选择' },
  { keys: ['Enter'], action: '插入选中的模板或结构' },
  { keys: ['Escape'], action: '关闭菜单' },
];

/** The trigger only counts when the paragraph holds nothing but 「/查询」 and the cursor is at its end. */
export function findSlashMatch({ $position }: { $position: ResolvedPos }): SuggestionMatch {
  const parent = $position.parent;
  if (parent.type.name !== 'paragraph' || $position.parentOffset !== parent.content.size) return null;
  const text = parent.textContent;
  if (text.length !== parent.content.size) return null;
  const match = TRIGGER.exec(text);
  if (!match || match[1].length > MAX_QUERY_CHARS) return null;
  const from = $position.start();
  return { range: { from, to: from + text.length }, query: match[1], text };
}

export const SlashMenu = Extension.create({
  name: 'slashMenu',
  addProseMirrorPlugins() {
    const editor = this.editor;
    return [
      Suggestion<SlashItem, SlashItem>({
        editor,
        pluginKey: slashMenuKey,
        char: '/',
        startOfLine: true,
        allowedPrefixes: null,
        findSuggestionMatch: (config) => findSlashMatch(config),
        // A read-only draft (edited in another tab) never opens the menu, even with the caret after a 「/」.
        allow: ({ editor: e }) => e.isEditable,
        decorationClass: 'jg-slash-query',
        items: ({ query }) => slashItems(query),
        command: ({ editor: e, range, props: item }) => {
          if (item.kind === 'command') item.run(e, range);
          else insertTemplateInteractive(e, item.template, range);
        },
        render: () => {
          let view: SlashMenuView | null = null;
          let unmount: (() => void) | null = null;
          // The range grows with every typed character: always choose through the latest props.
          let latest: SuggestionProps<SlashItem, SlashItem> | null = null;
          return {
            onStart: (props) => {
              latest = props;
              view = new SlashMenuView(props.editor.view.dom, (item) => latest?.command(item));
              view.update(props.items, props.loading);
              unmount = props.mount(view.element);
            },
            onUpdate: (props) => {
              latest = props;
              // While the next list loads, keep showing the last one rather than flashing an empty menu.
              if (props.loading && !props.items.length) return;
              view?.update(props.items, props.loading);
            },
            onKeyDown: ({ event }) => {
              if (!view) return false;
              if (event.key === 'ArrowDown') { view.move(1); return true; }
              if (event.key === 'ArrowUp') { view.move(-1); return true; }
              if (event.key === 'Enter' && !event.isComposing) return view.chooseSelected();
              return false;
            },
            onExit: () => {
              unmount?.();
              view?.destroy();
              unmount = null;
              view = null;
              latest = null;
            },
          };
        },
      }),
    ];
  },
});
