/**
 * The 「篇幅」 settings, opened from the status bar: the speaking rate (120–300 字/分) and the target length
 * (「20 分钟」 or 「6000 字」, empty for none). A value is saved when it is valid; otherwise a Chinese message
 * says why and the saved value stays.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { isSpeakingRate, SPEAKING_RATE_RANGE, useSettings } from '../state/settings';
import { formatTarget, parseTarget } from './speechLength';

function LengthForm({ onClose }: { onClose(): void }) {
  const rate = useSettings((s) => s.speakingCharsPerMinute);
  const target = useSettings((s) => s.targetLength);
  const [rateText, setRateText] = useState(String(rate));
  const [targetText, setTargetText] = useState(target ? formatTarget(target) : '');
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();
  const firstRef = useRef<HTMLInputElement>(null);
  useEffect(() => firstRef.current?.focus(), []);

  const save = () => {
    const nextRate = Number(rateText);
    if (!isSpeakingRate(nextRate)) {
      setError(`语速请填 ${SPEAKING_RATE_RANGE.min}–${SPEAKING_RATE_RANGE.max} 之间的整数（字/分）`);
      return;
    }
    let nextTarget;
    try {
      nextTarget = parseTarget(targetText);
    } catch (e) {
      setError((e as Error).message);
      return;
    }
    const { set } = useSettings.getState();
    set('speakingCharsPerMinute', nextRate);
    set('targetLength', nextTarget);
    onClose();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') { event.preventDefault(); event.stopPropagation(); onClose(); }
  };

  return (
    <form className="popover length-settings" role="dialog" noValidate aria-labelledby={headingId} onKeyDown={onKeyDown}
      onSubmit={(e) => { e.preventDefault(); save(); }}>
      <h2 id={headingId}>篇幅</h2>
      <label>
        <span>语速（字/分）</span>
        <input ref={firstRef} type="number" inputMode="numeric" min={SPEAKING_RATE_RANGE.min} max={SPEAKING_RATE_RANGE.max} step={1}
          value={rateText} onChange={(e) => setRateText(e.target.value)} />
      </label>
      <label>
        <span>目标篇幅</span>
        <input type="text" placeholder="如 20 分钟 或 6000 字" value={targetText} onChange={(e) => setTargetText(e.target.value)} />
      </label>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      <div className="button-row">
        <button type="submit" className="primary">确定</button>
        <button type="button" onClick={onClose}>取消</button>
      </div>
    </form>
  );
}

export function LengthSettings() {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  return (
    <span className="menu-anchor">
      <button type="button" className="status-button" ref={buttonRef} aria-expanded={open} onClick={() => (open ? close() : setOpen(true))}>篇幅</button>
      {open ? <LengthForm onClose={close} /> : null}
    </span>
  );
}
