/**
 * The draft's length in the writer's terms: characters (not counting spaces) and how long it takes to
 * deliver, at the pace official speeches are read aloud.
 */
import { useDrafts } from '../state/drafts';

/** Characters per minute of a speech read at a measured pace (讲话稿 are usually timed at 200–250). */
export const SPEAKING_CHARS_PER_MINUTE = 220;

export function speakingMinutes(chars: number): number {
  return Math.max(1, Math.round(chars / SPEAKING_CHARS_PER_MINUTE));
}

export function LengthStatus() {
  const chars = useDrafts((s) => s.drafts.find((d) => d.id === s.current?.id)?.chars ?? 0);
  if (!chars) return null;
  return (
    <span className="length-status" data-length-chars={chars} title={`按每分钟约 ${SPEAKING_CHARS_PER_MINUTE} 字估算`}>
      全文 {chars.toLocaleString('zh-CN')} 字 · 讲约 {speakingMinutes(chars)} 分钟
    </span>
  );
}
