/**
 * The page layout: drafts on the left (foldable), the document in the middle, tool panels on the right (a
 * drawer in a narrow window). A side panel is registered by adding it to SIDE_PANELS.
 */
import { DraftEditor } from './editor/DraftEditor';
import { useDrafts } from './state/drafts';
import { useSettings } from './state/settings';
import { DataPanel } from './ui/DataPanel';
import { DraftList } from './ui/DraftList';
import { DraftTitle } from './ui/DraftTitle';
import { DurabilityStatus } from './ui/DurabilityStatus';
import { ExportQuestion } from './ui/ExportQuestion';
import { ExportMenu } from './ui/ExportMenu';
import { FindReplaceBar } from './ui/FindReplaceBar';
import { HistoryPanel } from './ui/HistoryPanel';
import { LengthStatus } from './ui/LengthStatus';
import { Notices } from './ui/Notices';
import { ReadOnlyBanner } from './ui/ReadOnlyBanner';
import { ShortcutsHelp } from './ui/ShortcutsDialog';
import { SidePanelToggle } from './ui/SidePanelToggle';
import { SidePanels, type SidePanel } from './ui/SidePanels';
import { EditorFileDrop } from './ui/suggestion/EditorFileDrop';
import { StatusBar } from './ui/StatusBar';
import { Toolbar } from './ui/Toolbar';
import { STRUCTURE_PANELS } from './ui/structure';
import { FORMULATION_LIBRARY_PANEL } from './ui/checks/FormulationLibrary';
import { PHRASE_PANEL } from './ui/suggestion/PhrasePanel';
import { PhraseIndexStatus } from './ui/suggestion/PhraseIndexStatus';
import { SuggestionToggle } from './ui/suggestion/SuggestionToggle';
import { UpdateNotice } from './ui/UpdateNotice';

const SIDE_PANELS: readonly SidePanel[] = [
  ...STRUCTURE_PANELS,
  PHRASE_PANEL,
  FORMULATION_LIBRARY_PANEL,
  { id: 'history', label: '历史', Panel: HistoryPanel },
  { id: 'data', label: '数据', Panel: DataPanel },
];

export function App() {
  const ready = useDrafts((s) => s.ready);
  const current = useDrafts((s) => s.current);
  const revision = useDrafts((s) => s.revision);
  const editable = useDrafts((s) => s.editable);
  const listCollapsed = useSettings((s) => s.draftListCollapsed);
  const panelOpen = useSettings((s) => s.sidePanelOpen);
  return (
    <div className="app">
      <header className="app-header">
        <h1 className="brand">讲稿</h1>
        <Toolbar>
          <ExportMenu />
          <SuggestionToggle />
          <FindReplaceBar />
          <ShortcutsHelp />
          <SidePanelToggle />
        </Toolbar>
      </header>
      <Notices />
      <EditorFileDrop />
      <div className={`workspace${listCollapsed ? ' is-list-collapsed' : ''}${panelOpen ? ' is-panel-open' : ''}`}>
        <DraftList />
        <main className="desk">
          {current ? (
            <article className="page" key={current.id}>
              {editable ? null : <ReadOnlyBanner />}
              <DraftTitle id={current.id} title={current.title} />
              <DraftEditor key={`${current.id}:${revision}`} draft={current} readOnly={!editable} />
            </article>
          ) : (
            <p className="muted loading">{ready ? '没有打开的稿件' : '正在打开稿件…'}</p>
          )}
        </main>
        <SidePanels panels={SIDE_PANELS} />
      </div>
      <StatusBar>
        <LengthStatus />
        <PhraseIndexStatus />
        <UpdateNotice />
        <DurabilityStatus />
      </StatusBar>
      <ExportQuestion />
    </div>
  );
}
