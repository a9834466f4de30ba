/**
 * Start-up of the phrase index in the real app (issue 15): serves the production build (dist/), opens it in
 * headless Debian Chromium and prints the time from navigation to the status bar's 「提法索引：N 篇」:
 *   - cold: a fresh profile (no service worker, no cached index: the texts are fetched and built);
 *   - warm: reloads of that profile (the index is read from the index cache, not rebuilt);
 *   - the same with 5 M characters of the writer's own documents, generated from the corpus (paragraphs of
 *     the shipped texts reshuffled into new documents) and stored in the app's `userDocuments` store.
 * For each load it also says whether the status bar ever showed 「正在建立提法索引…」 (a real build), when the
 * editor first showed, and the page's and worker's User Timing steps. After the warm loads: the first ghost
 * for a typed prefix, then one document added through 「添加我的文稿」, timed until the new index is swapped in,
 * with suggestions probed while the old index still answers. Memory:
 * the cached index file's bytes per character, plus the 2 bytes per character of the decoded texts the
 * worker holds, against the 16 B/char target.
 *
 *   npm run bench:start          (builds first)      RUNS=n to change the number of profiles (default 3)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH, focusEditorEnd, typeChars } from '../tests/browser/harness';
import { seededRandom } from './random';
import { detectDate } from '../src/archive/dates';
import { fingerprintText } from '../src/archive/duplicates';
import { digestOf } from '../src/storage/userDocumentDigest';
import { toUserDocumentRecord, USER_DOCUMENT_STORES } from '../src/storage/userDocuments';
import type { UserDocumentRecord } from '../src/storage/records';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.RUNS ?? 3);
const WARM_RELOADS = 3;
/** Characters of own documents in the second scenario (OWN_CHARS=10000000 for the 10 M memory figure). */
const OWN_CHARS = Number(process.env.OWN_CHARS ?? 5_000_000);
/** Length of one generated own document (characters). */
const OWN_DOC_CHARS = 20_000;
const TARGET_WARM_MS = 1000;
const TARGET_BYTES_PER_CHAR = 16;
const READY_TIMEOUT_MS = 180_000;
/** How often the renderers' resident size is sampled during a rebuild, and how long after its swap. */
const RSS_SAMPLE_MS = 100;
const RSS_AFTER_SWAP_MS = 2_000;

/** Records, from the start of navigation, every text of the status bar and when the ready text first showed. */
const STATUS_PROBE = `(() => {
  const seen = [];
  window.__startBench = { seen, readyMs: null, text: null, editorMs: null };
  const look = () => {
    if (window.__startBench.editorMs === null && document.querySelector('.ProseMirror')) window.__startBench.editorMs = performance.now();
    const el = document.querySelector('[data-phrase-index]');
    if (!el) return;
    const text = el.textContent || '';
    if (seen[seen.length - 1] !== text) seen.push(text);
    if (window.__startBench.readyMs === null && /提法索引：\\d+ 篇/.test(text)) {
      window.__startBench.readyMs = performance.now();
      window.__startBench.text = text;
    }
  };
  new MutationObserver(look).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
})();`;

interface Load { ms: number; text: string; built: boolean; marks: Record<string, number>; editorMs: number | null }

async function measure(page: Page, navigate: () => Promise<unknown>): Promise<Load> {
  await navigate();
  await page.waitForFunction(() => (window as unknown as { __startBench?: { readyMs: number | null } }).__startBench?.readyMs != null, undefined, { timeout: READY_TIMEOUT_MS, polling: 50 });
  const r = await page.evaluate(() => (window as unknown as { __startBench: { readyMs: number; text: string; seen: string[]; editorMs: number | null } }).__startBench);
  const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('phrase-index:')).map((m) => [m.name.slice(13), m.startTime])));
  return { ms: r.readyMs, text: r.text, built: r.seen.some((t) => t.includes('正在建立')), marks, editorMs: r.editorMs };
}

/** Waits until the index built by this load is in the index cache (it is written after the status says ready). */
async function waitForCachedIndex(page: Page, entries: number): Promise<number> {
  await page.waitForFunction(async (n) => (await (await caches.open('jianggao-phrase-index')).keys()).length >= n, entries, { timeout: READY_TIMEOUT_MS, polling: 200 });
  return page.evaluate(async () => {
    const cache = await caches.open('jianggao-phrase-index');
    let newest = 0;
    let bytes = 0;
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      const at = Number(response?.headers.get('x-jianggao-stored-at') ?? 0);
      if (at >= newest) {
        newest = at;
        bytes = (await response!.arrayBuffer()).byteLength;
      }
    }
    return bytes;
  });
}

function corpusParagraphs(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.txt')) out.push(...readFileSync(path, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l.length > 20));
    }
  };
  walk(join(ROOT, 'corpus'));
  return out;
}

/** Own documents of about OWN_DOC_CHARS each, OWN_CHARS in all: corpus paragraphs drawn at random (seeded). */
function ownDocuments(): { title: string; text: string }[] {
  const paragraphs = corpusParagraphs();
  const random = seededRandom(15);
  const docs: { title: string; text: string }[] = [];
  let total = 0;
  while (total < OWN_CHARS) {
    const lines: string[] = [];
    let chars = 0;
    while (chars < OWN_DOC_CHARS) {
      const p = paragraphs[Math.floor(random() * paragraphs.length)];
      lines.push(p);
      chars += p.length + 1;
    }
    const text = lines.join('\n');
    docs.push({ title: `自有文稿 ${docs.length + 1}`, text });
    total += text.length;
  }
  return docs;
}

/** The records `storage/userDocuments.ts` writes for `docs` (hash, signature, date, digest), made here once. */
async function ownRecords(docs: { title: string; text: string }[]): Promise<UserDocumentRecord[]> {
  const now = Date.now();
  return Promise.all(docs.map(async (d, i) => {
    const { hash, signature } = await fingerprintText(d.text);
    const { date, year } = detectDate(d.text, now);
    return toUserDocumentRecord({ title: d.title, text: d.text, sourceName: `${d.title}.txt`, folder: '', date, year, enabled: true, study: false, hash, signature }, now + i);
  }));
}

/** Stores `records` and their digests as `storage/userDocuments.ts` does (the page is open: the database exists). */
async function addOwnDocuments(page: Page, records: UserDocumentRecord[]): Promise<void> {
  for (let i = 0; i < records.length; i += 25) {
    await page.evaluate(async ([stores, batch]) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const req = indexedDB.open('jianggao');
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      await new Promise<void>((ok, fail) => {
        const tx = db.transaction(stores, 'readwrite');
        for (const [record, digest] of batch) {
          tx.objectStore(stores[0]).put(record);
          tx.objectStore(stores[1]).put(digest);
        }
        tx.oncomplete = () => ok();
        tx.onerror = () => fail(tx.error);
      });
      db.close();
    }, [[...USER_DOCUMENT_STORES], records.slice(i, i + 25).map((r) => [r, digestOf(r)])] as const);
  }
}

const fmt = (ms: number) => `${Math.round(ms)} ms`;
/** Where a load's time went: navigation → index code starts → inputs read → key → the cached file in the worker (read there while the key was computed) → ready. */
function steps(load: Load): string {
  const m = load.marks;
  const d = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? '?' : Math.round(b - a));
  // The answering worker reads the newest cached file itself as it starts; `read` is set only when the page had to look the key up.
  const file = m.read === undefined ? `worker read the file at ${d(0, m['worker-received'])}` : `cache read by the page ${d(m.key, m.read)} · to worker ${d(m.read, m['worker-received'])}`;
  return `[editor shown ${load.editorMs === null ? '?' : Math.round(load.editorMs)} · page ${d(0, m.start)} · manifest ${d(m.start, m.manifest)} · digests ${d(m.start, m.digests)} · inputs ${d(m.start, m.inputs)} · key ${d(m.inputs, m.key)} · ${file} (worker up at ${d(0, m['worker-workerStart'])}) · check+read ${d(m['worker-received'], m['worker-deserialized'])} · key to in use ${d(m.key, m['worker-ready'])} · back ${d(m['worker-ready'], m.ready)} · render ${d(m.ready, load.ms)}]`;
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
function spread(values: number[]): string {
  const s = [...values].sort((a, b) => a - b);
  return `median ${fmt(median(s))}, min ${fmt(s[0])}, max ${fmt(s[s.length - 1])} (n=${s.length})`;
}
const loadAverage = () => loadavg().map((l) => l.toFixed(1)).join(' / ');

/** A prefix the shipped corpus continues (「共同体意识」), typed to see whether a ghost comes. */
const PROBE_PREFIX = '铸牢中华民族';
const GHOST_SELECTOR = '[data-ghost-text]';
const GHOST_TIMEOUT_MS = 3_000;

/** Types PROBE_PREFIX on a new line and returns ms from the first character to the ghost, or null when none came. */
async function probeSuggestion(page: Page): Promise<number | null> {
  await page.keyboard.press('Enter');
  const t0 = Date.now();
  await typeChars(page, PROBE_PREFIX);
  try {
    await page.locator(GHOST_SELECTOR).waitFor({ state: 'attached', timeout: GHOST_TIMEOUT_MS });
    return Date.now() - t0;
  } catch {
    return null;
  }
}

interface Rebuild { ms: number; probes: (number | null)[]; docsBefore: number; docsAfter: number; peakRssMb: number; marks: string }

/** The page's last mark of each step of the index, relative to the last `rebuild` mark (where a rebuild's time went). */
async function rebuildMarks(page: Page): Promise<string> {
  const m = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').filter((e) => e.name.startsWith('phrase-index:')).map((e) => [e.name.slice(13), e.startTime])));
  const at = (step: string) => (m[step] === undefined ? '?' : Math.round(m[step] - m.rebuild));
  return `[inputs ${at('inputs')} · key ${at('key')} · cache looked up ${at('read')} · texts read ${at('texts')} · built ${at('built')} · in use ${at('ready')} ms]`;
}

/**
 * Adds one document through the 我的文稿 file input and times the background rebuild (from the input to the
 * status with the new count and no 「正在更新」), probing for suggestions while the update runs.
 */
async function rebuildAfterAddingOne(page: Page, n: number): Promise<Rebuild> {
  const status = page.locator('[data-phrase-index]');
  const docsBefore = Number(/(\d+) 篇/.exec((await status.textContent()) ?? '')?.[1]);
  await page.getByRole('tab', { name: '提法', exact: true }).click();
  const text = `同志们：\n第${n}次会议要求，全县上下要大力弘扬紫云英精神${n}号，把山区小县建成生态强县。\n`;
  const t0 = Date.now();
  let peakRssMb = rendererRssMb();
  const sampler = setInterval(() => { peakRssMb = Math.max(peakRssMb, rendererRssMb()); }, RSS_SAMPLE_MS);
  await page.getByLabel('添加我的文稿').setInputFiles([{ name: `新增文稿${n}.txt`, mimeType: 'text/plain', buffer: Buffer.from(text) }]);
  await page.locator('[data-phrase-index-updating]').waitFor({ state: 'attached', timeout: READY_TIMEOUT_MS });
  await focusEditorEnd(page);
  const probes: (number | null)[] = [];
  while (probes.length < 5 && await page.locator('[data-phrase-index-updating]').count() > 0) probes.push(await probeSuggestion(page));
  await page.waitForFunction((before) => {
    const el = document.querySelector('[data-phrase-index]');
    return !!el && !el.querySelector('[data-phrase-index-updating]') && new RegExp(`${before + 1} 篇`).test(el.textContent ?? '');
  }, docsBefore, { timeout: READY_TIMEOUT_MS, polling: 50 });
  const ms = Date.now() - t0;
  // The old index and the builder's are let go after the swap: keep sampling a moment past it.
  await new Promise((done) => setTimeout(done, RSS_AFTER_SWAP_MS));
  clearInterval(sampler);
  return { ms, probes, docsBefore, docsAfter: docsBefore + 1, peakRssMb: Math.max(peakRssMb, rendererRssMb()), marks: await rebuildMarks(page) };
}

async function scenario(context: BrowserContext, url: string, own: UserDocumentRecord[] | null, log: (line: string) => void) {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('[页面错误]', error.message));
  await page.addInitScript(STATUS_PROBE);
  const cold = await measure(page, () => page.goto(url));
  let bytes = await waitForCachedIndex(page, 1);
  let first = cold;
  if (own) {
    await addOwnDocuments(page, own);
    // The first load that sees the documents builds the combined index (and caches it).
    first = await measure(page, () => page.reload());
    bytes = await waitForCachedIndex(page, 2);
  }
  const warm: Load[] = [];
  for (let i = 0; i < WARM_RELOADS; i++) warm.push(await measure(page, () => page.reload()));
  // The first suggestion after the last warm load, from navigation.
  await focusEditorEnd(page);
  const probe = await probeSuggestion(page);
  const firstGhostMs = probe === null ? null : await page.evaluate(() => performance.now());
  const rebuild = await rebuildAfterAddingOne(page, Date.now() % 100000);
  await page.close();
  const chars = Number(/([\d,]+) 字/.exec(warm[0].text)?.[1].replace(/,/g, '') ?? NaN);
  log(`  cold ${fmt(cold.ms)}${cold.built ? ' (built)' : ''}${own ? `; first load with own documents ${fmt(first.ms)}${first.built ? ' (built)' : ''}` : ''}; warm ${warm.map((w) => `${fmt(w.ms)}${w.built ? ' (BUILT)' : ''} ${steps(w)}`).join(', ')}  — ${warm[0].text}`);
  log(`  first ghost after the last warm load: ${firstGhostMs === null ? 'NONE' : `${fmt(firstGhostMs)} after navigation (typing included)`}; rebuild after adding one document: ${fmt(rebuild.ms)} (${rebuild.docsBefore} → ${rebuild.docsAfter} 篇) ${rebuild.marks}, ghosts while it ran: ${rebuild.probes.map((p) => (p === null ? 'none' : fmt(p))).join(', ') || 'no probe (finished first)'}; renderers' peak resident size during it ${rebuild.peakRssMb.toFixed(0)} MB`);
  return { cold, first, warm, bytes, chars, rebuild, firstGhostMs };
}

async function main(): Promise<void> {
  const server = await preview({ root: ROOT, logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, strictPort: false } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  const url = `http://127.0.0.1:${address.port}/`;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const own = await ownRecords(ownDocuments());
  console.log(`bench:start — ${RUNS} fresh profiles; own documents: ${own.length} × ≈${OWN_DOC_CHARS.toLocaleString('en')} = ${own.reduce((n, d) => n + d.text.length, 0).toLocaleString('en')} characters; load average ${loadAverage()}`);
  try {
    for (const withOwn of [false, true]) {
      console.log(withOwn ? `\nshipped corpus + ${OWN_CHARS / 1e6} M characters of own documents` : '\nshipped corpus');
      const results = [];
      const rssMb: number[] = [];
      for (let r = 0; r < RUNS; r++) {
        const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
        results.push(await scenario(context, url, withOwn ? own : null, console.log));
        rssMb.push(rendererRssMb());
        await context.close();
      }
      const peaks = results.map((r) => r.rebuild.peakRssMb);
      console.log(`  memory of the page (resident size of Chromium's renderer processes, its workers included; an upper bound): after the loads ${rssMb.map((m) => `${m.toFixed(0)} MB`).join(', ')}; peak during the rebuild ${peaks.map((m) => `${m.toFixed(0)} MB`).join(', ')} — target < 1,024 MB: ${Math.max(...rssMb, ...peaks) < 1024 ? 'met' : 'NOT met'}`);
      const warm = results.flatMap((r) => r.warm.map((w) => w.ms));
      console.log(`  cold (first visit, built): ${spread(results.map((r) => r.cold.ms))}`);
      if (withOwn) console.log(`  first load after adding the documents (built): ${spread(results.map((r) => r.first.ms))}`);
      console.log(`  warm (reload, from the cache): ${spread(warm)}; rebuilt on a warm load: ${results.flatMap((r) => r.warm).filter((w) => w.built).length} — target ≤ ${TARGET_WARM_MS} ms: ${Math.max(...warm) <= TARGET_WARM_MS ? 'met in every run' : 'NOT met in every run'}`);
      const rebuilds = results.map((r) => r.rebuild);
      const probes = rebuilds.flatMap((r) => r.probes);
      console.log(`  rebuild after adding one document (background): ${spread(rebuilds.map((r) => r.ms))}; suggestions while it ran: ${probes.filter((p) => p !== null).length} of ${probes.length} probes showed a ghost${probes.some((p) => p !== null) ? ` (median ${fmt(median(probes.filter((p): p is number => p !== null)))} from the first typed character)` : ''}`);
      console.log(`  load average now ${loadAverage()}`);
      const { bytes, chars } = results[0];
      const perChar = (bytes + 2 * chars) / chars;
      console.log(`  index file ${(bytes / 1e6).toFixed(1)} MB for ${chars.toLocaleString('en')} characters = ${(bytes / chars).toFixed(1)} B/char; worker's index with decoded texts ≈ ${perChar.toFixed(1)} B/char (target ≤ ${TARGET_BYTES_PER_CHAR})`);
    }
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.httpServer.close(() => done()));
  }
}

/**
 * Resident memory (MB) of the Chromium renderer processes this bench started (the page with its workers; Linux
 * /proc): descendants of this process only, so that another program's Chromium is not counted.
 */
function rendererRssMb(): number {
  const parent = new Map<number, number>();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      // "pid (comm) state ppid …": comm may hold spaces, so read after its closing parenthesis.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent.set(Number(pid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended while being read
    }
  }
  const ours = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === process.pid) return true;
    return false;
  };
  let kb = 0;
  for (const pid of parent.keys()) {
    if (!ours(pid)) continue;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('--type=renderer')) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (rss) kb += Number(rss[1]);
    } catch {
      // the process ended while being read
    }
  }
  return kb / 1024;
}

await main();
