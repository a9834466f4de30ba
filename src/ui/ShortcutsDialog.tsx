/**
 * The 「快捷键」 help: the toolbar button, F1 or Ctrl+/ open a modal dialog listing SHORTCUT_GROUPS. Focus
 * moves into it and stays there (Tab cycles); the page behind takes no keys. Esc, 关闭 or a click outside
 * close it and put the focus back where it was (the editor, with its selection).
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { matchesKey } from '../editor/keys';
import { KeyList } from './KeyList';
import { returnFocus } from './layout';
import { SHORTCUT_GROUPS, SHORTCUTS_HELP_KEYS } from './shortcuts';
import { ToolButton } from './Toolbar';
import { useWindowKeys } from './useWindowKeys';

/** Tab and Shift+Tab go round the dialog's focusable elements instead of leaving it. */
function keepFocusInside(event: KeyboardEvent, dialog: HTMLElement) {
  const focusable = [...dialog.querySelectorAll<HTMLElement>('button, [tabindex="0"]')];
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  const active = document.activeElement;
  if (event.shiftKey ? active === first || !dialog.contains(active) : active === last) {
    event.preventDefault();
    (event.shiftKey ? last : first)?.focus();
  }
}

function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const headingId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), []);

  const onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'Tab' && dialogRef.current) {
      keepFocusInside(event, dialogRef.current);
    } else if (SHORTCUTS_HELP_KEYS.keys.some((key) => matchesKey(event, key))) {
      event.preventDefault(); // already open; F1 would open the browser's help
    }
  };

  return createPortal(
    <div className="modal-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget) { e.preventDefault(); onClose(); } }}>
      <div className="modal shortcuts-dialog" role="dialog" aria-modal="true" aria-labelledby={headingId} ref={dialogRef} onKeyDown={onKeyDown}>
        <div className="modal-head">
          <h2 id={headingId}>快捷键</h2>
          <button type="button" ref={closeRef} onClick={onClose}>关闭</button>
        </div>
        <div className="modal-body shortcut-groups" tabIndex={0}>
          {SHORTCUT_GROUPS.map((group) => (
            <section key={group.title}>
              <h3>{group.title}</h3>
              <KeyList entries={group.entries} />
            </section>
          ))}
        </div>
      </div>
    </div>,
    document.body,
  );
}

/** The toolbar button and the dialog it opens; F1 and Ctrl+/ open it from anywhere in the page. */
export function ShortcutsHelp() {
  const [open, setOpen] = useState(false);
  const returnTo = useRef<Element | null>(null);
  const show = () => {
    if (open) return;
    returnTo.current = document.activeElement;
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    const target = returnTo.current;
    returnTo.current = null;
    returnFocus(target);
  };
  useWindowKeys(SHORTCUTS_HELP_KEYS.keys, show);
  return (
    <>
      <span className="toolbar-spacer" aria-hidden="true" />
      <ToolButton label="快捷键" keys={SHORTCUTS_HELP_KEYS.keys} onClick={show}>快捷键</ToolButton>
      {open ? <ShortcutsDialog onClose={close} /> : null}
    </>
  );
}
