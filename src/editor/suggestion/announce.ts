/**
 * Tells screen readers about the `aria-hidden` ghost through a polite live region, once a new suggestion has
 * stayed `ANNOUNCE_DELAY_MS` (so fast typing is not talked over); a ghost typed through is not announced again.
 */
import type { SuggestionItem } from './state';

/** How long a new suggestion must stay on screen before it is announced (ms). */
export const ANNOUNCE_DELAY_MS = 400;

/** The ghost as drawn: its position, text and where it comes from. */
export interface ShownGhost {
  pos: number;
  text: string;
  origin: SuggestionItem['origin'];
}

/** What the live region says for `ghost`. */
export function announcementText(ghost: Pick<ShownGhost, 'text' | 'origin'>): string {
  return `${ghost.origin === 'draft' ? '本稿前文提示' : '提示'}：${ghost.text}，按 Tab 接受`;
}

/** True when `next` is `prev` with its beginning typed (or accepted) at the caret: the same suggestion, shorter. */
export function typedThrough(prev: ShownGhost, next: ShownGhost): boolean {
  const typed = prev.text.length - next.text.length;
  return typed > 0 && next.pos - prev.pos === typed && prev.text.endsWith(next.text);
}

function sameGhost(a: ShownGhost | null, b: ShownGhost | null): boolean {
  return a === b || (!!a && !!b && a.pos === b.pos && a.text === b.text && a.origin === b.origin);
}

export class SuggestionAnnouncer {
  readonly dom: HTMLElement;
  /** The ghost on screen now. */
  private shown: ShownGhost | null = null;
  /** The ghost last announced, followed as it is typed through; null once it has gone. */
  private announced: ShownGhost | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** `canSpeak` is asked when the delay is over (e.g. the editor has the focus and no IME is composing). */
  constructor(private readonly canSpeak: () => boolean) {
    this.dom = document.createElement('div');
    this.dom.className = 'suggestion-announcement visually-hidden';
    this.dom.setAttribute('role', 'status');
    this.dom.setAttribute('aria-live', 'polite');
    this.dom.setAttribute('aria-atomic', 'true');
    document.body.appendChild(this.dom);
  }

  /** The ghost now drawn, or null when none is (or when something else speaks for it). */
  update(ghost: ShownGhost | null): void {
    if (sameGhost(ghost, this.shown)) return;
    this.shown = ghost;
    clearTimeout(this.timer);
    if (ghost && this.announced && typedThrough(this.announced, ghost)) {
      this.announced = ghost;
      return;
    }
    this.announced = null;
    if (this.dom.textContent) this.dom.textContent = '';
    if (ghost) this.timer = setTimeout(() => this.speak(), ANNOUNCE_DELAY_MS);
  }

  private speak(): void {
    if (!this.shown || !this.canSpeak()) return;
    this.announced = this.shown;
    this.dom.textContent = announcementText(this.shown);
  }

  destroy(): void {
    clearTimeout(this.timer);
    this.dom.remove();
  }
}
