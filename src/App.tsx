/** The page layout: drafts on the left, the document in the middle, tool panels on the right. */
import { DraftEditor } from './editor/DraftEditor';
import { useDrafts } from './state/drafts';
import { DraftList } from './ui/DraftList';
import { DraftTitle } from './ui/DraftTitle';
import { Notices } from './ui/Notices';
import { SidePanels, type SidePanel } from './ui/SidePanels';
import { StatusBar } from './ui/StatusBar';
import { Toolbar } from './ui/Toolbar';

const SIDE_PANELS: readonly SidePanel[] = [];

export function App() {
  const ready = useDrafts((s) => s.ready);
  const current = useDrafts((s) => s.current);
  return (
    <div className="app">
      <header className="app-header">
        <h1 className="brand">讲稿</h1>
        <Toolbar />
      </header>
      <Notices />
      <div className="workspace">
        <DraftList />
        <main className="desk">
          {current ? (
            <article className="page" key={current.id}>
              <DraftTitle id={current.id} title={current.title} />
              <DraftEditor draft={current} />
            </article>
          ) : (
            <p className="muted loading">{ready ? '没有打开的稿件' : '正在打开稿件…'}</p>
          )}
        </main>
        <SidePanels panels={SIDE_PANELS} />
      </div>
      <StatusBar />
    </div>
  );
}
