/**
 * Find and replace in the draft: where a text occurs (never across paragraphs), and the replace-all
 * transaction (one undo step). Used by ui/FindReplaceBar; typical use is filling a placeholder such as
 * 「XX县」 everywhere at once.
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import type { EditorState, Transaction } from '@tiptap/pm/state';

export interface TextMatch { from: number; to: number }

/** Inline nodes that are not text count as one character (U+FFFC), so offsets map to positions one to one. */
const LEAF_PLACEHOLDER = '\ufffc';

/** Every occurrence of `query` in the textblocks of `doc`, in document order. */
export function findMatches(doc: PMNode, query: string): TextMatch[] {
  if (!query) return [];
  const matches: TextMatch[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const text = node.textBetween(0, node.content.size, undefined, LEAF_PLACEHOLDER);
    for (let at = text.indexOf(query); at >= 0; at = text.indexOf(query, at + query.length)) {
      matches.push({ from: pos + 1 + at, to: pos + 1 + at + query.length });
    }
    return false;
  });
  return matches;
}

/** Replaces every occurrence in one transaction (null when there is none). */
export function replaceAllTransaction(state: EditorState, query: string, replacement: string): Transaction | null {
  const matches = findMatches(state.doc, query);
  if (!matches.length) return null;
  const tr = state.tr;
  for (const { from, to } of [...matches].reverse()) {
    if (replacement) tr.insertText(replacement, from, to);
    else tr.delete(from, to);
  }
  return tr;
}

/** The first match at or after `pos`, wrapping to the first one. */
export function nextMatch(matches: readonly TextMatch[], pos: number): TextMatch | undefined {
  return matches.find((m) => m.from >= pos) ?? matches[0];
}
