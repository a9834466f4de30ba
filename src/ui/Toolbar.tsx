/** The formatting toolbar: StarterKit basics (标题/加粗/列表/撤销/重做) for the open draft's editor. */
import { useEditorState } from '@tiptap/react';
import type { Editor } from '@tiptap/core';
import type { ReactNode } from 'react';
import { useEditorInstance } from '../state/editorInstance';

interface ToolButtonProps { label: string; shortcut?: string; active?: boolean; disabled?: boolean; onClick(): void; children: ReactNode }

function ToolButton({ label, shortcut, active, disabled, onClick, children }: ToolButtonProps) {
  return (
    <button type="button" className={`tool${active ? ' is-active' : ''}`} title={shortcut ? `${label}（${shortcut}）` : label}
      aria-label={label} aria-pressed={active} disabled={disabled} onMouseDown={(e) => e.preventDefault()} onClick={onClick}>
      {children}
    </button>
  );
}

function FormattingButtons({ editor }: { editor: Editor }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      title: e.isActive('heading', { level: 1 }),
      bold: e.isActive('bold'),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
      editable: e.isEditable,
    }),
  });
  const run = (f: (c: ReturnType<Editor['chain']>) => ReturnType<Editor['chain']>) => () => f(editor.chain().focus()).run();
  const off = !state.editable;
  return (
    <>
      <ToolButton label="标题" active={state.title} disabled={off} onClick={run((c) => c.toggleHeading({ level: 1 }))}>标题</ToolButton>
      <ToolButton label="加粗" shortcut="Ctrl+B" active={state.bold} disabled={off} onClick={run((c) => c.toggleBold())}><b>B</b></ToolButton>
      <ToolButton label="项目列表" active={state.bullet} disabled={off} onClick={run((c) => c.toggleBulletList())}>• 列表</ToolButton>
      <ToolButton label="编号列表" active={state.ordered} disabled={off} onClick={run((c) => c.toggleOrderedList())}>1. 列表</ToolButton>
      <span className="tool-sep" aria-hidden="true" />
      <ToolButton label="撤销" shortcut="Ctrl+Z" disabled={off || !state.canUndo} onClick={run((c) => c.undo())}>↶ 撤销</ToolButton>
      <ToolButton label="重做" shortcut="Ctrl+Shift+Z" disabled={off || !state.canRedo} onClick={run((c) => c.redo())}>↷ 重做</ToolButton>
    </>
  );
}

export function Toolbar({ children }: { children?: ReactNode }) {
  const editor = useEditorInstance((s) => s.editor);
  return (
    <div className="toolbar" role="toolbar" aria-label="格式">
      {editor ? <FormattingButtons editor={editor} /> : null}
      {children}
    </div>
  );
}
