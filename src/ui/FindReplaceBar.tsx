/**
 * The 查找替换 bar above the page (Ctrl+F / Ctrl+H, or the toolbar button): count of matches, next,
 * replace the current one, replace all (one undo step). Keys typed into its fields never reach the editor;
 * shortcuts are ignored while an IME is composing.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { TextSelection } from '@tiptap/pm/state';
import { useEditorState } from '@tiptap/react';
import type { Editor } from '@tiptap/core';
import { findMatches, nextMatch, replaceAllTransaction } from '../editor/findReplace';
import { titleWithKeys, type KeyHelp } from '../editor/keys';
import { useDrafts } from '../state/drafts';
import { useEditorInstance } from '../state/editorInstance';
import { useWindowKeys } from './useWindowKeys';

/** Opens the bar from anywhere in the page (the window's key handler below). */
const OPEN_KEYS: KeyHelp = { keys: ['Mod-f', 'Mod-h'], action: '打开查找替换' };

/** The bar's keys in the 快捷键 help: OPEN_KEYS, and Enter / Esc in its fields (`onKey`). */
export const findReplaceKeyHelp: readonly KeyHelp[] = [
  OPEN_KEYS,
  { keys: ['Enter'], action: '在查找替换栏中：跳到下一处' },
  { keys: ['Escape'], action: '关闭查找替换，回到正文' },
];

function FindReplaceFields({ editor, onClose }: { editor: Editor; onClose(): void }) {
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  const editable = useDrafts((s) => s.editable);
  const findInput = useRef<HTMLInputElement>(null);
  const doc = useEditorState({ editor, selector: ({ editor: e }) => e.state.doc });
  const matches = useMemo(() => findMatches(doc, query), [doc, query]);
  useEffect(() => findInput.current?.focus(), []);

  const selectNext = () => {
    const { state, view } = editor;
    const match = nextMatch(matches, state.selection.to);
    if (!match) return;
    view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, match.from, match.to)).scrollIntoView());
  };
  const replaceCurrent = () => {
    const { from, to } = editor.state.selection;
    if (matches.some((m) => m.from === from && m.to === to)) editor.chain().insertContentAt({ from, to }, replacement).run();
    selectNext();
  };
  const replaceAll = () => {
    const tr = replaceAllTransaction(editor.state, query, replacement);
    if (tr) editor.view.dispatch(tr);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.nativeEvent.isComposing || e.keyCode === 229) return;
    if (e.key === 'Escape') onClose();
    if (e.key === 'Enter') { e.preventDefault(); selectNext(); }
  };

  return (
    <div className="find-replace" role="search" aria-label="查找替换" onKeyDown={onKey}>
      <input ref={findInput} aria-label="查找" placeholder="查找" value={query} onChange={(e) => setQuery(e.target.value)} />
      <span className="muted find-count" data-find-count={matches.length}>{query ? `${matches.length} 处` : ''}</span>
      <input aria-label="替换为" placeholder="替换为" value={replacement} onChange={(e) => setReplacement(e.target.value)} />
      <button type="button" disabled={!matches.length} onClick={selectNext}>下一个</button>
      <button type="button" disabled={!matches.length || !editable} onClick={replaceCurrent}>替换</button>
      <button type="button" disabled={!matches.length || !editable} onClick={replaceAll}>全部替换</button>
      <button type="button" className="icon-button" aria-label="关闭查找替换" onClick={onClose}>×</button>
    </div>
  );
}

export function FindReplaceBar() {
  const editor = useEditorInstance((s) => s.editor);
  const [open, setOpen] = useState(false);
  useWindowKeys(OPEN_KEYS.keys, () => setOpen(true));
  if (!editor) return null;
  return open ? (
    <FindReplaceFields editor={editor} onClose={() => { setOpen(false); editor.view.focus(); }} />
  ) : (
    <button type="button" className="tool find-toggle" title={titleWithKeys('查找替换', OPEN_KEYS.keys)} onClick={() => setOpen(true)}>查找替换</button>
  );
}
