/**
 * The question 导出 Word puts when the draft check finds something left to do: 「还有 3 处未填，仍要导出？」
 * with 查看列表 (opens the 检查 panel), 仍要导出 and 取消. Mounted once; shown by exportActions.exportWord.
 */
import { useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import { CHECK_PANEL_ID, exportWordNow, useExportQuestion } from './exportActions';
import { requestPanel } from './panelRequest';

export function ExportQuestion() {
  const pending = useExportQuestion((s) => s.pending);
  const headingId = useId();
  const listRef = useRef<HTMLButtonElement>(null);
  const returnTo = useRef<Element | null>(null);

  useEffect(() => {
    if (!pending) return;
    returnTo.current = document.activeElement;
    listRef.current?.focus();
  }, [pending]);

  if (!pending) return null;
  const close = (refocus = true) => {
    useExportQuestion.setState({ pending: null });
    const target = returnTo.current;
    if (refocus && target instanceof HTMLElement && target.isConnected) target.focus();
  };
  const showList = () => {
    close(false);
    requestPanel(CHECK_PANEL_ID);
    requestAnimationFrame(() => document.getElementById(`tab-${CHECK_PANEL_ID}`)?.focus());
  };
  const exportAnyway = () => {
    close();
    void exportWordNow(pending.editor);
  };
  const { placeholders, numbering, question } = pending.check;

  return createPortal(
    <div className="modal-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget) { e.preventDefault(); close(); } }}>
      <div className="modal export-question" role="alertdialog" aria-modal="true" aria-labelledby={headingId} data-export-question
        onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); close(); } }}>
        <div className="modal-body">
          <p id={headingId} className="export-question-text">{question}</p>
          <p className="muted small">
            {placeholders ? '{{…}}、XX、×× 等占位符还没有换成实际内容' : ''}{placeholders && numbering ? '；' : ''}
            {numbering ? '有编号重复、跳号或顺序不对' : ''}。
            <button type="button" className="link-button" ref={listRef} onClick={showList}>查看列表</button>
          </p>
          <div className="button-row">
            <button type="button" className="primary" onClick={exportAnyway}>仍要导出</button>
            <button type="button" onClick={() => close()}>取消</button>
          </div>
        </div>
      </div>
    </div>,
    document.body,
  );
}
