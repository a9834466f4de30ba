/**
 * Unfilled placeholders a writer must replace before a speech leaves the desk: XX / XXX, ××, **, *,
 * ○○ and template variables {{名称}}. Pure. The rule is to flag what is certainly a placeholder and
 * nothing else: 「3*4」, 「X光」, 「XXL」 and the years 「二〇〇二」「二○○二」 are ordinary text.
 */

export interface PlaceholderMatch {
  from: number;
  to: number;
  text: string;
}

const PLACEHOLDER_PATTERNS: readonly RegExp[] = [
  /\{\{[^{}\n]{0,40}\}\}/g,
  // Two or more X, not part of a Latin word (XXL, TEXX).
  /(?<![A-WYZa-wyzＡ-ＷＹＺａ-ｗｙｚ])[XxＸｘ]{2,}(?![A-WYZa-wyzＡ-ＷＹＺａ-ｗｙｚ])/g,
  /[×╳]{2,}/g,
  // Asterisks, except a multiplication between numbers or letters (3*4, a*b).
  /(?<![0-9A-Za-z][ ]?)[*＊]+|[*＊]+(?![ ]?[0-9A-Za-z])/g,
  // Circles and squares standing for a name; not the ○ of a year written 二○○二.
  /(?<![一二三四五六七八九十〇○零])[○□]{2,}(?![一二三四五六七八九十〇○零])/g,
];

/** Every placeholder in `text`, in order, without overlaps. */
export function findPlaceholders(text: string): PlaceholderMatch[] {
  const found: PlaceholderMatch[] = [];
  for (const pattern of PLACEHOLDER_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      found.push({ from: match.index, to: match.index + match[0].length, text: match[0] });
    }
  }
  found.sort((a, b) => a.from - b.from || b.to - a.to);
  const result: PlaceholderMatch[] = [];
  for (const match of found) {
    const last = result[result.length - 1];
    if (last && match.from < last.to) continue;
    result.push(match);
  }
  return result;
}
