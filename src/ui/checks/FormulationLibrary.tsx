/**
 * The 提法库 side panel: the recurring formulations of the corpus and the writer's documents (built in the
 * worker), searched by characters or pinyin initials (「lgql」 → 「两个确立」), filtered by year range and
 * pack; a click inserts one at the cursor; a star keeps it among the favourites. Below, 我的提法: the
 * writer's own phrases, which also feed the suggestions.
 */
import type { Editor } from '@tiptap/core';
import { useEffect, useState, type FormEvent } from 'react';
import { addOwnPhrase, loadChecks, removeOwnPhrase, searchLibrary, toggleFavourite, useChecks, type Formulation } from '../../state/checks';
import { OWN_DOCUMENTS_PACK } from '../../state/ownDocuments';
import { usePhraseIndex } from '../../state/phraseIndex';
import './checks.css';
import type { SidePanel } from '../SidePanels';

/** Formulations listed at most (the search narrows them). */
const LIBRARY_LIST_LIMIT = 100;
const FIRST_YEAR = 2000;

function insertAtCursor(editor: Editor, text: string): void {
  editor.chain().focus().insertContent({ type: 'text', text }).run();
}

function yearsLabel(years: readonly number[]): string {
  if (!years.length) return '年份不详';
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  return lo === hi ? `${hi}` : `${lo}–${hi}`;
}

/** Characters of the example sentence shown on each side of the formulation. */
const EXAMPLE_SIDE_CHARS = 30;

/** The example sentence cut around the formulation. */
function exampleExcerpt(f: Formulation): string {
  const at = f.example.indexOf(f.text);
  if (at < 0) return f.example.length > 2 * EXAMPLE_SIDE_CHARS ? `${f.example.slice(0, 2 * EXAMPLE_SIDE_CHARS)}…` : f.example;
  const from = Math.max(0, at - EXAMPLE_SIDE_CHARS);
  const to = Math.min(f.example.length, at + f.text.length + EXAMPLE_SIDE_CHARS);
  return `${from > 0 ? '…' : ''}${f.example.slice(from, to)}${to < f.example.length ? '…' : ''}`;
}

function FormulationItem({ editor, f, starred }: { editor: Editor; f: Formulation; starred: boolean }) {
  return (
    <li className="library-item">
      <div className="library-row">
        <button type="button" className="library-insert" title="插入到光标处" onClick={() => insertAtCursor(editor, f.text)}>{f.text}</button>
        <button type="button" className={`library-star${starred ? ' is-on' : ''}`} aria-pressed={starred} aria-label={starred ? `取消收藏「${f.text}」` : `收藏「${f.text}」`}
          onClick={() => void toggleFavourite(f.text)}>{starred ? '★' : '☆'}</button>
      </div>
      <span className="muted library-meta">{f.docs} 篇 · {yearsLabel(f.years)}</span>
      <span className="library-example" title={`出自《${f.exampleTitle}》`}>{exampleExcerpt(f)}</span>
    </li>
  );
}

function OwnPhrases({ editor }: { editor: Editor }) {
  const phrases = useChecks((s) => s.ownPhrases);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await addOwnPhrase(text);
      setText('');
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <section className="own-phrases" aria-label="我的提法">
      <h3>我的提法</h3>
      <form onSubmit={(e) => void submit(e)} className="own-phrase-form">
        <input value={text} onChange={(e) => setText(e.target.value)} placeholder="添加本单位常用提法" aria-label="新提法" />
        <button type="submit">添加</button>
      </form>
      {error ? <p className="status-error" role="alert">{error}</p> : null}
      {phrases.length ? (
        <ul className="library-list">
          {phrases.map((p) => (
            <li key={p} className="library-row">
              <button type="button" className="library-insert" onClick={() => insertAtCursor(editor, p)}>{p}</button>
              <button type="button" className="check-fix" aria-label={`删除「${p}」`} onClick={() => void removeOwnPhrase(p)}>删除</button>
            </li>
          ))}
        </ul>
      ) : <p className="muted">添加的提法也会在输入时提示。</p>}
    </section>
  );
}

function FormulationLibraryPanel({ editor }: { editor: Editor }) {
  const indexPhase = usePhraseIndex((s) => s.phase);
  const docMeta = usePhraseIndex((s) => s.docMeta);
  const packs = usePhraseIndex((s) => s.manifest?.packs ?? []);
  const favourites = useChecks((s) => s.favourites);
  const [query, setQuery] = useState('');
  const [fromYear, setFromYear] = useState('');
  const [toYear, setToYear] = useState('');
  const [pack, setPack] = useState('');
  const [result, setResult] = useState<{ formulations: Formulation[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => void loadChecks(), []);
  useEffect(() => {
    if (indexPhase !== 'ready') return;
    let live = true;
    searchLibrary({ text: query, fromYear: fromYear ? Number(fromYear) : undefined, toYear: toYear ? Number(toYear) : undefined, pack: pack || undefined, limit: LIBRARY_LIST_LIMIT })
      .then((r) => { if (live) { setResult(r); setError(null); } })
      .catch((e: unknown) => { if (live) setError(e instanceof Error ? e.message : String(e)); });
    return () => { live = false; };
  }, [indexPhase, docMeta, query, fromYear, toYear, pack]);
  const years = [...new Set(docMeta.map((m) => m.year).filter((y): y is number => typeof y === 'number' && y >= FIRST_YEAR))].sort();
  const starred = new Set(favourites);
  const list = result?.formulations ?? [];
  const showFavourites = favourites.length > 0 && !query && !fromYear && !toYear && !pack;
  return (
    <div className="library-panel">
      <input type="search" className="library-search" value={query} onChange={(e) => setQuery(e.target.value)}
        placeholder="输入文字或拼音首字母，如 lgql" aria-label="搜索提法库" />
      <div className="library-filters">
        <label>从 <select value={fromYear} onChange={(e) => setFromYear(e.target.value)} aria-label="起始年份">
          <option value="">不限</option>{years.map((y) => <option key={y} value={y}>{y}</option>)}
        </select></label>
        <label>到 <select value={toYear} onChange={(e) => setToYear(e.target.value)} aria-label="截止年份">
          <option value="">不限</option>{years.map((y) => <option key={y} value={y}>{y}</option>)}
        </select></label>
        <label>语料 <select value={pack} onChange={(e) => setPack(e.target.value)} aria-label="语料包">
          <option value="">全部</option>{packs.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          <option value={OWN_DOCUMENTS_PACK}>自有语料</option>
        </select></label>
      </div>
      {indexPhase !== 'ready' ? <p className="muted" role="status">提法索引建立后即可浏览提法库。</p>
        : error ? <p className="status-error" role="alert">提法库未能建立：{error}</p>
        : !result ? <p className="muted" role="status">正在整理提法库…</p>
        : <p className="muted" role="status">{list.length ? `${list.length >= LIBRARY_LIST_LIMIT ? `前 ${LIBRARY_LIST_LIMIT}` : list.length} 条（共 ${result.total} 条提法）。点击插入到光标处。` : '没有找到匹配的提法。'}</p>}
      {showFavourites ? (
        <section aria-label="收藏的提法">
          <h3>收藏</h3>
          <ul className="library-list">
            {favourites.map((text) => (
              <li key={text} className="library-row">
                <button type="button" className="library-insert" onClick={() => insertAtCursor(editor, text)}>{text}</button>
                <button type="button" className="library-star is-on" aria-pressed aria-label={`取消收藏「${text}」`} onClick={() => void toggleFavourite(text)}>★</button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ul className="library-list" aria-label="提法">
        {list.map((f) => <FormulationItem key={f.text} editor={editor} f={f} starred={starred.has(f.text)} />)}
      </ul>
      <OwnPhrases editor={editor} />
    </div>
  );
}

export const FORMULATION_LIBRARY_PANEL: SidePanel = { id: 'library', label: '提法库', Panel: FormulationLibraryPanel };
