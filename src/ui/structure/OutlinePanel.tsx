/**
 * The outline panel: the section headings as a tree (indented by level, `role="tree"`). Click or Enter
 * jumps to a heading; Alt+↑ / Alt+↓ (or the ↑↓ buttons) move the section with all its content among its
 * siblings; dragging a heading onto another moves it before (upper half) or after (lower half) that
 * section. Numbers follow at once, since headings compute them.
 */
import type { Editor } from '@tiptap/core';
import { useDrafts } from '../../state/drafts';
import { useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { sectionEnd } from '../../structure';
import { SECTION_HEADING, topLevelBlocks } from '../../editor/structure';
import { refuseReadOnly } from '../../editor/readOnlyGuard';
import { jumpTo, useOutline, type OutlineItem } from './useDocStructure';
import type { KeyHelp } from '../../editor/keys';

/** The keys of `onKeyDown` below, in the 快捷键 help. */
export const outlineKeyHelp: readonly KeyHelp[] = [
  { keys: ['Alt-ArrowUp', 'Alt-ArrowDown'], action: '整节上移 / 下移，编号自动更新' },
  { keys: ['ArrowUp', 'ArrowDown', 'Home', 'End'], action: '在大纲中选择标题' },
  { keys: ['Enter', 'Space'], action: '跳到该标题' },
];

type DropTarget = { index: number; after: boolean } | null;

export function OutlinePanel({ editor }: { editor: Editor }) {
  const { items, current } = useOutline(editor);
  const editable = useDrafts((s) => s.editable);
  const [focused, setFocused] = useState(0);
  const [dragging, setDragging] = useState<number | null>(null);
  const [drop, setDrop] = useState<DropTarget>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const focusIndex = Math.min(focused, Math.max(0, items.length - 1));

  const focusItem = (index: number) => {
    setFocused(index);
    requestAnimationFrame(() => listRef.current?.querySelectorAll<HTMLElement>('[role="treeitem"]')[index]?.focus());
  };

  const move = (item: OutlineItem, direction: 'up' | 'down') => {
    if (!editor.isEditable) return refuseReadOnly();
    if (!editor.chain().moveSection(item.block, direction).run()) return;
    // The moved heading is where the selection now is; keep keyboard focus on it.
    const { from } = editor.state.selection;
    let index = -1;
    editor.state.doc.forEach((node, offset) => {
      if (node.type.name === SECTION_HEADING && offset < from) index++;
    });
    focusItem(Math.max(0, index));
  };

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const item = items[index];
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      move(item, event.key === 'ArrowUp' ? 'up' : 'down');
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusItem(Math.min(items.length - 1, index + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      focusItem(Math.max(0, index - 1));
    } else if (event.key === 'Home') {
      event.preventDefault();
      focusItem(0);
    } else if (event.key === 'End') {
      event.preventDefault();
      focusItem(items.length - 1);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      jumpTo(editor, item.pos + 1);
    }
  };

  const onDragOver = (event: DragEvent, index: number) => {
    if (dragging === null) return;
    event.preventDefault();
    const rect = (event.currentTarget as HTMLElement).getBoundingClientRect();
    setDrop({ index, after: event.clientY > rect.top + rect.height / 2 });
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    if (dragging !== null && drop) {
      const source = items[dragging];
      const target = items[drop.index];
      const levels = topLevelBlocks(editor.state.doc).levels;
      const before = drop.after ? sectionEnd(levels, target.block) : target.block;
      editor.chain().moveSectionTo(source.block, before).run();
    }
    setDragging(null);
    setDrop(null);
  };

  if (!items.length) {
    return (
      <div className="outline-panel">
        <p className="muted">还没有编号标题。在段首输入「一、」「（一）」「1.」「（1）」，或输入「/」插入结构模板。</p>
      </div>
    );
  }

  return (
    <div className="outline-panel">
      <p className="muted outline-help">点击跳转；Alt+↑/↓ 或拖动可移动整节，编号自动更新。</p>
      <ul className="outline-tree" role="tree" aria-label="大纲" ref={listRef} onDragLeave={(e) => { if (e.currentTarget === e.target) setDrop(null); }}>
        {items.map((item, index) => (
          <li
            key={`${item.pos}-${index}`}
            role="treeitem"
            aria-level={item.level}
            aria-selected={index === current}
            aria-current={index === current ? 'location' : undefined}
            tabIndex={index === focusIndex ? 0 : -1}
            draggable={editable}
            className={[
              'outline-item',
              `outline-level-${item.level}`,
              index === current ? 'is-current' : '',
              dragging === index ? 'is-dragging' : '',
              drop?.index === index ? (drop.after ? 'drop-after' : 'drop-before') : '',
            ].filter(Boolean).join(' ')}
            onClick={() => { setFocused(index); jumpTo(editor, item.pos + 1); }}
            onFocus={() => setFocused(index)}
            onKeyDown={(e) => onKeyDown(e, index)}
            onDragStart={(e) => { setDragging(index); e.dataTransfer.effectAllowed = 'move'; e.dataTransfer.setData('text/plain', item.title); }}
            onDragEnd={() => { setDragging(null); setDrop(null); }}
            onDragOver={(e) => onDragOver(e, index)}
            onDrop={onDrop}
          >
            <span className="outline-number">{item.number}</span>
            <span className="outline-title">{item.title || '（无标题）'}</span>
            <span className="outline-moves">
              <button type="button" className="icon-button" tabIndex={-1} aria-label={`上移「${item.number}${item.title}」`} title="上移整节（Alt+↑）" disabled={!editable}
                onClick={(e) => { e.stopPropagation(); move(item, 'up'); }}>↑</button>
              <button type="button" className="icon-button" tabIndex={-1} aria-label={`下移「${item.number}${item.title}」`} title="下移整节（Alt+↓）" disabled={!editable}
                onClick={(e) => { e.stopPropagation(); move(item, 'down'); }}>↓</button>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
