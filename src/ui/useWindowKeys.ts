/** A page-wide shortcut: `run` on a keydown anywhere in the window that matches one of `keys` (keymap notation). */
import { useEffect, useRef } from 'react';
import { matchesKey } from '../editor/keys';
import { isImeKeyEvent } from '../editor/suggestion/keymap';

export function useWindowKeys(keys: readonly string[], run: () => void): void {
  const latest = useRef(run);
  useEffect(() => { latest.current = run; });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // While an IME composes, every key belongs to it.
      if (isImeKeyEvent(e) || !keys.some((key) => matchesKey(e, key))) return;
      e.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [keys]);
}
