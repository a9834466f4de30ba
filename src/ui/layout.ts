/**
 * The page's layout rules: below NARROW_LAYOUT_QUERY the side panel is a drawer the writer opens (toolbar
 * button or SIDE_PANEL_KEYS) instead of a column always shown. Open/closed, the last tab and the folded
 * draft list are settings, so they survive a reload. The focus goes into the panel when it is opened by
 * the writer and back where it was when it is closed.
 */
import { useSyncExternalStore } from 'react';
import type { KeyHelp } from '../editor/keys';
import { useEditorInstance } from '../state/editorInstance';
import { useSettings } from '../state/settings';

/** Must match the `@media` rule of the narrow layout in styles.css. */
export const NARROW_LAYOUT_QUERY = '(max-width: 1100px)';

/** The side panel's key: opens / closes the drawer (narrow), or moves into the panel and back (wide). */
export const SIDE_PANEL_KEYS: KeyHelp = { keys: ['Mod-Alt-p'], action: '打开 / 关闭工具面板（窄窗口中为抽屉；Esc 关闭并回到原处）' };

export const SIDE_PANELS_ID = 'side-panels';

function subscribeNarrow(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW_LAYOUT_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** True while the window is below the breakpoint. */
export function useNarrowLayout(): boolean {
  return useSyncExternalStore(subscribeNarrow, () => window.matchMedia(NARROW_LAYOUT_QUERY).matches, () => false);
}

/** Where the focus was when the writer moved into the panel; it goes back there on Esc or close. */
let returnTo: Element | null = null;
/** Set when the writer asked for the panel: it takes the focus once it is drawn. */
let focusRequested = false;

/** Puts the focus back on `target`: the editor gets it at once, with its selection (see ShortcutsDialog). */
export function returnFocus(target: Element | null): void {
  const editor = useEditorInstance.getState().editor;
  // view.focus() at once, not the focus command: that one waits a frame, and keys typed meanwhile land at
  // the old caret while the restored selection then jumps back before them.
  if (editor && target && editor.view.dom.contains(target)) editor.view.focus();
  else if (target instanceof HTMLElement && target.isConnected) target.focus();
  else editor?.view.focus();
}

/** Opens the panel (the drawer, when narrow) and asks for the focus to move into it. */
export function openSidePanel(): void {
  const active = document.activeElement;
  if (!active?.closest(`#${SIDE_PANELS_ID}`)) returnTo = active;
  focusRequested = true;
  if (!useSettings.getState().sidePanelOpen) useSettings.getState().set('sidePanelOpen', true);
  else window.dispatchEvent(new Event(SIDE_PANEL_FOCUS_EVENT));
}

/** Closes the drawer (when narrow) and puts the focus back where it was before the panel was opened. */
export function closeSidePanel(narrow: boolean): void {
  if (narrow && useSettings.getState().sidePanelOpen) useSettings.getState().set('sidePanelOpen', false);
  const target = returnTo;
  returnTo = null;
  returnFocus(target);
}

/** The toolbar button and the key: in a narrow window they toggle the drawer; in a wide one they go into the panel and out. */
export function toggleSidePanel(narrow: boolean): void {
  const inside = !!document.activeElement?.closest(`#${SIDE_PANELS_ID}`);
  if (narrow ? useSettings.getState().sidePanelOpen : inside) closeSidePanel(narrow);
  else openSidePanel();
}

/** Fired when an already open panel should take the focus. */
export const SIDE_PANEL_FOCUS_EVENT = 'jianggao:side-panel-focus';

/** True once per request: the panel calls this after drawing and focuses its active tab when it is true. */
export function takeFocusRequest(): boolean {
  const requested = focusRequested;
  focusRequested = false;
  return requested;
}
