/**
 * Template variables: `{{会议名称}}` in a body is a field the writer fills on insertion. A field left
 * empty stays in the text as the visible placeholder `{{会议名称}}` (and the draft check lists it). Pure.
 */

/** Longest variable name accepted, in characters. */
export const MAX_VARIABLE_NAME_CHARS = 30;

const VARIABLE_PATTERN = new RegExp(`\\{\\{\\s*([^{}\\n]{1,${MAX_VARIABLE_NAME_CHARS}}?)\\s*\\}\\}`, 'g');

/** The distinct variable names of `body`, in order of first appearance. */
export function parseVariables(body: string): string[] {
  const names: string[] = [];
  for (const match of body.matchAll(VARIABLE_PATTERN)) {
    const name = match[1].trim();
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

/** Replaces each `{{名称}}` whose value is non-empty; empty or missing values keep the placeholder. */
export function fillVariables(body: string, values: Readonly<Record<string, string>>): string {
  return body.replace(VARIABLE_PATTERN, (_whole, rawName: string) => {
    const value = values[rawName.trim()]?.replace(/\s*\n\s*/g, ' ').trim();
    return value ? value : `{{${rawName.trim()}}}`;
  });
}

/** A piece of a template's preview: plain text, or the name of a variable to fill. */
export interface PreviewPart { text: string; variable: boolean }

/**
 * The first `maxLines` non-empty lines of `body` as one line of preview, for the template cards: lines
 * joined by a space, each `{{名称}}` given as the variable's name (the card marks it), no markup left.
 */
export function templatePreview(body: string, maxLines: number): PreviewPart[] {
  const line = body.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, maxLines).join(' ');
  const parts: PreviewPart[] = [];
  let at = 0;
  for (const match of line.matchAll(VARIABLE_PATTERN)) {
    if (match.index > at) parts.push({ text: line.slice(at, match.index), variable: false });
    parts.push({ text: match[1].trim(), variable: true });
    at = match.index + match[0].length;
  }
  if (at < line.length) parts.push({ text: line.slice(at), variable: false });
  return parts;
}
