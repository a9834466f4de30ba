/**
 * The right-hand panel area: one tab per panel. Features add their panel to SIDE_PANELS; the area itself
 * knows nothing about what the panels do.
 */
import { useState, type ReactNode } from 'react';
import type { Editor } from '@tiptap/core';
import { useEditorInstance } from '../state/editorInstance';
import { usePanelRequest } from './panelRequest';

export interface SidePanel {
  id: string;
  label: string;
  /** Optional count shown on the tab (e.g. problems found by the draft check). */
  Badge?: (props: { editor: Editor }) => ReactNode;
  Panel: (props: { editor: Editor }) => ReactNode;
}

export function SidePanels({ panels }: { panels: readonly SidePanel[] }) {
  const editor = useEditorInstance((s) => s.editor);
  const [activeId, setActiveId] = useState(panels[0]?.id);
  usePanelRequest(setActiveId);
  if (!panels.length) return null;
  const active = panels.find((p) => p.id === activeId) ?? panels[0];
  return (
    <aside className="side-panels" aria-label="工具面板">
      <div className="side-tabs" role="tablist">
        {panels.map((p) => (
          <button key={p.id} type="button" role="tab" id={`tab-${p.id}`} aria-selected={p.id === active.id} aria-controls={`panel-${p.id}`}
            className={`side-tab${p.id === active.id ? ' is-active' : ''}`} onClick={() => setActiveId(p.id)}>
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
