/** Asking the side-panel area to show one of its panels (e.g. 检查 from the export question). */
import { useEffect } from 'react';
import { create } from 'zustand';

const usePanelRequests = create<{ id: string | null; seq: number }>(() => ({ id: null, seq: 0 }));

export function requestPanel(id: string): void {
  usePanelRequests.setState((s) => ({ id, seq: s.seq + 1 }));
}

/** Calls `open` with the id of every panel asked for from now on. */
export function usePanelRequest(open: (id: string) => void): void {
  useEffect(() => usePanelRequests.subscribe((s, before) => { if (s.seq !== before.seq && s.id) open(s.id); }), [open]);
}
