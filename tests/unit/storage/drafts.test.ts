import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { openJianggaoDB, type JianggaoDB } from '../../../src/storage/db';
import { deleteDraft, getDraft, listDrafts, newDraftRecord, putDraft } from '../../../src/storage/drafts';
import { DraftSaver, SAVE_THROTTLE_MS, UNSAVED_STASH_KEY, describeSaveError } from '../../../src/storage/draftSaver';
import { listQuarantine } from '../../../src/storage/quarantine';
import type { DraftRecord } from '../../../src/storage/records';

let db: JianggaoDB;
let n = 0;
beforeEach(async () => {
  db = await openJianggaoDB(`test-${++n}`);
});

const doc = (text: string) => ({ type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

describe('draft records', () => {
  test('round-trip: what is written is read back unchanged', async () => {
    const draft = newDraftRecord('动员大会讲话', 1000, doc('同志们：'), '同志们：');
    await putDraft(db, draft);
    expect(await getDraft(db, draft.id)).toEqual(draft);
    await deleteDraft(db, draft.id);
    expect(await getDraft(db, draft.id)).toBeUndefined();
  });

  test('a corrupt record is reported and quarantined, the others still load, nothing throws', async () => {
    const good = newDraftRecord('好稿件', 2000, doc('正文'), '正文');
    await putDraft(db, good);
    await db.put('drafts', { id: 'broken', title: '坏稿件', doc: 'not a doc', createdAt: 1, updatedAt: 1 } as unknown as DraftRecord);
    await db.put('drafts', { id: 'broken-2', doc: { type: 'doc' }, createdAt: 'yesterday' } as unknown as DraftRecord);
    const { values, rejected } = await listDrafts(db);
    expect(values.map((d) => d.id)).toEqual([good.id]);
    expect(rejected.map((r) => r.key).sort()).toEqual(['broken', 'broken-2']);
    expect(rejected.find((r) => r.key === 'broken')?.reason).toBe('稿件正文格式已损坏');
    // Kept aside, not lost, and reported only once.
    expect((await listQuarantine(db)).map((q) => q.key).sort()).toEqual(['broken', 'broken-2']);
    expect((await listDrafts(db)).rejected).toEqual([]);
  });

  test('drafts are listed newest first', async () => {
    await putDraft(db, newDraftRecord('旧', 1000));
    await putDraft(db, newDraftRecord('新', 3000));
    expect((await listDrafts(db)).values.map((d) => d.title)).toEqual(['新', '旧']);
  });
});

describe('DraftSaver', () => {
  test('throttles: many changes, one write within the throttle window, with the latest content', async () => {
    vi.useFakeTimers();
    const writes: DraftRecord[] = [];
    const saver = new DraftSaver({ write: async (d) => { writes.push(d); }, onStatus: () => {} });
    const base = newDraftRecord('稿', 0);
    for (const text of ['同', '同志', '同志们']) saver.schedule(() => ({ ...base, text }));
    expect(writes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(SAVE_THROTTLE_MS);
    expect(writes.map((w) => w.text)).toEqual(['同志们']);
    vi.useRealTimers();
  });

  test('a quota error keeps the draft pending, reports it in Chinese, and the retry saves it', async () => {
    vi.useFakeTimers();
    const statuses: string[] = [];
    let fail = true;
    const written: string[] = [];
    const saver = new DraftSaver({
      write: async (d) => {
        if (fail) throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
        written.push(d.text);
      },
      onStatus: (s) => statuses.push(s.error ?? s.state),
    });
    saver.schedule(() => ({ ...newDraftRecord('稿', 0), text: '不能丢' }));
    await saver.flush();
    expect(saver.hasPending).toBe(true);
    expect(statuses.at(-1)).toContain('存储空间已满');
    fail = false;
    await vi.advanceTimersByTimeAsync(5000);
    expect(written).toEqual(['不能丢']);
    expect(statuses.at(-1)).toBe('saved');
    vi.useRealTimers();
  });

  test('flushOnHide stashes the pending draft synchronously, and a successful write clears the stash', async () => {
    const store = new Map<string, string>();
    const stash = { setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) };
    let release!: () => void;
    const saver = new DraftSaver({ write: () => new Promise<void>((r) => { release = r; }), onStatus: () => {}, stash });
    saver.schedule(() => ({ ...newDraftRecord('稿', 0), text: '关页前' }));
    saver.flushOnHide();
    expect(JSON.parse(store.get(UNSAVED_STASH_KEY)!).text).toBe('关页前');
    await Promise.resolve();
    release();
    await saver.flush();
    expect(store.has(UNSAVED_STASH_KEY)).toBe(false);
  });

  /** A saver whose writes wait until released, in order, over a Map standing in for localStorage. */
  function savedByHand() {
    const store = new Map<string, string>();
    const stash = { setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) };
    const releases: (() => void)[] = [];
    const saver = new DraftSaver({ write: () => new Promise<void>((r) => releases.push(r)), onStatus: () => {}, stash });
    const stashedText = () => (store.has(UNSAVED_STASH_KEY) ? JSON.parse(store.get(UNSAVED_STASH_KEY)!).text : null);
    return { saver, releases, stashedText };
  }

  test('a page hidden while its last write is still in flight stashes that draft (the write may never commit)', async () => {
    const { saver, releases, stashedText } = savedByHand();
    saver.schedule(() => ({ ...newDraftRecord('稿', 0), text: '正在写入', updatedAt: 1 }));
    const writing = saver.flush();
    await Promise.resolve();
    expect(releases).toHaveLength(1);
    saver.flushOnHide();
    expect(stashedText()).toBe('正在写入');
    releases[0]!();
    await writing;
    expect(stashedText()).toBeNull();
  });

  test('an older write committing leaves the stash of newer text in place until that text is written', async () => {
    const { saver, releases, stashedText } = savedByHand();
    saver.schedule(() => ({ ...newDraftRecord('稿', 0), text: '旧', updatedAt: 1 }));
    const first = saver.flush();
    await Promise.resolve();
    saver.schedule(() => ({ ...newDraftRecord('稿', 0), text: '旧又新', updatedAt: 2 }));
    saver.flushOnHide();
    expect(stashedText()).toBe('旧又新');
    releases[0]!();
    await first;
    expect(stashedText()).toBe('旧又新');
    await vi.waitFor(() => expect(releases).toHaveLength(2));
    releases[1]!();
    await saver.flush();
    expect(stashedText()).toBeNull();
  });

  test('describes other errors without losing the on-screen promise', () => {
    expect(describeSaveError(new DOMException('x', 'InvalidStateError'))).toContain('屏幕上的内容不会丢失');
  });
});
