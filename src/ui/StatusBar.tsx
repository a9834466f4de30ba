/** The bottom status line: saving state and whatever features report (e.g. the phrase index). */
import type { ReactNode } from 'react';
import { useDrafts } from '../state/drafts';

const SAVE_LABELS = { saved: '已保存', pending: '待保存…', saving: '正在保存…', error: '未保存' } as const;

export function SaveIndicator() {
  const save = useDrafts((s) => s.save);
  return (
    <span className={`save-state is-${save.state}`} data-save-state={save.state} title={save.error ?? undefined}>
      {SAVE_LABELS[save.state]}
    </span>
  );
}

export function StatusBar({ children }: { children?: ReactNode }) {
  const save = useDrafts((s) => s.save);
  return (
    <footer className="status-bar">
      <SaveIndicator />
      {save.error ? <span className="status-error" role="alert">{save.error}</span> : null}
      <span className="status-spacer" />
      {children}
    </footer>
  );
}
