/**
 * Scrolls the caret into view once per frame instead of inside every transaction (CodeMirror 6 measures in
 * `requestAnimationFrame` the same way). ProseMirror's own scroll reads the caret's rectangle, which forces a
 * layout of the 20,000-character document in the middle of each keystroke, and again for the suggestion's
 * answer; done in the frame, the one layout the paint needs anyway serves it, after the edit is drawn.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

export const frameScrollKey = new PluginKey('frameScroll');

/** ProseMirror's scroll to the selection; a method of the view that its type declarations leave out. */
function scrollNow(view: EditorView): void {
  (view as unknown as { scrollToSelection(): void }).scrollToSelection();
}

export function frameScrollPlugin(): Plugin {
  let frame: number | null = null;
  let scrolling = false;
  return new Plugin({
    key: frameScrollKey,
    props: {
      handleScrollToSelection(view) {
        // Inside the frame ProseMirror scrolls itself (this handler declines).
        if (scrolling) return false;
        frame ??= requestAnimationFrame(() => {
          frame = null;
          if (view.isDestroyed) return;
          scrolling = true;
          try {
            scrollNow(view);
          } finally {
            scrolling = false;
          }
        });
        return true;
      },
    },
    view: () => ({
      destroy() {
        if (frame !== null) cancelAnimationFrame(frame);
        frame = null;
      },
    }),
  });
}

export const FrameScroll = Extension.create({
  name: 'frameScroll',
  addProseMirrorPlugins: () => [frameScrollPlugin()],
});
