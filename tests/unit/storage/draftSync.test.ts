import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CrossTab } from '../../../src/storage/crossTab';
import { openJianggaoDB, type JianggaoDB } from '../../../src/storage/db';
import { SAVE_RETRY_MS, SAVE_THROTTLE_MS, UNSAVED_STASH_KEY } from '../../../src/storage/draftSaver';
import { getDraft, newDraftRecord, putDraft } from '../../../src/storage/drafts';
import { DraftSync, RELOAD_LOCK_GRACE_MS, REMOTE_REFRESH_THROTTLE_MS } from '../../../src/storage/draftSync';
import type { DraftRecord } from '../../../src/storage/records';
import { AUTO_SNAPSHOT_INTERVAL_MS, listSnapshots } from '../../../src/storage/snapshots';
import { MAX_SNAPSHOT_NAME_CHARS, validateSnapshot } from '../../../src/storage/records';
import { FakeClock, FakeLockManager, FakeTabHub, MemoryStorage, until } from './fakes';

const doc = (text: string) => ({ type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const content = (text: string) => () => ({ doc: doc(text), text });

let db: JianggaoDB;
let n = 0;
let clock: FakeClock;
let locks: FakeLockManager;
let hub: FakeTabHub;
/** localStorage is shared by every tab of the origin, and so is this. */
let stash: MemoryStorage;
let tabs: DraftSync[];

beforeEach(async () => {
  db = await openJianggaoDB(`sync-${++n}`);
  clock = new FakeClock();
  locks = new FakeLockManager();
  hub = new FakeTabHub();
  stash = new MemoryStorage();
  tabs = [];
});

afterEach(async () => {
  for (const tab of tabs) tab.dispose();
  // Let the writes and reads the tabs started finish before the database closes.
  await new Promise((resolve) => setTimeout(resolve, 50));
  db.close();
});

/** A tab of the app: its own DraftSync over the shared database, locks, channel and stash. */
function openTab(options: { openDB?: () => Promise<JianggaoDB>; opened?: string[] } = {}): DraftSync {
  const sync = new DraftSync({
    openDB: options.openDB ?? (async () => db),
    locks,
    channel: new CrossTab(hub.port(), `tab-${tabs.length + 1}`),
    clock,
    stash,
    onOpened: (id) => options.opened?.push(id),
  });
  tabs.push(sync);
  return sync;
}

const lockOf = (draftId: string) => `jianggao-draft:${draftId}`;

/** Starts `tab` on a draft another tab edits: it waits the reload grace for the lock, then shows it read-only. */
async function startReadOnly(tab: DraftSync, draftId: string): Promise<void> {
  const starting = tab.start(draftId);
  await until(() => locks.waiting(lockOf(draftId)) === 1, 'the tab waits for the lock');
  await clock.advance(RELOAD_LOCK_GRACE_MS);
  await starting;
}

const onDisk = async (id: string) => (await getDraft(db, id))?.text;
const writesOf = (id: string) => hub.sent.filter((m) => m.type === 'drafts-changed' && m.draftId === id).length;

async function seedDraft(text: string, updatedAt = clock.now() - 10_000): Promise<DraftRecord> {
  const draft = { ...newDraftRecord('讲话稿', updatedAt, doc(text), text) };
  await putDraft(db, draft);
  return draft;
}

/** Tab A edits a draft, tab B opened it afterwards and shows it read-only. */
async function editingAndFollowing(): Promise<{ draft: DraftRecord; a: DraftSync; b: DraftSync }> {
  const draft = await seedDraft('开头');
  const a = openTab();
  await a.start(draft.id);
  const b = openTab();
  await startReadOnly(b, draft.id);
  expect(a.getState().editable).toBe(true);
  expect(b.getState().editable).toBe(false);
  return { draft, a, b };
}

describe('saving', () => {
  test('changes within the throttle window coalesce into one write of the latest text', async () => {
    const a = openTab();
    await a.start(null);
    const id = a.getState().current!.id;
    const writesBefore = writesOf(id);
    for (const text of ['同', '同志', '同志们']) a.contentChanged(content(text));
    expect(a.getState().save.state).toBe('pending');
    await clock.advance(SAVE_THROTTLE_MS - 1);
    expect(await onDisk(id)).toBe('');
    await clock.advance(1);
    await until(async () => (await onDisk(id)) === '同志们', 'the latest text on disk');
    await until(() => a.getState().save.state === 'saved', 'saved status');
    expect(writesOf(id) - writesBefore).toBe(1);
    expect(a.getState().drafts.find((d) => d.id === id)?.chars).toBe(3);
  });

  test('a quota error keeps the text pending, says so in Chinese, and the retry writes it', async () => {
    let full = false;
    const quotaDB = new Proxy(db, {
      get(target, key) {
        if (key === 'transaction' && full) return () => { throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' }); };
        const value = Reflect.get(target, key);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const draft = await seedDraft('');
    const a = openTab({ openDB: async () => quotaDB });
    await a.start(draft.id);
    full = true;
    a.contentChanged(content('不能丢的内容'));
    await clock.advance(SAVE_THROTTLE_MS);
    await until(() => a.getState().save.state === 'error', 'error status');
    expect(a.getState().save.error).toContain('存储空间已满');
    expect(await onDisk(draft.id)).toBe('');
    full = false;
    await clock.advance(SAVE_RETRY_MS);
    await until(async () => (await onDisk(draft.id)) === '不能丢的内容', 'the retried write on disk');
    await until(() => a.getState().save.state === 'saved', 'saved after the retry');
    expect(a.getState().save.error).toBeNull();
  });

  test('an automatic snapshot is taken on the first save and again only after the interval', async () => {
    const a = openTab();
    await a.start(null);
    const id = a.getState().current!.id;
    a.contentChanged(content('第一稿'));
    await a.flush();
    await until(async () => (await listSnapshots(db, id)).length === 1, 'first snapshot');
    a.contentChanged(content('第一稿，改了'));
    await a.flush();
    await clock.advance(SAVE_THROTTLE_MS);
    expect((await listSnapshots(db, id)).length).toBe(1);
    await clock.advance(AUTO_SNAPSHOT_INTERVAL_MS);
    a.contentChanged(content('五分钟后'));
    await a.flush();
    await until(async () => (await listSnapshots(db, id)).length === 2, 'second snapshot');
    expect((await listSnapshots(db, id))[0].text).toBe('五分钟后');
    expect(a.getState().snapshotsVersion).toBe(2);
  });
});

describe('unload stash', () => {
  test('page hide stashes the unsaved text at once; the stash is cleared when the write commits', async () => {
    const a = openTab();
    await a.start(null);
    const id = a.getState().current!.id;
    a.contentChanged(content('最后几个字'));
    a.flushOnHide();
    expect(JSON.parse(stash.getItem(UNSAVED_STASH_KEY)!)).toMatchObject({ id, text: '最后几个字' });
    await until(async () => (await onDisk(id)) === '最后几个字', 'the write on disk');
    await until(() => stash.getItem(UNSAVED_STASH_KEY) === null, 'stash cleared');
  });

  test('the next start replays a stash newer than the database, and drops an older one', async () => {
    const draft = await seedDraft('旧内容');
    stash.setItem(UNSAVED_STASH_KEY, JSON.stringify({ ...draft, text: '关页前的内容', doc: doc('关页前的内容'), updatedAt: draft.updatedAt + 1 }));
    const a = openTab();
    await a.start(draft.id);
    expect(a.getState().current?.text).toBe('关页前的内容');
    expect(await onDisk(draft.id)).toBe('关页前的内容');
    expect(stash.getItem(UNSAVED_STASH_KEY)).toBeNull();
    a.dispose();

    stash.setItem(UNSAVED_STASH_KEY, JSON.stringify({ ...draft, text: '更早的内容', updatedAt: draft.updatedAt - 1 }));
    const b = openTab();
    await b.start(draft.id);
    expect(b.getState().current?.text).toBe('关页前的内容');
    expect(stash.getItem(UNSAVED_STASH_KEY)).toBeNull();
  });
});

describe('one editing tab per draft', () => {
  test('hand-over on reload: the new page waits for the old one to let go and opens its last keystrokes, editable', async () => {
    const draft = await seedDraft('开头');
    const opened: string[] = [];
    let gone = false;
    // Once the old page is hidden its IndexedDB work never completes: only the stash survives it.
    const old = openTab({ openDB: () => (gone ? new Promise<JianggaoDB>(() => {}) : Promise.resolve(db)) });
    await old.start(draft.id);
    expect(old.getState().editable).toBe(true);

    const fresh = openTab({ opened });
    const starting = fresh.start(draft.id);
    await until(() => locks.waiting(lockOf(draft.id)) === 1, 'the new page waits for the lock');
    await clock.advance(RELOAD_LOCK_GRACE_MS / 2);
    // The old page goes away: it stashes what is not on disk and lets go of the lock.
    old.contentChanged(content('开头，刚打的字'));
    gone = true;
    old.flushOnHide();
    old.dispose();
    await starting;
    expect(fresh.getState().editable).toBe(true);
    expect(fresh.getState().current?.text).toBe('开头，刚打的字');
    expect(opened).toEqual([draft.id]);
    expect(await onDisk(draft.id)).toBe('开头，刚打的字');
  });

  test('a second tab shows the draft read-only, follows the editing tab, and edits once that tab closes', async () => {
    const { draft, a, b } = await editingAndFollowing();
    b.contentChanged(content('只读页不能写'));

    // Following: A's save reaches B's read-only view.
    const revision = b.getState().revision;
    a.contentChanged(content('开头，第一段'));
    await clock.advance(SAVE_THROTTLE_MS);
    await until(() => b.getState().current?.text === '开头，第一段', 'B follows A');
    expect(b.getState().revision).toBe(revision + 1);
    expect(b.getState().drafts[0].chars).toBe('开头，第一段'.length);

    // Saves in quick succession: B re-reads at most once per REMOTE_REFRESH_THROTTLE_MS, and then catches up.
    await clock.advance(1);
    a.contentChanged(content('开头，第二段'));
    await a.flush();
    await clock.advance(1);
    expect(b.getState().current?.text).toBe('开头，第一段');
    await clock.advance(REMOTE_REFRESH_THROTTLE_MS);
    await until(() => b.getState().current?.text === '开头，第二段', 'B catches up after the throttle');

    // A closes: B is next in line and becomes the editor, without a remount when the disk is unchanged.
    const before = b.getState().revision;
    a.dispose();
    await until(() => b.getState().editable, 'B editable after A closes');
    expect(b.getState().revision).toBe(before);
    expect(await onDisk(draft.id)).toBe('开头，第二段');
  });

  test('take-over: 在此页编辑 makes the editing tab save and yield, and the asking tab edits its text', async () => {
    const { draft, a, b } = await editingAndFollowing();

    a.contentChanged(content('A 还没保存的字'));
    b.takeOver();
    await until(() => b.getState().editable, 'B takes over');
    expect(a.getState().editable).toBe(false);
    expect(await onDisk(draft.id)).toBe('A 还没保存的字');
    expect(b.getState().current?.text).toBe('A 还没保存的字');

    // A is read-only now: its edits are ignored, and it waits in line for the draft.
    a.contentChanged(content('被忽略'));
    await clock.advance(SAVE_THROTTLE_MS);
    expect(await onDisk(draft.id)).toBe('A 还没保存的字');
    b.contentChanged(content('B 接着写'));
    await clock.advance(SAVE_THROTTLE_MS);
    await until(async () => (await onDisk(draft.id)) === 'B 接着写', 'B saves');
    b.dispose();
    await until(() => a.getState().editable, 'A edits again after B closes');
    expect(a.getState().current?.text).toBe('B 接着写');
  });

  test('without Web Locks every tab edits', async () => {
    const draft = await seedDraft('开头');
    const sync = new DraftSync({ openDB: async () => db, locks: null, channel: new CrossTab(null, 'solo'), clock, stash });
    tabs.push(sync);
    await sync.start(draft.id);
    expect(sync.getState().editable).toBe(true);
  });
});

describe('draft list', () => {
  test('summaries stay newest first through create, rename, remove and undo', async () => {
    const a = openTab();
    await a.start(null);
    const first = a.getState().current!.id;
    await clock.advance(10);
    await a.create('第二篇');
    const second = a.getState().current!.id;
    expect(a.getState().drafts.map((d) => d.id)).toEqual([second, first]);
    await clock.advance(10);
    await a.rename(first, '  改名  ');
    expect(a.getState().drafts.map((d) => [d.id, d.title])).toEqual([[first, '改名'], [second, '第二篇']]);
    await a.remove(first);
    expect(a.getState().drafts.map((d) => d.id)).toEqual([second]);
    await a.undoRemove();
    expect(a.getState().drafts.map((d) => d.id)).toEqual([first, second]);
    expect(a.getState().current?.id).toBe(first);
  });
});

describe('a read-only tab writes nothing', () => {
  test('its changes are refused, and nothing of them is written when it takes over', async () => {
    const { draft, a, b } = await editingAndFollowing();
    expect(b.contentChanged(content('只读时插入的模板\n开头'))).toBe(false);
    await clock.advance(SAVE_THROTTLE_MS);
    b.takeOver();
    await until(() => b.getState().editable, 'B takes over');
    await b.flush();
    await clock.advance(SAVE_THROTTLE_MS);
    expect(await onDisk(draft.id)).toBe('开头');
    expect(b.getState().current?.text).toBe('开头');
    expect(a.contentChanged(content('A 已只读'))).toBe(false);
    expect(b.contentChanged(content('B 接着写'))).toBe(true);
  });
});

describe('named history versions', () => {
  test('保存版本 with a name keeps it; a version can be renamed or unnamed; a restore returns the 「恢复前」 version it kept', async () => {
    const draft = await seedDraft('初稿正文');
    const tab = openTab();
    await tab.start(draft.id);
    await tab.takeSnapshot('  初稿 ');
    let [first] = await tab.listSnapshots(draft.id);
    expect(first).toMatchObject({ name: '初稿', reason: 'manual', text: '初稿正文' });

    await tab.renameSnapshot(first.id, '修改稿');
    [first] = await tab.listSnapshots(draft.id);
    expect(first.name).toBe('修改稿');
    await tab.renameSnapshot(first.id, '   ');
    [first] = await tab.listSnapshots(draft.id);
    expect(first.name).toBeUndefined();

    tab.contentChanged(content('改过的正文'));
    await tab.flush();
    await clock.advance(10);
    const kept = await tab.restoreSnapshot(first);
    expect(kept).toMatchObject({ reason: 'before-restore', text: '改过的正文' });
    expect(tab.getState().current?.text).toBe('初稿正文');
    expect((await tab.listSnapshots(draft.id)).map((s) => s.id)).toContain(kept!.id);
  });

  test('a stored name is checked on read: not text, blank or too long is dropped or cut', () => {
    const base = { id: 's', draftId: 'd', createdAt: 1, doc: doc('x'), text: 'x', reason: 'manual' };
    const read = (name: unknown) => { const v = validateSnapshot({ ...base, name }); return v.ok ? v.value.name : 'invalid'; };
    expect(read('初稿')).toBe('初稿');
    expect(read(42)).toBeUndefined();
    expect(read(' \n ')).toBeUndefined();
    expect(read('修改\n稿')).toBe('修改 稿');
    expect([...read('长'.repeat(100))!].length).toBe(MAX_SNAPSHOT_NAME_CHARS);
    expect('name' in (validateSnapshot(base) as { value: object }).value).toBe(false);
  });
});
