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
