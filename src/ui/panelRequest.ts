/** Asking the side-panel area to show one of its panels (e.g. 检查 from the export question). */
import { useSettings } from '../state/settings';
import { openSidePanel } from './layout';

/** Selects the panel `id` and opens the side panel (the drawer, in a narrow window) with the focus in it. */
export function requestPanel(id: string): void {
  useSettings.getState().set('sidePanelTab', id);
  openSidePanel();
}
