/** The toolbar's 「面板」 button (narrow windows only) and the side panel's key, which works at every width. */
import { useSettings } from '../state/settings';
import { SIDE_PANEL_KEYS, SIDE_PANELS_ID, toggleSidePanel, useNarrowLayout } from './layout';
import { ToolButton } from './Toolbar';
import { useWindowKeys } from './useWindowKeys';

export function SidePanelToggle() {
  const narrow = useNarrowLayout();
  const open = useSettings((s) => s.sidePanelOpen);
  useWindowKeys(SIDE_PANEL_KEYS.keys, () => toggleSidePanel(narrow));
  if (!narrow) return null;
  return (
    <ToolButton label="工具面板" keys={SIDE_PANEL_KEYS.keys} active={open} controls={SIDE_PANELS_ID} expanded={open} onClick={() => toggleSidePanel(true)}>
      工具面板
    </ToolButton>
  );
}
