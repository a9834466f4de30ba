/**
 * A speech's length in the writer's terms: characters (not counting white space), minutes of delivery at
 * the writer's speaking rate, and progress towards a target given in minutes or in characters.
 */
import { isTargetLength, TARGET_LENGTH_MAX, type TargetLength } from '../state/settings';

/** Characters that count: everything but white space. */
export function countSpeechChars(text: string): number {
  return text.replace(/\s/g, '').length;
}

/** Whole minutes to deliver `chars` at `charsPerMinute`, at least 1 for any text. */
export function speakingMinutes(chars: number, charsPerMinute: number): number {
  return Math.max(1, Math.round(chars / charsPerMinute));
}

/** Minutes to one decimal, for a selection (a paragraph is often under a minute). */
export function speakingMinutesFine(chars: number, charsPerMinute: number): number {
  return Math.round((chars / charsPerMinute) * 10) / 10;
}

/** The target in characters: a target in minutes becomes characters at the speaking rate. */
export function targetChars(target: TargetLength, charsPerMinute: number): number {
  return target.unit === 'chars' ? target.amount : target.amount * charsPerMinute;
}

/** Percent of the target reached (whole number; over 100 when the draft is longer). */
export function targetPercent(chars: number, target: TargetLength, charsPerMinute: number): number {
  return Math.round((chars / targetChars(target, charsPerMinute)) * 100);
}

/** The target as the writer typed it, e.g. 「20 分钟」 or 「6000 字」. */
export function formatTarget(target: TargetLength): string {
  return target.unit === 'minutes' ? `${target.amount} 分钟` : `${target.amount} 字`;
}

/**
 * Reads 「20 分钟」「20分」「20 min」「6000 字」「6000」 (a bare number: 字 when over 600, else minutes);
 * null for an empty string; throws a Chinese message for anything else.
 */
export function parseTarget(input: string): TargetLength | null {
  const text = input.trim().replace(/[，,]/g, '');
  if (!text) return null;
  const match = /^(\d+)\s*(分钟|分|min|字)?$/i.exec(text);
  const amount = match ? Number(match[1]) : NaN;
  if (!match || !(amount > 0)) throw new Error('目标篇幅请写成「20 分钟」或「6000 字」');
  const unit = match[2] === '字' || (!match[2] && amount > TARGET_LENGTH_MAX.minutes) ? 'chars' : 'minutes';
  const target: TargetLength = { unit, amount };
  if (!isTargetLength(target)) throw new Error(`目标篇幅最多 ${TARGET_LENGTH_MAX.minutes} 分钟或 ${TARGET_LENGTH_MAX.chars} 字`);
  return target;
}
