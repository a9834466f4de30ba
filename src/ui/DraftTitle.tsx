/**
 * The open draft's name above the page; editing it renames the draft. A textarea whose height follows its
 * text, so a long title wraps onto a second line instead of being cut; Enter (outside an IME composition)
 * keeps the name and puts the caret at the start of the body. Print shows a plain copy of the title.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useDrafts } from '../state/drafts';
import { useEditorInstance } from '../state/editorInstance';

/** Grows or shrinks the textarea to its content. */
function fitHeight(textarea: HTMLTextAreaElement | null) {
  if (!textarea) return;
  textarea.style.height = 'auto';
  textarea.style.height = `${textarea.scrollHeight}px`;
}

export function DraftTitle({ id, title }: { id: string; title: string }) {
  const [value, setValue] = useState(title);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => setValue(title), [id, title]);
  useLayoutEffect(() => fitHeight(ref.current), [value]);
  useEffect(() => {
    const refit = () => fitHeight(ref.current);
    window.addEventListener('resize', refit);
    // The title font may arrive after the first layout.
    void document.fonts?.ready.then(refit);
    return () => window.removeEventListener('resize', refit);
  }, []);
  const commit = () => {
    if (value.trim() !== title) void useDrafts.getState().rename(id, value);
  };
  return (
    <>
      <textarea ref={ref} className="draft-title-input" aria-label="稿件名称" value={value} placeholder="未命名讲稿" rows={1}
        onChange={(e) => setValue(e.target.value.replace(/[\r\n]+/g, ''))} onBlur={commit}
        onKeyDown={(e) => {
          if (e.nativeEvent.isComposing || e.keyCode === 229 || e.key !== 'Enter') return;
          e.preventDefault();
          commit();
          const editor = useEditorInstance.getState().editor;
          if (editor?.isEditable) editor.commands.focus('start');
          else e.currentTarget.blur();
        }} />
      <p className="draft-title-print" aria-hidden="true">{value.trim() || '未命名讲稿'}</p>
    </>
  );
}
