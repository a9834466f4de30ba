/** The toolbar switch for phrase suggestions (提法提示 on/off), persisted in the settings. */
import { useSettings } from '../../state/settings';

export function SuggestionToggle() {
  const enabled = useSettings((s) => s.suggestionsEnabled);
  const set = useSettings((s) => s.set);
  return (
    <button type="button" className={`tool${enabled ? ' is-active' : ''}`} aria-pressed={enabled}
      title={enabled ? '提法提示已开启：Tab 接受，Alt+↓ 候选，Esc 隐藏' : '提法提示已关闭'}
      onMouseDown={(e) => e.preventDefault()} onClick={() => set('suggestionsEnabled', !enabled)}>
      提法提示
    </button>
  );
}
