/** The open draft's name above the page; editing it renames the draft. */
import { useEffect, useState } from 'react';
import { useDrafts } from '../state/drafts';

export function DraftTitle({ id, title }: { id: string; title: string }) {
  const [value, setValue] = useState(title);
  useEffect(() => setValue(title), [id, title]);
  const commit = () => {
    if (value.trim() !== title) void useDrafts.getState().rename(id, value);
  };
  return (
    <input className="draft-title-input" aria-label="稿件名称" value={value} placeholder="未命名讲稿"
      onChange={(e) => setValue(e.target.value)} onBlur={commit}
      onKeyDown={(e) => { if (!e.nativeEvent.isComposing && e.keyCode !== 229 && e.key === 'Enter') e.currentTarget.blur(); }} />
  );
}
