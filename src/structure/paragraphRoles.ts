/**
 * How a paragraph of a speech is laid out when it is not plain body text: a salutation line
 * (「同志们：」「各位领导、同志们：」) starts at the left margin, the speaker and date lines under the title
 * (「XXX」「（2026年X月X日）」) are centred, and a run-in heading (「（一）层层传达学习。一是……」) takes the
 * heading font for its first sentence only. Shared by the editor (decorations) and the Word export. Pure.
 */

/** Longest line still read as a salutation, in characters. */
export const MAX_SALUTATION_CHARS = 20;
/** Longest line still read as a speaker line (a name, perhaps with the office before it), in characters. */
export const MAX_SPEAKER_CHARS = 20;

const ADDRESSEES = /同志|代表|委员|领导|朋友|各位|来宾|嘉宾|老师|同学|女士|先生|干部|职工/;

/** A short line ending in ：/: that addresses people: 「同志们：」「各位代表：」「各位领导、同志们：」. */
export function isSalutation(text: string): boolean {
  const line = text.trim();
  return line.length > 1 && line.length <= MAX_SALUTATION_CHARS && /[：:]$/.test(line) && ADDRESSEES.test(line);
}

const DATE_DIGIT = '[0-9０-９XxＸ×〇○零一二三四五六七八九十]';
const DATE_LINE = new RegExp(`^[（(]?\\s*${DATE_DIGIT}{2,4}\\s*年\\s*${DATE_DIGIT}{1,3}\\s*月\\s*${DATE_DIGIT}{1,3}\\s*日\\s*[)）]?$`);

/** The date line of a speech: 「（2026年1月5日）」, 「（2026年X月X日）」, 「二〇二六年一月五日」. */
export function isDateLine(text: string): boolean {
  const line = text.trim();
  // Brackets come in pairs or not at all.
  if (/^[（(]/.test(line) !== /[)）]$/.test(line)) return false;
  return DATE_LINE.test(line);
}

/** A line shaped like a speaker's name: short, no sentence punctuation (「张三」「XXX」「县委书记 张三」). */
function isSpeakerShape(text: string): boolean {
  const line = text.trim();
  return line.length > 0 && line.length <= MAX_SPEAKER_CHARS && !/[。，；：！？、,.;:!?“”"「」《》（）()]/.test(line);
}

export type LeadingLineRole = 'speaker' | 'date';

/**
 * The speaker and date lines among a document's first blocks (after its title). `lines` are the texts of
 * the top-level blocks in order, null for a block that is not a plain paragraph. A date line counts when it
 * is the first non-empty block, or follows the speaker line; a speaker line counts only when a date line or
 * a salutation follows it, so a short first line being typed is not taken for a name.
 */
export function leadingLineRoles(lines: ReadonlyArray<string | null>): Map<number, LeadingLineRole> {
  const roles = new Map<number, LeadingLineRole>();
  const nextNonEmpty = (from: number) => {
    let i = from;
    while (i < lines.length && lines[i] !== null && lines[i]!.trim() === '') i += 1;
    return i < lines.length && lines[i] !== null ? i : -1;
  };
  const first = nextNonEmpty(0);
  if (first < 0) return roles;
  if (isDateLine(lines[first]!)) {
    roles.set(first, 'date');
    return roles;
  }
  if (!isSpeakerShape(lines[first]!)) return roles;
  const second = nextNonEmpty(first + 1);
  if (second < 0) return roles;
  if (isDateLine(lines[second]!)) {
    roles.set(first, 'speaker');
    roles.set(second, 'date');
  } else if (isSalutation(lines[second]!)) {
    roles.set(first, 'speaker');
  }
  return roles;
}

/**
 * Where the title sentence of a run-in heading ends (「（一）提高质量。正文……」 → after 。): after the first
 * 。！？ that has more text after it; null when the heading is only a title.
 */
export function runInTitleLength(text: string): number | null {
  const match = /[。！？]/.exec(text);
  return match && match.index + 1 < text.trimEnd().length ? match.index + 1 : null;
}

export type ParagraphRole = 'salutation' | LeadingLineRole;

/** A top-level block as the layout rules see it: the document's title, a plain paragraph, or anything else. */
export interface RoleBlock { kind: 'title' | 'paragraph' | 'other'; text: string }

/** The role of each top-level block (null for body text); a title block at the start is passed over. */
export function paragraphRoles(blocks: readonly RoleBlock[]): Array<ParagraphRole | null> {
  const start = blocks[0]?.kind === 'title' ? 1 : 0;
  const rest = blocks.slice(start);
  const roles: Array<ParagraphRole | null> = blocks.map((block) => (block.kind === 'paragraph' && isSalutation(block.text) ? 'salutation' : null));
  for (const [i, role] of leadingLineRoles(rest.map((block) => (block.kind === 'paragraph' ? block.text : null)))) roles[start + i] = role;
  return roles;
}
