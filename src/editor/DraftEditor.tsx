/**
 * The writing surface: one TipTap editor for the open draft. It reports changes to the draft store and
 * publishes the editor instance for the toolbar and panels; it holds no other state.
 */
import type { JSONContent } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect } from 'react';
import type { DocJSON } from '../document/schema';
import { useDrafts } from '../state/drafts';
import { useEditorInstance } from '../state/editorInstance';
import { buildExtensions } from './extensions';
import { docToPlainText } from './plainText';
import { ALLOW_WHILE_READ_ONLY } from './readOnlyGuard';
import { recalledView, rememberView, scrollParent } from './viewMemory';

/** What the editor needs of the open draft. */
interface OpenDraft { id: string; doc: DocJSON; text: string }

export function DraftEditor({ draft, readOnly = false }: { draft: OpenDraft; readOnly?: boolean }) {
  const contentChanged = useDrafts((s) => s.contentChanged);
  const editor = useEditor(
    {
      extensions: buildExtensions(),
      content: draft.doc as JSONContent,
      // A stored document that no longer fits the schema opens as its plain text instead of crashing.
      enableContentCheck: true,
      onContentError: ({ disableCollaboration, editor }) => {
        disableCollaboration();
        editor.chain().setMeta(ALLOW_WHILE_READ_ONLY, true)
          .setContent(draft.text.split('\n').map((line) => `<p>${escapeHtml(line)}</p>`).join(''), { emitUpdate: false }).run();
      },
      editable: !readOnly,
      editorProps: {
        attributes: { class: 'draft-body', role: 'textbox', 'aria-multiline': 'true', 'aria-label': '讲稿正文', spellcheck: 'false', lang: 'zh-CN' },
      },
      onUpdate: ({ editor }) => contentChanged(() => ({ doc: editor.getJSON() as DocJSON, text: docToPlainText(editor) })),
    },
    [draft.id],
  );

  // No update event: turning editable is not an edit, and must not save what the editor holds.
  useEffect(() => {
    editor?.setEditable(!readOnly, false);
  }, [editor, readOnly]);

  // Each draft's caret and scroll position, put back when the writer returns to it.
  useEffect(() => {
    if (!editor) return;
    const dom = editor.view.dom as Element | undefined;
    const scroller = dom instanceof Element ? scrollParent(dom) : null;
    const recalled = recalledView(draft.id);
    if (recalled) {
      editor.commands.setTextSelection({ from: recalled.from, to: recalled.to });
      if (editor.isEditable) editor.view.focus();
      if (scroller) requestAnimationFrame(() => { scroller.scrollTop = recalled.scrollTop; });
    }
    const keepSelection = () => rememberView(draft.id, { from: editor.state.selection.from, to: editor.state.selection.to });
    // A page being taken down scrolls the desk too: only a page still shown speaks for its draft.
    const keepScroll = () => { if (scroller && dom?.isConnected) rememberView(draft.id, { scrollTop: scroller.scrollTop }); };
    editor.on('selectionUpdate', keepSelection);
    scroller?.addEventListener('scroll', keepScroll, { passive: true });
    return () => {
      editor.off('selectionUpdate', keepSelection);
      scroller?.removeEventListener('scroll', keepScroll);
    };
  }, [editor, draft.id]);

  useEffect(() => {
    useEditorInstance.setState({ editor });
    return () => useEditorInstance.setState({ editor: null });
  }, [editor]);

  return <EditorContent editor={editor} className="draft-editor" />;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
