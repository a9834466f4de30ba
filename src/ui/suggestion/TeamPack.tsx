/**
 * 团队包: export the chosen parts of the writer's data as one .jgpack file for colleagues, and import one:
 * a preview of what it holds and what will be added, replaced or skipped, merged only on 确认合并.
 * A bad file (truncated, foreign, newer, tampered) is refused in Chinese and nothing changes.
 */
import { useState } from 'react';
import { readTeamPack, TEAM_PACK_EXTENSION, TeamPackError, writeTeamPack } from '../../files/teamPack';
import { applyTeamPack, collectTeamPack, packSectionKinds, planTeamPack, type SectionPlan } from '../../state/teamPack';
import { showToast } from '../../state/toasts';
import { downloadFile, readPickedFile } from '../download';
import { version as PRODUCT_VERSION } from '../../../package.json';

export function TeamPack() {
  const kinds = packSectionKinds();
  const [chosen, setChosen] = useState<string[]>(kinds.map((k) => k.id));
  const [plan, setPlan] = useState<{ name: string; sections: SectionPlan[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const exportPack = async () => {
    setBusy(true);
    try {
      const sections = await collectTeamPack(chosen);
      const bytes = await writeTeamPack(sections, PRODUCT_VERSION);
      const day = new Date().toISOString().slice(0, 10);
      downloadFile(`讲稿团队包-${day}${TEAM_PACK_EXTENSION}`, new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), 'application/zip');
      showToast(`已导出团队包：${sections.map((s) => `${s.label} ${s.items.length} 项`).join('、')}。`);
    } finally {
      setBusy(false);
    }
  };

  const openPack = async (file: File | undefined) => {
    setError(null);
    setPlan(null);
    if (!file) return;
    try {
      const pack = await readTeamPack(await readPickedFile(file));
      setPlan({ name: file.name, sections: await planTeamPack(pack.sections) });
    } catch (e) {
      setError(e instanceof TeamPackError ? e.message : `无法读取团队包：${e instanceof Error ? e.message : String(e)}，未做任何更改。`);
    }
  };

  const confirm = async () => {
    if (!plan) return;
    setBusy(true);
    try {
      await applyTeamPack(plan.sections);
      const added = plan.sections.reduce((n, s) => n + s.add, 0);
      const replaced = plan.sections.reduce((n, s) => n + s.replace, 0);
      showToast(`已合并团队包：新增 ${added} 项，替换 ${replaced} 项。`);
      setPlan(null);
    } catch (e) {
      setError(`合并失败，未做任何更改：${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="team-pack" data-team-pack>
      <strong>团队包</strong>
      <div className="phrase-row">
        {kinds.map((k) => (
          <label key={k.id}>
            <input type="checkbox" checked={chosen.includes(k.id)} onChange={(e) => setChosen(e.target.checked ? [...chosen, k.id] : chosen.filter((c) => c !== k.id))} />{k.label}
          </label>
        ))}
      </div>
      <div className="button-row">
        <button type="button" disabled={busy || !chosen.length} onClick={() => void exportPack()}>导出团队包</button>
        <label className="file-button">导入团队包<input type="file" accept={`${TEAM_PACK_EXTENSION},application/zip`} hidden aria-label="导入团队包"
          onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; void openPack(f); }} /></label>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {plan && (
        <div className="team-pack-plan" data-pack-plan>
          <p>团队包「{plan.name}」包含：</p>
          <ul>
            {plan.sections.map((s) => (
              <li key={s.id} data-pack-section={s.id}>
                {s.label}：新增 {s.add}，替换 {s.replace}，跳过 {s.skip}
                {s.notes.length > 0 && <ul className="muted">{s.notes.map((n, i) => <li key={i}>{n}</li>)}</ul>}
              </li>
            ))}
          </ul>
          <div className="button-row">
            <button type="button" disabled={busy} onClick={() => void confirm()}>确认合并</button>
            <button type="button" onClick={() => setPlan(null)}>取消</button>
          </div>
        </div>
      )}
    </div>
  );
}
