/**
 * The draft check panel and its count badge: duplicate, skipped and out-of-order numbers and unfilled
 * placeholders, each a button that jumps to (and selects) the spot. Numbering findings offer their fix:
 * 重新编号 for 一是/第一 runs, 转为标题 for hand-typed 一、（一）. Below them the proofreading findings
 * (提法, 时效, 引文; src/ui/checks), which the badge counts too.
 */
import type { Editor } from '@tiptap/core';
import { useDrafts } from '../../state/drafts';
import { FINDING_KIND_NAMES } from '../../structure';
import { ProofreadFindings } from '../checks/ProofreadFindings';
import { problemCount, usePlacedChecks, useProofreadScheduling } from '../checks/useProofread';
import { jumpTo, useDraftFindings, type PlacedFinding } from './useDocStructure';

export function CheckBadge({ editor }: { editor: Editor }) {
  useProofreadScheduling(editor);
  const count = useDraftFindings(editor).length + problemCount(usePlacedChecks(editor));
  if (!count) return null;
  return <span className="check-badge" aria-label={`发现 ${count} 处问题`}>{count}</span>;
}

function excerpt(editor: Editor, finding: PlacedFinding): { before: string; mark: string; after: string } {
  const doc = editor.state.doc;
  const size = doc.content.size;
  const textAt = (from: number, to: number) => doc.textBetween(Math.max(0, from), Math.min(size, to), ' ', ' ');
  const { from, to } = finding.pos;
  return { before: textAt(from - 10, from), mark: textAt(from, to), after: textAt(to, to + 14) };
}

export function CheckPanel({ editor }: { editor: Editor }) {
  const editable = useDrafts((s) => s.editable);
  const findings = useDraftFindings(editor);
  if (!findings.length) {
    return (
      <div className="check-panel">
        <p className="check-ok" role="status">没有发现编号重复、跳号或未填写的占位符。</p>
        <ProofreadFindings editor={editor} />
      </div>
    );
  }
  const numbering = findings.filter((f) => f.kind !== 'placeholder').length;
  return (
    <div className="check-panel">
      <p className="muted" role="status">
        共 {findings.length} 处：编号问题 {numbering} 处，未填占位 {findings.length - numbering} 处。点击条目跳转。
      </p>
      <ul className="check-list">
        {findings.map((finding, index) => {
          const { before, mark, after } = excerpt(editor, finding);
          const typedSection = finding.sequence?.type === 'section' && finding.to > finding.from;
          const enumeration = finding.sequence?.type === 'enumeration';
          return (
            <li key={`${finding.pos.from}-${finding.kind}-${index}`} className={`check-item check-${finding.kind}`}>
              <button type="button" className="check-jump" onClick={() => jumpTo(editor, finding.pos.from, finding.pos.to)}>
                <span className="check-kind">{FINDING_KIND_NAMES[finding.kind]}</span>
                <span className="check-message">{finding.message}</span>
                <span className="check-excerpt">…{before}<mark>{mark || '　'}</mark>{after}…</span>
              </button>
              {enumeration ? (
                <button type="button" className="check-fix" disabled={!editable} onClick={() => editor.chain().focus().renumberEnumerations(finding.pos.from).run()}>重新编号本节</button>
              ) : null}
              {typedSection ? (
                <button type="button" className="check-fix" disabled={!editable} onClick={() => editor.chain().focus().convertNumberedParagraphs().run()}>手写编号转为标题</button>
              ) : null}
            </li>
          );
        })}
      </ul>
      <ProofreadFindings editor={editor} />
    </div>
  );
}
