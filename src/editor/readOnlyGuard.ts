/**
 * A read-only editor (the draft is being edited in another tab) accepts no change of its document: every
 * transaction that would change it is filtered out, whatever dispatched it (a template's 插入, the slash
 * menu, find/replace, a panel's fix), and a paste or drop is refused with a message. Replacing the content
 * from outside (a repair on load) passes with the ALLOW_WHILE_READ_ONLY meta.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { showToast, useToasts } from '../state/toasts';

export const READ_ONLY_MESSAGE = '此稿件正在另一个标签页编辑，本页只读；要在此页修改，请先点「在此页编辑」。';

/** Transaction meta that lets a change through while the editor is read-only. */
export const ALLOW_WHILE_READ_ONLY = 'jianggaoAllowWhileReadOnly';

/** Tells the writer once (not once per refused keystroke while the message is still on screen). */
export function refuseReadOnly(): void {
  if (useToasts.getState().toasts.some((t) => t.text === READ_ONLY_MESSAGE)) return;
  showToast(READ_ONLY_MESSAGE, 'error');
}

/** Whether `tr` may be applied to an editor whose editable flag is `editable`. */
export function allowedWhileReadOnly(tr: Transaction, editable: boolean): boolean {
  return editable || !tr.docChanged || tr.getMeta(ALLOW_WHILE_READ_ONLY) === true;
}

export const ReadOnlyGuard = Extension.create({
  name: 'readOnlyGuard',
  addProseMirrorPlugins() {
    const editor = this.editor;
    const refuseEvent = (event: Event) => {
      if (editor.options.editable !== false) return false;
      event.preventDefault();
      refuseReadOnly();
      return true;
    };
    return [
      new Plugin({
        key: new PluginKey('readOnlyGuard'),
        filterTransaction(tr) {
          const allowed = allowedWhileReadOnly(tr, editor.options.editable !== false);
          if (!allowed) refuseReadOnly();
          return allowed;
        },
        props: { handleDOMEvents: { paste: (_view, event) => refuseEvent(event), drop: (_view, event) => refuseEvent(event) } },
      }),
    ];
  },
});
