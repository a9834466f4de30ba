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
        editor.commands.setContent(draft.text.split('\n').map((line) => `<p>${escapeHtml(line)}</p>`).join(''), { emitUpdate: false });
      },
      editable: !readOnly,
      editorProps: {
        attributes: { class: 'draft-body', role: 'textbox', 'aria-multiline': 'true', 'aria-label': '讲稿正文', spellcheck: 'false', lang: 'zh-CN' },
      },
      onUpdate: ({ editor }) => contentChanged(() => ({ doc: editor.getJSON() as DocJSON, text: docToPlainText(editor) })),
    },
    [draft.id],
  );

  useEffect(() => {
    editor?.setEditable(!readOnly);
  }, [editor, readOnly]);

  useEffect(() => {
    useEditorInstance.setState({ editor });
    return () => useEditorInstance.setState({ editor: null });
  }, [editor]);

  return <EditorContent editor={editor} className="draft-editor" />;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
