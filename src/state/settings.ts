/**
 * Writer's settings (suggestions on/off, confidence level, draft memory, corpus packs, speaking rate and target
 * length, the layout's open panels) as a zustand store, loaded from
 * and written through to IndexedDB. Components read from here; only this module writes settings.
 */
import { create } from 'zustand';
import { DEFAULT_CONFIDENCE_LEVEL_ID } from '../phrases/levels';
import { openJianggaoDB } from '../storage/db';
import { readSettings, writeSetting, type PersistedSettings, type SettingKey } from '../storage/settings';

export const DEFAULT_SETTINGS: PersistedSettings = {
  suggestionsEnabled: true,
  confidenceLevelId: DEFAULT_CONFIDENCE_LEVEL_ID,
  draftMemoryEnabled: true,
  disabledPacks: [],
  referenceYear: 0,
  lastDraftId: null,
  speakingCharsPerMinute: 220,
  targetLength: null,
  sidePanelOpen: false,
  sidePanelTab: null,
  draftListCollapsed: false,
};

interface SettingsState extends PersistedSettings {
  loaded: boolean;
  load(): Promise<void>;
  set<K extends SettingKey>(key: K, value: PersistedSettings[K]): void;
}

/** The year suggestions are written for: the setting, or this year when it is 0. */
export function effectiveReferenceYear(setting: number, now = new Date()): number {
  return setting > 0 ? setting : now.getFullYear();
}

export const useSettings = create<SettingsState>((setState) => ({
  ...DEFAULT_SETTINGS,
  loaded: false,
  async load() {
    const db = await openJianggaoDB();
    setState({ ...(await readSettings(db, DEFAULT_SETTINGS)), loaded: true });
  },
  set(key, value) {
    setState({ [key]: value } as Partial<SettingsState>);
    void openJianggaoDB().then((db) => writeSetting(db, key, value));
  },
}));

/** The checks and limits of the length settings, for the components that edit them. */
export { isSpeakingRate, isTargetLength, SPEAKING_RATE_RANGE, TARGET_LENGTH_MAX, type TargetLength } from '../storage/settings';
