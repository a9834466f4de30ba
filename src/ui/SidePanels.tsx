/**
 * The right-hand panel area: one tab per panel. Features add their panel to SIDE_PANELS (App.tsx); the area
 * itself knows nothing about what the panels do. In a wide window it is a column; below the breakpoint it
 * is a drawer opened from the toolbar (layout.ts). The last tab and the drawer's state are settings.
 */
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { Editor } from '@tiptap/core';
import { useEditorInstance } from '../state/editorInstance';
import { useSettings } from '../state/settings';
import { closeSidePanel, SIDE_PANEL_FOCUS_EVENT, SIDE_PANELS_ID, takeFocusRequest, useNarrowLayout } from './layout';

export interface SidePanel {
  id: string;
  label: string;
  /** Optional count shown on the tab (e.g. problems found by the draft check). */
  Badge?: (props: { editor: Editor }) => ReactNode;
  Panel: (props: { editor: Editor }) => ReactNode;
}

export function SidePanels({ panels }: { panels: readonly SidePanel[] }) {
  const editor = useEditorInstance((s) => s.editor);
  const activeId = useSettings((s) => s.sidePanelTab);
  const open = useSettings((s) => s.sidePanelOpen);
  const narrow = useNarrowLayout();
  const shown = !narrow || open;
  const tabsRef = useRef<HTMLDivElement>(null);
  const active = panels.find((p) => p.id === activeId) ?? panels[0];

  useEffect(() => {
    const focusTab = () => tabsRef.current?.querySelector<HTMLElement>('[aria-selected="true"]')?.focus();
    if (shown && takeFocusRequest()) focusTab();
    const onRequest = () => { if (takeFocusRequest()) focusTab(); };
    window.addEventListener(SIDE_PANEL_FOCUS_EVENT, onRequest);
    return () => window.removeEventListener(SIDE_PANEL_FOCUS_EVENT, onRequest);
  }, [shown]);

  if (!active) return null;
  const select = (id: string) => useSettings.getState().set('sidePanelTab', id);

  const onTabKey = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = panels[(panels.indexOf(active) + step + panels.length) % panels.length];
    select(next.id);
    tabsRef.current?.querySelector<HTMLElement>(`#tab-${next.id}`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented || event.nativeEvent.isComposing) return;
    event.preventDefault();
    closeSidePanel(narrow);
  };

  return (
    <aside id={SIDE_PANELS_ID} className={`side-panels${narrow ? ' is-drawer' : ''}`} aria-label="工具面板" hidden={!shown} onKeyDown={onKeyDown}>
      <div className="side-tabs" role="tablist" aria-label="工具面板" ref={tabsRef} onKeyDown={onTabKey}>
        {panels.map((p) => (
          <button key={p.id} type="button" role="tab" id={`tab-${p.id}`} aria-selected={p.id === active.id} aria-controls={`panel-${p.id}`}
            tabIndex={p.id === active.id ? 0 : -1} className={`side-tab${p.id === active.id ? ' is-active' : ''}`} onClick={() => select(p.id)}>
            {p.label}
            {editor && p.Badge ? <p.Badge editor={editor} /> : null}
          </button>
        ))}
      </div>
      <div className="side-body" role="tabpanel" id={`panel-${active.id}`} aria-labelledby={`tab-${active.id}`}>
        {editor ? <active.Panel editor={editor} /> : <p className="muted">正在打开稿件…</p>}
      </div>
    </aside>
  );
}
