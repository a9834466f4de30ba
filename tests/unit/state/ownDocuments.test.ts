import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { ImportRefusal, type ImportCandidate } from '../../../src/archive/types';

// The index rebuild is counted, not run (it needs the worker and the corpus).
const rebuild = vi.fn(async () => undefined);
vi.mock('../../../src/state/phraseIndex', () => ({ rebuild }));

const { useOwnDocuments, IMPORT_BATCH_DOCUMENTS, PROGRESS_INTERVAL_MS } = await import('../../../src/state/ownDocuments');
const { openJianggaoDB } = await import('../../../src/storage/db');

/** A speech of its own wording (distinct per n): no two are duplicates. */
const speech = (n: number) => Array.from({ length: 20 }, (_, i) => `第${n}篇第${i}段：围绕第${n * 37 + i}项任务，落实第${(n * 11 + i) % 89}条措施，推进第${n * 5 + i * 3}个项目。`).join('\n');
const candidate = (n: number, text = speech(n)): ImportCandidate => ({ title: `讲话${n}`, text, sourceName: `${n}.txt`, folder: '档案', date: '2020-01', year: 2020 });

interface Source { path: string; n: number; text?: string; refuse?: boolean }

let clock = 0;
beforeEach(async () => {
  rebuild.mockClear();
  clock = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => clock);
  const db = await openJianggaoDB();
  await db.clear('userDocuments');
  await useOwnDocuments.getState().reload();
});
afterEach(() => vi.restoreAllMocks());

/** Reads a source: each read takes 10 ms of the test's clock. */
async function read(s: Source): Promise<ImportCandidate> {
  clock += 10;
  await new Promise((r) => setTimeout(r, 0));
  if (s.refuse) throw new ImportRefusal('unsupported', '这不是文本文件（是PNG 图片），未导入。');
  return candidate(s.n, s.text);
}

test('an import: duplicates against what is stored and within the import, batched writes, throttled progress, one rebuild', async () => {
  await useOwnDocuments.getState().add([{ title: '已有', text: speech(0) }]);
  rebuild.mockClear();
  const sources: Source[] = Array.from({ length: 60 }, (_, i) => ({ path: `档案/${i + 1}.txt`, n: i + 1 }));
  sources.push({ path: '档案/旧稿副本.txt', n: 100, text: `\n${speech(0)}\n` });
  sources.push({ path: '档案/5 副本.txt', n: 101, text: speech(5) });
  sources.push({ path: '档案/7 修改.txt', n: 102, text: speech(7).replace('第0段', '第零段') });
  sources.push({ path: '档案/图.txt', n: 103, refuse: true });
  const progress: number[] = [];
  const unsubscribe = useOwnDocuments.subscribe((s, before) => { if (s.progress && s.progress !== before.progress && s.progress.phase === 'reading') progress.push(s.progress.done); });
  const readingDone = vi.fn();
  const report = await useOwnDocuments.getState().importFiles(sources, read, { parallel: 4, readingDone });
  unsubscribe();

  expect(report.summary).toBe('已加入 60 篇，跳过 4 篇：2 篇重复、1 篇与已有文稿近似、1 篇格式不支持。');
  expect(report.skipped.find((s) => s.path === '档案/7 修改.txt')?.reason).toBe('与「讲话7」几乎相同');
  const stored = await (await openJianggaoDB()).getAll('userDocuments');
  expect(stored).toHaveLength(61);
  expect(useOwnDocuments.getState().documents).toHaveLength(61);
  for (const n of [1, 30, 60]) expect(stored.find((d) => d.title === `讲话${n}`)?.text).toBe(speech(n));
  expect(rebuild).toHaveBeenCalledTimes(1);
  expect(readingDone).toHaveBeenCalledTimes(1);
  // 64 files at 10 ms each: the progress is shown every 100 ms, not once per file.
  expect(progress.length).toBeLessThanOrEqual(Math.ceil((64 * 10) / PROGRESS_INTERVAL_MS) + 2);
  expect(useOwnDocuments.getState().progress).toBeNull();
  expect(IMPORT_BATCH_DOCUMENTS).toBeLessThan(60);
});

test('cancel: what was read is stored whole, nothing more is read, the list matches the store, one rebuild', async () => {
  const sources: Source[] = Array.from({ length: 80 }, (_, i) => ({ path: `档案/${i}.txt`, n: i }));
  const started: number[] = [];
  const readingDone = vi.fn();
  const reading = (s: Source) => {
    started.push(s.n);
    if (s.n === 37) useOwnDocuments.getState().cancelImport();
    return read(s);
  };
  const report = await useOwnDocuments.getState().importFiles(sources, reading, { parallel: 3, readingDone });

  expect(report.cancelled).toBe(true);
  expect(report.summary).toMatch(/^已取消，已加入 \d+ 篇。$/);
  expect(report.added).toBeGreaterThan(30);
  expect(report.added).toBeLessThan(38);
  // The reads ahead stop at the cancel: at most `parallel` files past the one being read.
  expect(Math.max(...started)).toBeLessThanOrEqual(37 + 3);
  const stored = await (await openJianggaoDB()).getAll('userDocuments');
  expect(stored).toHaveLength(report.added);
  expect(useOwnDocuments.getState().documents.map((d) => d.id).sort()).toEqual(stored.map((d) => d.id).sort());
  for (const d of stored) expect(d.text).toBe(speech(Number(d.sourceName.replace('.txt', ''))));
  // The documents stored are the first ones, in order, with no gap.
  expect(stored.map((d) => Number(d.sourceName.replace('.txt', ''))).sort((a, b) => a - b)).toEqual(Array.from({ length: report.added }, (_, i) => i));
  expect(rebuild).toHaveBeenCalledTimes(1);
  expect(readingDone).toHaveBeenCalledTimes(1);

  // The rest comes in by importing the same files again; what is stored is found as duplicates.
  const again = await useOwnDocuments.getState().importFiles(sources, read, { parallel: 3 });
  expect(again.added).toBe(80 - report.added);
  expect(again.skipped.filter((s) => s.kind === 'duplicate')).toHaveLength(report.added);
});

test('an import of files that are all skipped stores nothing and does not rebuild', async () => {
  const report = await useOwnDocuments.getState().importFiles([{ path: 'a.txt', n: 1, refuse: true }], read);
  expect(report.summary).toBe('已加入 0 篇，跳过 1 篇：1 篇格式不支持。');
  expect(rebuild).not.toHaveBeenCalled();
});
