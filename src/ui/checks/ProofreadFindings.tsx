/**
 * The proofreading part of the 检查 panel: findings of kind 提法 / 时效 / 引文 with their evidence, one click
 * to replace (one undo step), 「忽略」 remembered for the draft; a quotation that matches its source is
 * shown as information (原文一致), with a character diff when it differs. Also the office's own 时效 rules.
 */
import type { Editor } from '@tiptap/core';
import { useState, type FormEvent } from 'react';
import { addOfficeRule, clearIgnored, ignoreFinding, isProblem, removeOfficeRule, useChecks, type CheckFinding, type DiffOp } from '../../state/checks';
import { usePhraseIndex } from '../../state/phraseIndex';
import { jumpTo } from '../structure/useDocStructure';
import { applySuggestion, usePlacedChecks, type PlacedCheck } from './useProofread';
import './checks.css';

function yearsText(years: readonly number[]): string {
  if (!years.length) return '';
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  return lo === hi ? `${hi} 年` : `${lo}–${hi} 年`;
}

function EvidenceLine({ finding }: { finding: CheckFinding }) {
  const e = finding.evidence;
  if (!e || finding.kind === '引文') return null;
  return (
    <span className="check-evidence">
      依据：{e.docs} 篇文档{e.years.length ? `（${yearsText(e.years)}）` : ''}
      {e.titles?.length ? `，如《${e.titles[0]}》` : ''}
    </span>
  );
}

function Diff({ diff }: { diff: readonly DiffOp[] }) {
  return (
    <span className="check-diff" aria-label="与原文的逐字比较">
      {diff.map((d, i) => {
        if (d.op === 'same') return <span key={i}>{d.draft}</span>;
        if (d.op === 'missing') return <ins key={i} title="稿中缺少">{d.source}</ins>;
        if (d.op === 'extra') return <del key={i} title="稿中多出">{d.draft}</del>;
        return <span key={i}><del title="稿中">{d.draft}</del><ins title="原文">{d.source}</ins></span>;
      })}
    </span>
  );
}

const KIND_LABEL: Record<string, string> = { 提法: '提法校对', 时效: '提法时效', 引文: '引文核对' };

function label(f: CheckFinding): string {
  return f.kind === '引文' && f.quotation ? `引文 · ${f.quotation.status}` : KIND_LABEL[f.kind] ?? f.kind;
}

function FindingItem({ editor, placed }: { editor: Editor; placed: PlacedCheck }) {
  const { finding } = placed;
  const ok = !isProblem(finding);
  const info = finding.kind === '引文' && finding.quotation?.status === '未找到原文';
  const replaceLabel = finding.kind === '引文' ? '按原文替换' : `改为「${finding.suggestion}」`;
  return (
    <li className={`check-item proofread-item${ok ? ' is-ok' : ''}${info ? ' is-info' : ''}`} data-kind={finding.kind}>
      <button type="button" className="check-jump" onClick={() => jumpTo(editor, placed.from, placed.to)}>
        <span className="check-kind">{label(finding)}</span>
        <span className="check-message">{finding.message}</span>
        {finding.kind === '引文' ? null : <span className="check-excerpt"><mark>{finding.text}</mark>{finding.suggestion ? <> → {finding.suggestion}</> : null}</span>}
        <EvidenceLine finding={finding} />
        {finding.quotation?.diff ? <Diff diff={finding.quotation.diff} /> : null}
      </button>
      <div className="check-actions">
        {finding.suggestion !== null && !ok ? (
          <button type="button" className="check-fix" onClick={() => applySuggestion(editor, placed)}>{replaceLabel}</button>
        ) : null}
        {ok ? null : <button type="button" className="check-fix" onClick={() => void ignoreFinding(finding)}>忽略</button>}
      </div>
    </li>
  );
}

function OfficeRules() {
  const rules = useChecks((s) => s.officeRules);
  const [old, setOld] = useState('');
  const [current, setCurrent] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await addOfficeRule({ old, current: current || null, reason });
      setOld('');
      setCurrent('');
      setReason('');
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <details className="office-rules">
      <summary>本单位时效规则（{rules.length}）</summary>
      <form onSubmit={(e) => void submit(e)} className="office-rule-form">
        <label>旧提法 <input value={old} onChange={(e) => setOld(e.target.value)} required minLength={2} /></label>
        <label>现行提法 <input value={current} onChange={(e) => setCurrent(e.target.value)} placeholder="可不填" /></label>
        <label>说明 <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="如：本单位 2026 年起统一" /></label>
        <button type="submit">添加规则</button>
        {error ? <p className="status-error" role="alert">{error}</p> : null}
      </form>
      {rules.length ? (
        <ul className="office-rule-list">
          {rules.map((r) => (
            <li key={r.id}>
              「{r.old}」→{r.current ? `「${r.current}」` : r.advice}
              <button type="button" className="check-fix" onClick={() => void removeOfficeRule(r.id)}>删除</button>
            </li>
          ))}
        </ul>
      ) : <p className="muted">规则随备份导出；本单位规则与随程序提供的规则一起检查。</p>}
    </details>
  );
}

export function ProofreadFindings({ editor }: { editor: Editor }) {
  const placed = usePlacedChecks(editor);
  const phase = useChecks((s) => s.phase);
  const error = useChecks((s) => s.error);
  const ignoredCount = useChecks((s) => s.ignored.length);
  const indexPhase = usePhraseIndex((s) => s.phase);
  const problems = placed.filter((p) => isProblem(p.finding));
  const ok = placed.filter((p) => !isProblem(p.finding));
  const status = indexPhase !== 'ready' ? '提法索引建立后开始校对提法、时效和引文。'
    : phase === 'error' ? `校对未能完成：${error}`
    : problems.length ? `提法、时效、引文共 ${problems.length} 处需要核对。`
    : phase === 'ready' ? '没有发现提法、时效或引文问题。' : '正在校对…';
  return (
    <section className="proofread" aria-label="提法与引文校对">
      <p className={phase === 'error' ? 'status-error' : problems.length ? 'muted' : 'check-ok'} role="status">{status}</p>
      {problems.length || ok.length ? (
        <ul className="check-list">
          {[...problems, ...ok].map((p) => <FindingItem key={`${p.from}-${p.finding.kind}-${p.finding.text}`} editor={editor} placed={p} />)}
        </ul>
      ) : null}
      {ignoredCount ? (
        <p className="muted">本稿已忽略 {ignoredCount} 处。<button type="button" className="check-fix" onClick={() => void clearIgnored()}>全部恢复</button></p>
      ) : null}
      <OfficeRules />
    </section>
  );
}
