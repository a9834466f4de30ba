/** The formatting toolbar: StarterKit basics (标题/加粗/列表/撤销/重做) for the open draft's editor, with their keys. */
import { useEditorState } from '@tiptap/react';
import type { Editor } from '@tiptap/core';
import { redoDepth, undoDepth } from '@tiptap/pm/history';
import type { ReactNode } from 'react';
import { titleWithKeys, type KeyHelp } from '../editor/keys';
import { useEditorInstance } from '../state/editorInstance';

/** StarterKit's keys for the buttons below: TipTap binds them; described here for the titles and the 快捷键 help. */
const KEYS = {
  title: { keys: ['Mod-Alt-1'], action: '设为标题 / 取消标题' },
  bold: { keys: ['Mod-b'], action: '加粗 / 取消加粗' },
  bullet: { keys: ['Mod-Shift-8'], action: '项目列表' },
  ordered: { keys: ['Mod-Shift-7'], action: '编号列表' },
  undo: { keys: ['Mod-z'], action: '撤销' },
  redo: { keys: ['Mod-Shift-z', 'Mod-y'], action: '重做' },
} satisfies Record<string, KeyHelp>;

export const editingKeyHelp: readonly KeyHelp[] = Object.values(KEYS);

interface ToolButtonProps {
  label: string; keys?: readonly string[]; active?: boolean; disabled?: boolean; onClick(): void; children: ReactNode;
  /** For a button that shows and hides a region: its id, and whether it is shown (aria-expanded instead of aria-pressed). */
  controls?: string; expanded?: boolean;
}

/**
 * A toolbar button that leaves the focus where it was (the editor) when clicked. A button showing text is
 * named by that text (the label goes to its title), so that what a speech-input user reads is its name.
 */
export function ToolButton({ label, keys, active, disabled, onClick, children, controls, expanded }: ToolButtonProps) {
  return (
    <button type="button" className={`tool${active ? ' is-active' : ''}`} title={titleWithKeys(label, keys)}
      aria-label={typeof children === 'string' ? undefined : label} aria-pressed={controls ? undefined : active}
      aria-controls={controls} aria-expanded={controls ? expanded : undefined}
      disabled={disabled} onMouseDown={(e) => e.preventDefault()} onClick={onClick}>
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
      // What `can().undo()` answers, read from the history directly: this selector runs on every keystroke.
      canUndo: undoDepth(e.state) > 0,
      canRedo: redoDepth(e.state) > 0,
      editable: e.isEditable,
    }),
  });
  const run = (f: (c: ReturnType<Editor['chain']>) => ReturnType<Editor['chain']>) => () => f(editor.chain().focus()).run();
  const off = !state.editable;
  return (
    <>
      <ToolButton label="标题" keys={KEYS.title.keys} active={state.title} disabled={off} onClick={run((c) => c.toggleHeading({ level: 1 }))}>标题</ToolButton>
      <ToolButton label="加粗" keys={KEYS.bold.keys} active={state.bold} disabled={off} onClick={run((c) => c.toggleBold())}><b>B</b></ToolButton>
      <ToolButton label="项目列表" keys={KEYS.bullet.keys} active={state.bullet} disabled={off} onClick={run((c) => c.toggleBulletList())}>• 项目列表</ToolButton>
      <ToolButton label="编号列表" keys={KEYS.ordered.keys} active={state.ordered} disabled={off} onClick={run((c) => c.toggleOrderedList())}>1. 编号列表</ToolButton>
      <span className="tool-sep" aria-hidden="true" />
      <ToolButton label="撤销" keys={KEYS.undo.keys} disabled={off || !state.canUndo} onClick={run((c) => c.undo())}>↶ 撤销</ToolButton>
      <ToolButton label="重做" keys={KEYS.redo.keys} disabled={off || !state.canRedo} onClick={run((c) => c.redo())}>↷ 重做</ToolButton>
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
