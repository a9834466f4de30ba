/**
 * Where the writer was in each draft during this session: the caret (or selection) and how far the page
 * was scrolled, so that switching back to a draft puts both back as they were.
 */
export interface DraftView { from: number; to: number; scrollTop: number }

const views = new Map<string, DraftView>();

export function rememberView(draftId: string, patch: Partial<DraftView>): void {
  views.set(draftId, { ...(views.get(draftId) ?? { from: 0, to: 0, scrollTop: 0 }), ...patch });
}

export function recalledView(draftId: string): DraftView | undefined {
  return views.get(draftId);
}

/** The nearest ancestor of `element` that scrolls vertically (the desk around the page), or null. */
export function scrollParent(element: Element): HTMLElement | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const overflow = getComputedStyle(node).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return node;
  }
  return null;
}
