/**
 * Sections as ranges of blocks: a heading owns every block after it up to the next heading of the same
 * or a higher level. Owns the outline tree and the plans for moving a section (with its content) up, down
 * or to another place. Pure: works on the list of block levels, the editor turns a plan into one step.
 */
import type { SectionLevel } from './levels';

/** A block's level if it is a section heading, else null. */
export type BlockLevels = ReadonlyArray<SectionLevel | null | undefined>;

/** The index just past the section that starts at `index` (the heading there and all its content). */
export function sectionEnd(levels: BlockLevels, index: number): number {
  const level = levels[index];
  if (!level) return index + 1;
  let end = index + 1;
  while (end < levels.length) {
    const next = levels[end];
    if (next && next <= level) break;
    end++;
  }
  return end;
}

/** Move the blocks `[from, to)` so that they stand just before block `before` (an index in the unmoved list). */
export interface BlockMove {
  from: number;
  to: number;
  before: number;
}

/** Swap the section at `index` with its previous (`up`) or next (`down`) sibling; null when it has none. */
export function planSectionMove(levels: BlockLevels, index: number, direction: 'up' | 'down'): BlockMove | null {
  const level = levels[index];
  if (!level) return null;
  const end = sectionEnd(levels, index);
  if (direction === 'down') {
    if (levels[end] !== level) return null;
    return { from: index, to: end, before: sectionEnd(levels, end) };
  }
  for (let i = index - 1; i >= 0; i--) {
    const previous = levels[i];
    if (!previous || previous > level) continue;
    return previous === level ? { from: index, to: end, before: i } : null;
  }
  return null;
}

/** Move the section at `index` to just before block `target` (or to the end when `target` is the length); null if that is inside itself or no move. */
export function planSectionDrop(levels: BlockLevels, index: number, target: number): BlockMove | null {
  if (!levels[index]) return null;
  const end = sectionEnd(levels, index);
  if (target >= index && target <= end) return null;
  return { from: index, to: end, before: target };
}

/** The order of block indices after a move; for tests and for previews. */
export function applyBlockMove<T>(items: readonly T[], move: BlockMove): T[] {
  const moved = items.slice(move.from, move.to);
  const rest = [...items.slice(0, move.from), ...items.slice(move.to)];
  const at = move.before > move.from ? move.before - (move.to - move.from) : move.before;
  return [...rest.slice(0, at), ...moved, ...rest.slice(at)];
}

export interface OutlineEntry {
  /** Index of the heading's block. */
  block: number;
  level: SectionLevel;
  number: string;
  title: string;
}

export interface OutlineNode extends OutlineEntry {
  children: OutlineNode[];
}

/** Nests the headings into a tree; a heading that skips a level (一、 then 1.) hangs under the nearest higher one. */
export function buildOutlineTree(entries: readonly OutlineEntry[]): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  for (const entry of entries) {
    const node: OutlineNode = { ...entry, children: [] };
    while (stack.length && stack[stack.length - 1].level >= entry.level) stack.pop();
    (stack.length ? stack[stack.length - 1].children : roots).push(node);
    stack.push(node);
  }
  return roots;
}
