// First, so that the phrase worker and the index's reads start before the rest of the app is evaluated.
import './state/phraseIndexStart';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { flushDraftsOnPageHide, useDrafts } from './state/drafts';
import './ui/styles.css';

flushDraftsOnPageHide(window);
void useDrafts.getState().init();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
