/**
 * The bridge from the open editor to the checks store: schedules a check after edits (the store waits for
 * the pause), and places the findings of the last check at document positions — a finding whose text is
 * no longer at its place (the draft changed since) is left out until the next check answers.
 */
import type { Editor } from '@tiptap/core';
import { useEffect, useMemo } from 'react';
import { docTextblocks } from '../../editor/structure';
import { isProblem, scheduleCheck, useChecks, visibleFindings, type CheckFinding } from '../../state/checks';
import { useDrafts } from '../../state/drafts';
import { useDocRevision } from '../structure/useDocStructure';

export interface PlacedCheck {
  finding: CheckFinding;
  from: number;
  to: number;
}

/** The draft's text as the checks read it (textblocks joined by `\n`) and where each block starts in it and in the document. */
export function draftText(editor: Editor): { text: string; offsets: number[]; starts: number[] } {
  const { blocks, starts } = docTextblocks(editor.state.doc);
  const offsets: number[] = [];
  let at = 0;
  for (const b of blocks) {
    offsets.push(at);
    at += b.text.length + 1;
  }
  return { text: blocks.map((b) => b.text).join('\n'), offsets, starts };
}

/** Document position of text offset `offset` (offsets are block offsets plus the characters into the block). */
function positionOf(offsets: readonly number[], starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return (starts[lo] ?? 1) + offset - (offsets[lo] ?? 0);
}

/** Keeps the checks of `editor`'s draft current: a check is asked after each edit settles (see CHECK_IDLE_MS). */
export function useProofreadScheduling(editor: Editor): void {
  const draftId = useDrafts((s) => s.current?.id ?? null);
  useEffect(() => {
    if (!draftId) return;
    const ask = () => scheduleCheck(draftId, () => draftText(editor).text);
    editor.on('update', ask);
    scheduleCheck(draftId, () => draftText(editor).text, 0);
    return () => {
      editor.off('update', ask);
    };
  }, [editor, draftId]);
}

/** The not-dismissed findings of the last check, at their document positions (those still in place). */
export function usePlacedChecks(editor: Editor): PlacedCheck[] {
  const findings = useChecks((s) => s.findings);
  const ignored = useChecks((s) => s.ignored);
  const checkedText = useChecks((s) => s.checkedText);
  const revision = useDocRevision(editor);
  return useMemo(() => {
    const { offsets, starts } = draftText(editor);
    const doc = editor.state.doc;
    const out: PlacedCheck[] = [];
    for (const finding of visibleFindings({ findings, ignored })) {
      const from = positionOf(offsets, starts, finding.start);
      const to = positionOf(offsets, starts, finding.end);
      if (to > doc.content.size || doc.textBetween(from, to, '\n', '\uFFFC') !== finding.text) continue;
      out.push({ finding, from, to });
    }
    return out;
    // checkedText and revision: a new check, or an edit, re-places the findings.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, findings, ignored, checkedText, revision]);
}

/** How many placed findings are problems (a quotation that matches its source is not). */
export function problemCount(placed: readonly PlacedCheck[]): number {
  return placed.filter((p) => isProblem(p.finding)).length;
}

/** Replaces the finding's span by its suggestion in one transaction (one undo step). */
export function applySuggestion(editor: Editor, placed: PlacedCheck): boolean {
  const { finding, from, to } = placed;
  if (finding.suggestion === null) return false;
  if (editor.state.doc.textBetween(from, to, '\n', '\uFFFC') !== finding.text) return false;
  editor.chain().focus().command(({ tr }) => {
    tr.insertText(finding.suggestion!, from, to);
    return true;
  }).run();
  return true;
}
