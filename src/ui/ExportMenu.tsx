/**
 * The toolbar's 导出 menu: 导出 Word, 导出文本, 打印, through the same actions as the 数据 panel
 * (exportActions.ts). A menu button: Enter, Space or ↓ open it with the focus on the first item, ↑/↓ move,
 * Esc or a click outside close it and the focus goes back to the button.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useEditorInstance } from '../state/editorInstance';
import { showToast } from '../state/toasts';
import { exportText, exportWord, printDraft } from './exportActions';

export function ExportMenu() {
  const editor = useEditorInstance((s) => s.editor);
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onOutside = (event: MouseEvent) => {
      if (!menuRef.current?.contains(event.target as Node) && !buttonRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onOutside, true);
    return () => document.removeEventListener('mousedown', onOutside, true);
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  const run = (action: () => unknown) => () => {
    close();
    void (async () => {
      try {
        await action();
      } catch (error) {
        showToast((error as Error).message, 'error');
      }
    })();
  };

  const onMenuKey = (event: KeyboardEvent) => {
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'Escape') { event.preventDefault(); event.stopPropagation(); close(); }
    else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      items[(at + (event.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      items[event.key === 'Home' ? 0 : items.length - 1]?.focus();
    } else if (event.key === 'Tab') setOpen(false);
  };

  return (
    <span className="menu-anchor">
      <button type="button" className="tool" ref={buttonRef} aria-haspopup="menu" aria-expanded={open} aria-controls={open ? 'export-menu' : undefined}
        disabled={!editor} onClick={() => setOpen((o) => !o)} onKeyDown={(e) => { if (e.key === 'ArrowDown') { e.preventDefault(); setOpen(true); } }}>
        导出 ▾
      </button>
      {open && editor ? (
        <div className="menu" role="menu" id="export-menu" aria-label="导出" ref={menuRef} onKeyDown={onMenuKey}>
          <button type="button" role="menuitem" tabIndex={-1} onClick={run(() => exportWord(editor))}>导出 Word</button>
          <button type="button" role="menuitem" tabIndex={-1} onClick={run(() => exportText(editor))}>导出文本</button>
          <button type="button" role="menuitem" tabIndex={-1} onClick={run(printDraft)}>打印</button>
        </div>
      ) : null}
    </span>
  );
}
