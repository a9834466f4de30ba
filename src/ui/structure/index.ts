/**
 * The structure panels for the side-panel area: 模板 (templates), 大纲 (outline) and 检查 (draft check,
 * with a count badge on its tab). Each takes the TipTap `editor` as a prop.
 */
import type { SidePanel } from '../SidePanels';
import { CheckBadge, CheckPanel } from './CheckPanel';
import { OutlinePanel } from './OutlinePanel';
import { TemplatesPanel } from './TemplatesPanel';
import './structure-panels.css';

export { CheckBadge, CheckPanel, OutlinePanel, TemplatesPanel };
export { draftFindings, jumpTo, useDraftFindings, useOutline } from './useDocStructure';

/** The three tabs, in the order the writer uses them while drafting. */
export const STRUCTURE_PANELS: readonly SidePanel[] = [
  { id: 'templates', label: '模板', Panel: TemplatesPanel },
  { id: 'outline', label: '大纲', Panel: OutlinePanel },
  { id: 'check', label: '检查', Panel: CheckPanel, Badge: CheckBadge },
];
