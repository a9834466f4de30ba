/**
 * What the structure panels read from the open draft, recomputed after edits settle: the outline (the
 * top-level section headings) and the draft check's findings with document positions. Reads only; every
 * change goes through the editor's commands.
 */
import type { Editor } from '@tiptap/core';
import { useEffect, useMemo, useState } from 'react';
import { checkDraft, type Finding, type OutlineEntry } from '../../structure';
import { docTextblocks, SECTION_HEADING } from '../../editor/structure';

/** Quiet time after the last edit before the panels recompute, in milliseconds. */
export const PANEL_REFRESH_DELAY_MS = 250;

/** A counter that changes after the document changes (debounced) and, if asked, when the selection moves. */
export function useDocRevision(editor: Editor, withSelection = false): number {
  const [revision, setRevision] = useState(0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const bump = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setRevision((r) => r + 1), PANEL_REFRESH_DELAY_MS);
    };
    const bumpNow = () => setRevision((r) => r + 1);
    editor.on('update', bump);
    if (withSelection) editor.on('selectionUpdate', bumpNow);
    setRevision((r) => r + 1);
    return () => {
      clearTimeout(timer);
      editor.off('update', bump);
      if (withSelection) editor.off('selectionUpdate', bumpNow);
    };
  }, [editor, withSelection]);
  return revision;
}

export interface OutlineItem extends OutlineEntry {
  /** Position of the heading node. */
  pos: number;
}

/** The top-level section headings, in order, and the index of the one whose section holds the cursor. */
export function useOutline(editor: Editor): { items: OutlineItem[]; current: number } {
  const revision = useDocRevision(editor, true);
  return useMemo(() => {
    const items: OutlineItem[] = [];
    let current = -1;
    const cursor = editor.state.selection.from;
    let block = 0;
    editor.state.doc.forEach((node, offset) => {
      if (node.type.name === SECTION_HEADING) {
        items.push({ block, level: node.attrs.level, number: String(node.attrs.number ?? ''), title: node.textContent, pos: offset });
        if (offset <= cursor) current = items.length - 1;
      }
      block++;
    });
    return { items, current };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, revision]);
}

export interface PlacedFinding extends Finding {
  /** Document positions of the finding. */
  pos: { from: number; to: number };
}

/** The draft check over the editor's document as it is now. */
export function draftFindings(editor: Editor): PlacedFinding[] {
  const { blocks, starts } = docTextblocks(editor.state.doc);
  return checkDraft(blocks).map((f) => ({ ...f, pos: { from: starts[f.block] + f.from, to: starts[f.block] + f.to } }));
}

/** The draft check over the open document, recomputed after edits settle. */
export function useDraftFindings(editor: Editor): PlacedFinding[] {
  const revision = useDocRevision(editor);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => draftFindings(editor), [editor, revision]);
}

/** Selects `from`–`to` in the editor, scrolls it to the middle of the page and focuses the editor. */
export function jumpTo(editor: Editor, from: number, to = from): void {
  const size = editor.state.doc.content.size;
  const a = Math.max(0, Math.min(from, size));
  const b = Math.max(a, Math.min(to, size));
  editor.chain().focus().setTextSelection({ from: a, to: b }).run();
  const { node } = editor.view.domAtPos(a);
  const element = node instanceof Element ? node : node.parentElement;
  element?.scrollIntoView({ block: 'center' });
}
