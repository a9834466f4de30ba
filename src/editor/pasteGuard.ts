/**
 * Refuses a paste too long to edit comfortably (a 10 MB paste would freeze the page for a long time)
 * with a Chinese message; the document stays as it was. Longer texts go through 「导入文本为新稿件」.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { showToast } from '../state/toasts';

export const MAX_PASTE_CHARS = 300_000;

export const PasteGuard = Extension.create({
  name: 'pasteGuard',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('pasteGuard'),
        props: {
          handlePaste(_view, event) {
            const data = event.clipboardData;
            const length = Math.max(data?.getData('text/plain').length ?? 0, data?.getData('text/html').length ?? 0);
            if (length <= MAX_PASTE_CHARS) return false;
            showToast(`粘贴的内容过长（约 ${Math.round(length / 10000)} 万字），超过单次粘贴上限 ${MAX_PASTE_CHARS / 10000} 万字，未粘贴。请分段粘贴，或在「数据」面板用「导入文本为新稿件」。`, 'error');
            return true;
          },
        },
      }),
    ];
  },
});
