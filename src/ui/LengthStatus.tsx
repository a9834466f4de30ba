/**
 * The draft's length in the status bar: characters (not counting spaces), minutes at the writer's speaking
 * rate, progress towards the target length when one is set, and the same for the selection when there is
 * one. The 「篇幅」 button opens the settings for the rate and the target.
 */
import { useEditorState } from '@tiptap/react';
import type { Editor } from '@tiptap/core';
import { useDrafts } from '../state/drafts';
import { useEditorInstance } from '../state/editorInstance';
import { useSettings } from '../state/settings';
import { LengthSettings } from './LengthSettings';
import { countSpeechChars, formatTarget, speakingMinutes, speakingMinutesFine, targetPercent } from './speechLength';

function SelectionLength({ editor, rate }: { editor: Editor; rate: number }) {
  const chars = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const { from, to, empty } = e.state.selection;
      return empty ? 0 : countSpeechChars(e.state.doc.textBetween(from, to, '\n', ' '));
    },
  });
  if (!chars) return null;
  return (
    <span className="selection-length" data-selection-chars={chars}>
      选中 {chars.toLocaleString('zh-CN')} 字 · 约 {speakingMinutesFine(chars, rate)} 分钟
    </span>
  );
}

export function LengthStatus() {
  const chars = useDrafts((s) => s.drafts.find((d) => d.id === s.current?.id)?.chars ?? 0);
  const rate = useSettings((s) => s.speakingCharsPerMinute);
  const target = useSettings((s) => s.targetLength);
  const editor = useEditorInstance((s) => s.editor);
  const percent = target ? targetPercent(chars, target, rate) : null;
  return (
    <span className="length-status-group">
      {editor ? <SelectionLength editor={editor} rate={rate} /> : null}
      {chars ? (
        <span className="length-status" data-length-chars={chars} title={`按每分钟约 ${rate} 字估算`}>
          全文 {chars.toLocaleString('zh-CN')} 字 · 讲约 {speakingMinutes(chars, rate)} 分钟
        </span>
      ) : null}
      {target && percent !== null ? (
        <span className={`length-target${percent >= 100 ? ' is-reached' : ''}`} data-target-percent={percent}>
          <progress max={100} value={Math.min(100, percent)} aria-label={`目标篇幅 ${formatTarget(target)}`} />
          目标 {formatTarget(target)} · {percent}%
        </span>
      ) : null}
      <LengthSettings />
    </span>
  );
}
