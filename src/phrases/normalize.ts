/**
 * Normalisation of text for matching. Owns the mapping of variants that a writer perceives as the same
 * character (half-width and full-width punctuation, full-width digits and Latin letters, straight quotes)
 * onto one code, and the paragraph and sentence boundary characters.
 *
 * The mapping is one UTF-16 code unit to one code unit, so a position in the normalised text is the same
 * position in the text the writer sees: the engine matches on normalised codes and shows the original.
 * Line endings are the one exception (`\r\n` → `\n`), applied to the stored text itself by `cleanText`.
 * Province names are matched as one slot (`places.ts`).
 * Pure functions, no DOM.
 */

import { maskPlaceNames } from './places';

/** Separates documents in the concatenated index text; never occurs in a normalised document. */
export const DOC_SEPARATOR_CODE = 1;
/** Paragraph break: matches and suggestions never run across it. */
export const PARAGRAPH_BREAK = '\n';
export const PARAGRAPH_BREAK_CODE = 10;
/** A suggestion stops after one of these (sentence ends, in the words). */
export const SENTENCE_END_CHARS = '。！？；';

const HALF_TO_FULL_PUNCTUATION: Record<string, string> = {
  ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）',
  '﹐': '，', '﹑': '、', '﹔': '；', '﹕': '：', '﹖': '？', '﹗': '！', '｡': '。', '､': '、',
  '\u3000': ' ', '\t': ' ',
};

/** Line endings to `\n`; the text the writer sees keeps everything else. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Normalised code of one code unit other than a straight quote. */
function foldCode(code: number): number {
  if (code >= 0xff10 && code <= 0xff19) return code - 0xff10 + 48; // ０-９
  if (code >= 0xff21 && code <= 0xff3a) return code - 0xff21 + 65; // Ａ-Ｚ
  if (code >= 0xff41 && code <= 0xff5a) return code - 0xff41 + 97; // ａ-ｚ
  if (code < 32 && code !== PARAGRAPH_BREAK_CODE) return 32; // control characters read as a space
  const mapped = HALF_TO_FULL_PUNCTUATION[String.fromCharCode(code)];
  return mapped === undefined ? code : mapped.charCodeAt(0);
}

// Every code unit's folded code, computed once: normalisation runs over every query's window.
const FOLDED = new Uint16Array(0x10000);
for (let c = 0; c < 0x10000; c++) FOLDED[c] = foldCode(c);
// The other code units that fold onto a code (「,」 for 「，」, 「１」 for 「1」): most codes have none.
const FOLDED_FROM = new Map<number, number[]>();
for (let c = 0; c < 0x10000; c++) if (FOLDED[c] !== c) FOLDED_FROM.set(FOLDED[c], [...(FOLDED_FROM.get(FOLDED[c]) ?? []), c]);

/**
 * Folded code of one code unit: width and punctuation variants onto one code, like `normalizeCodes`, but
 * straight quotes stay as they are (no open/close state) — for comparing a text with itself.
 */
export function foldedCode(code: number): number {
  return FOLDED[code];
}

/** The characters that fold onto the same code as `code`, itself included. */
export function foldVariants(code: number): string[] {
  const folded = FOLDED[code];
  return [folded, ...(FOLDED_FROM.get(folded) ?? [])].map((c) => String.fromCharCode(c));
}

const PUNCTUATION = /[\p{P}\p{S}\s]/u;
/** What `PUNCTUATION` said of each code unit asked so far (0 = not asked, 1 = no, 2 = yes): queries ask per character. */
const punctuationMemo = new Uint8Array(0x10000);

/** True for a punctuation mark, a symbol or white space (`\p{P}`, `\p{S}`, `\s`). */
export function isPunctuationCode(code: number): boolean {
  let known = punctuationMemo[code];
  if (known === 0) punctuationMemo[code] = known = PUNCTUATION.test(String.fromCharCode(code)) ? 2 : 1;
  return known === 2;
}

/** Normalised code of one code unit; `quoteOpen` tells how a straight `"` is read at this point. */
function normalizeCode(code: number, quoteOpen: boolean): number {
  if (code === 34) return quoteOpen ? 0x201d : 0x201c; // " → “ or ”
  if (code === 39) return quoteOpen ? 0x2019 : 0x2018; // ' → ‘ or ’
  return FOLDED[code];
}

/**
 * Normalised codes of `text` written into `out` from `offset`; straight quotes alternate open/close,
 * restarting at each paragraph. Returns the number of codes written (always `text.length`).
 */
export function normalizeInto(text: string, out: Uint16Array, offset: number): number {
  let doubleOpen = false;
  let singleOpen = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === PARAGRAPH_BREAK_CODE) {
      doubleOpen = false;
      singleOpen = false;
      out[offset + i] = code;
      continue;
    }
    const n = normalizeCode(code, code === 34 ? doubleOpen : singleOpen);
    if (code === 34) doubleOpen = !doubleOpen;
    if (code === 39) singleOpen = !singleOpen;
    out[offset + i] = n;
  }
  maskPlaceNames(text, out, offset);
  return text.length;
}

/** Normalised codes of a string (a query context). */
export function normalizeCodes(text: string): Uint16Array {
  const out = new Uint16Array(text.length);
  normalizeInto(text, out, 0);
  return out;
}

/** The current paragraph's text before the cursor: everything after the last line break. */
export function currentParagraph(textBeforeCursor: string): string {
  const cut = Math.max(textBeforeCursor.lastIndexOf('\n'), textBeforeCursor.lastIndexOf('\r'));
  return cut < 0 ? textBeforeCursor : textBeforeCursor.slice(cut + 1);
}
