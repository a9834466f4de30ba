/**
 * The 「提法」 side panel: suggestions on/off, how sure a suggestion must be to show (少而准 … 多而全),
 * whether the draft's own earlier text counts, the year the draft is written for (recency),
 * which corpus packs the index learns from, the index's status and the keys. Writes settings only
 * through `useSettings.set`; the index rebuilds itself when the packs change.
 */
import { yearRangeText, type CorpusPack } from '../../corpus/manifest';
import { CONFIDENCE_LEVELS } from '../../phrases/levels';
import { phraseIndexStatusText, usePhraseIndex } from '../../state/phraseIndex';
import { effectiveReferenceYear, useSettings } from '../../state/settings';
import { suggestionKeyHelp } from '../../editor/suggestion/keymap';
import { KeyList } from '../KeyList';
import type { SidePanel } from '../SidePanels';
import { OwnDocuments } from './OwnDocuments';

const CHARS_PER_WAN = 10_000;
/** Earliest year the writing-year setting offers (the corpus's oldest reports are of 1997–2000). */
const EARLIEST_REFERENCE_YEAR = 1997;

/** 「25 篇 · 48.5 万字 · 2026」: what a pack holds, as its switch shows it. */
function packSummaryText(pack: CorpusPack): string {
  const years = yearRangeText(pack.years);
  return [`${pack.documents} 篇`, `${(pack.chars / CHARS_PER_WAN).toFixed(1)} 万字`, ...(years ? [years] : [])].join(' · ');
}

function PhrasePanelBody() {
  const enabled = useSettings((s) => s.suggestionsEnabled);
  const levelId = useSettings((s) => s.confidenceLevelId);
  const disabledPacks = useSettings((s) => s.disabledPacks);
  const draftMemory = useSettings((s) => s.draftMemoryEnabled);
  const referenceYear = useSettings((s) => s.referenceYear);
  const set = useSettings((s) => s.set);
  const thisYear = effectiveReferenceYear(0);
  const index = usePhraseIndex();
  const packs = index.manifest?.packs ?? [];
  const togglePack = (id: string, on: boolean) =>
    set('disabledPacks', on ? disabledPacks.filter((p) => p !== id) : [...disabledPacks, id]);
  return (
    <div className="phrase-panel">
      <label className="phrase-row">
        <input type="checkbox" checked={enabled} onChange={(e) => set('suggestionsEnabled', e.target.checked)} />
        输入时提示提法
      </label>
      <fieldset className="phrase-levels" disabled={!enabled}>
        <legend>提示多少</legend>
        {CONFIDENCE_LEVELS.map((level) => (
          <label key={level.id} className="phrase-level">
            <input type="radio" name="confidence-level" value={level.id} checked={level.id === levelId}
              onChange={() => set('confidenceLevelId', level.id)} />
            {level.label}
          </label>
        ))}
      </fieldset>
      <label className="phrase-row" title="本稿前面写过的说法，再写到同样的字时提示出来（标为「本稿前文」）">
        <input type="checkbox" checked={draftMemory} disabled={!enabled} onChange={(e) => set('draftMemoryEnabled', e.target.checked)} />
        也从本稿前文学习
      </label>
      <label className="phrase-row" title="提法随年份变化：越接近写作年份的文稿，其说法越优先（修改旧稿时可选旧年份）">
        写作年份
        <select value={referenceYear} disabled={!enabled} onChange={(e) => set('referenceYear', Number(e.target.value))}>
          <option value={0}>今年（{thisYear}）</option>
          {Array.from({ length: thisYear - EARLIEST_REFERENCE_YEAR }, (_, i) => thisYear - 1 - i).map((y) => <option key={y} value={y}>{y} 年</option>)}
        </select>
      </label>
      <fieldset className="phrase-packs">
        <legend>语料</legend>
        {packs.length ? packs.map((pack) => (
          <label key={pack.id} className="phrase-row" title={pack.description} data-pack={pack.id}>
            <input type="checkbox" checked={!disabledPacks.includes(pack.id)} onChange={(e) => togglePack(pack.id, e.target.checked)} />
            {pack.name}<span className="muted">（{packSummaryText(pack)}）</span>
          </label>
        )) : <p className="muted">正在读取语料清单…</p>}
      </fieldset>
      <OwnDocuments />
      <p className={`phrase-status${index.phase === 'error' ? ' status-error' : ' muted'}`}>{phraseIndexStatusText(index)}</p>
      <KeyList entries={suggestionKeyHelp} />
      <p className="muted phrase-note">用输入法打字时，提示会让路：拼音未上屏前不显示、不接受。</p>
    </div>
  );
}

export const PHRASE_PANEL: SidePanel = { id: 'phrases', label: '提法', Panel: PhrasePanelBody };
