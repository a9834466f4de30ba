/**
 * Stand-ins for what a page gives DraftSync, for Node tests: a clock whose timers run only when advanced,
 * an in-memory Web Lock manager (exclusive locks, waiting in line, ifAvailable, abort), a cross-tab hub
 * that delivers each message to every other tab a moment later (as BroadcastChannel does), and storage.
 */
import type { Clock } from '../../../src/storage/clock';
import type { LockManagerLike } from '../../../src/storage/draftLock';
import type { TabMessage, TabPort } from '../../../src/storage/crossTab';

/** Real time a test lets pass so that IndexedDB work and posted messages get through. */
export const SETTLE_MS = 15;
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, SETTLE_MS));

/** Waits (in real time) until `condition` holds; fails the test with `what` after `timeoutMs`. */
export async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

export class FakeClock implements Clock {
  private time = 1_000_000;
  private nextId = 1;
  private readonly timers = new Map<number, { at: number; callback: () => void }>();

  now(): number {
    return this.time;
  }
  setTimeout(callback: () => void, ms: number): number {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + ms, callback });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  /** Moves time on by `ms`, running each timer that falls due in order and letting its work settle. */
  async advance(ms: number): Promise<void> {
    const target = this.time + ms;
    for (;;) {
      let due: [number, { at: number; callback: () => void }] | undefined;
      for (const entry of this.timers) if (entry[1].at <= target && (!due || entry[1].at < due[1].at)) due = entry;
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].callback();
      await settle();
    }
    this.time = target;
    await settle();
  }
}

export class FakeLockManager implements LockManagerLike {
  private readonly held = new Set<string>();
  private readonly queues = new Map<string, (() => void)[]>();

  /** How many requests wait in line for `name`. */
  waiting(name: string): number {
    return this.queues.get(name)?.length ?? 0;
  }

  request(name: string, options: LockOptions, callback: (lock: Lock | null) => Promise<void> | undefined): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const grant = () => {
        this.held.add(name);
        Promise.resolve(callback({ name, mode: 'exclusive' } as Lock)).then(resolve, reject).finally(() => {
          this.held.delete(name);
          this.queues.get(name)?.shift()?.();
        });
      };
      const queue = this.queues.get(name) ?? [];
      this.queues.set(name, queue);
      if (!this.held.has(name) && queue.length === 0) return grant();
      if (options.ifAvailable) return void Promise.resolve(callback(null)).then(resolve, reject);
      const signal = options.signal;
      if (signal?.aborted) return reject(signal.reason);
      const entry = () => {
        signal?.removeEventListener('abort', onAbort);
        grant();
      };
      const onAbort = () => {
        const at = queue.indexOf(entry);
        if (at >= 0) queue.splice(at, 1);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort);
      queue.push(entry);
    });
  }
}

type Listener = (event: MessageEvent<TabMessage>) => void;

export class FakeTabHub {
  readonly sent: TabMessage[] = [];
  private readonly ports = new Set<Set<Listener>>();

  port(): TabPort {
    const listeners = new Set<Listener>();
    this.ports.add(listeners);
    return {
      postMessage: (message) => {
        this.sent.push(message);
        for (const other of this.ports) {
          if (other === listeners) continue;
          const data = structuredClone(message);
          setTimeout(() => { for (const listener of other) listener({ data } as MessageEvent<TabMessage>); }, 0);
        }
      },
      addEventListener: (_type, listener) => listeners.add(listener),
      removeEventListener: (_type, listener) => listeners.delete(listener),
    };
  }
}

export class MemoryStorage implements Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}
