/**
 * The date of a speech from its text: the dateline under the title 「（2017年3月15日）」, else the first
 * 「2023年3月」 or 「2023年3月15日」 near the top, else the file's own date. Years outside 1949..next year are ignored.
 */

/** How far into the text a date is looked for (characters): the dateline sits under the title. */
export const DATE_SEARCH_CHARS = 600;

const CN_DIGITS: Record<string, string> = { '〇': '0', '零': '0', 'О': '0', 'Ｏ': '0', 'o': '0', '一': '1', '二': '2', '三': '3', '四': '4', '五': '5', '六': '6', '七': '7', '八': '8', '九': '9' };

/** 「二〇一七」 → 2017; full-width digits → ASCII. */
function yearNumber(raw: string): number {
  const ascii = raw.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[〇零ОＯo一二三四五六七八九]/g, (c) => CN_DIGITS[c]);
  return Number(ascii);
}

/** 「十二」 → 12, 「3」 → 3. */
function smallNumber(raw: string): number {
  const ascii = raw.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(ascii)) return Number(ascii);
  const m = /^([一二三]?)(十?)([一二三四五六七八九]?)$/.exec(raw);
  if (!m || (!m[1] && !m[2] && !m[3])) return NaN;
  const tens = m[2] ? (m[1] ? Number(CN_DIGITS[m[1]]) : 1) : 0;
  const ones = m[3] ? Number(CN_DIGITS[m[3]]) : (m[2] ? 0 : Number(CN_DIGITS[m[1]] ?? 0));
  return tens * 10 + ones;
}

const YEAR = '([12１２][0-9０-９]{3}|[一二][〇零ОＯo一二三四五六七八九]{3})';
const SMALL = '([0-9０-９]{1,2}|[一二三]?十?[一二三四五六七八九]?)';
const DATELINE = new RegExp(`[（(]\\s*${YEAR}\\s*年\\s*${SMALL}\\s*月\\s*${SMALL}\\s*日\\s*[）)]`);
const FULL_DATE = new RegExp(`${YEAR}\\s*年\\s*${SMALL}\\s*月(?:\\s*${SMALL}\\s*日)?`);

export interface DetectedDate { date: string; year: number; fromText: boolean }

const pad = (n: number) => String(n).padStart(2, '0');

function plausible(year: number, now: Date): boolean {
  return year >= 1949 && year <= now.getFullYear() + 1;
}

/** The speech's date from its text, else from `fallbackMs` (the file's lastModified). */
export function detectDate(text: string, fallbackMs: number, now = new Date()): DetectedDate {
  const head = text.slice(0, DATE_SEARCH_CHARS);
  for (const pattern of [DATELINE, FULL_DATE]) {
    const m = pattern.exec(head);
    if (!m) continue;
    const year = yearNumber(m[1]);
    const month = smallNumber(m[2]);
    const day = m[3] ? smallNumber(m[3]) : NaN;
    if (!plausible(year, now) || !(month >= 1 && month <= 12)) continue;
    const date = day >= 1 && day <= 31 ? `${year}-${pad(month)}-${pad(day)}` : `${year}-${pad(month)}`;
    return { date, year, fromText: true };
  }
  const file = new Date(Number.isFinite(fallbackMs) && fallbackMs > 0 ? fallbackMs : now.getTime());
  return { date: `${file.getFullYear()}-${pad(file.getMonth() + 1)}-${pad(file.getDate())}`, year: file.getFullYear(), fromText: false };
}

/** A date the writer typed: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (also with 年月日 or slashes), or null. */
export function parseDateInput(input: string): { date: string; year: number } | null {
  const m = /^\s*(\d{4})(?:\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2})\s*日?)?\s*月?)?\s*年?\s*$/.exec(input);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1949 || year > 2100) return null;
  if (!m[2]) return { date: String(year), year };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (!m[3]) return { date: `${year}-${pad(month)}`, year };
  const day = Number(m[3]);
  if (day < 1 || day > 31) return null;
  return { date: `${year}-${pad(month)}-${pad(day)}`, year };
}
