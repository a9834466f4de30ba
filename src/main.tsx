import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { flushDraftsOnPageHide, useDrafts } from './state/drafts';
import { ensurePhraseIndex } from './state/phraseIndex';
import './ui/styles.css';

flushDraftsOnPageHide(window);
void useDrafts.getState().init();
// The phrase index builds in its worker from the start, while the writer already types.
ensurePhraseIndex();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
