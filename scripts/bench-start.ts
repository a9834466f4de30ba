/**
 * Start-up of the phrase index in the real app (issue 15): serves the production build (dist/), opens it in
 * headless Debian Chromium and prints the time from navigation to the status bar's 「提法索引：N 篇」:
 *   - cold: a fresh profile (no service worker, no cached index: the texts are fetched and built);
 *   - warm: reloads of that profile (the index is read from the index cache, not rebuilt);
 *   - the same with 5 M characters of the writer's own documents, generated from the corpus (paragraphs of
 *     the shipped texts reshuffled into new documents) and stored in the app's `userDocuments` store.
 * For each load it also says whether the status bar ever showed 「正在建立提法索引…」 (a real build). Memory:
 * the cached index file's bytes per character, plus the 2 bytes per character of the decoded texts the
 * worker holds, against the 16 B/char target.
 *
 *   npm run bench:start          (builds first)      RUNS=n to change the number of profiles (default 3)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/browser/harness';
import { seededRandom } from './random';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.RUNS ?? 3);
const WARM_RELOADS = 3;
/** Characters of own documents in the second scenario. */
const OWN_CHARS = 5_000_000;
/** Length of one generated own document (characters). */
const OWN_DOC_CHARS = 20_000;
const TARGET_WARM_MS = 1000;
const TARGET_BYTES_PER_CHAR = 16;
const READY_TIMEOUT_MS = 180_000;

/** Records, from the start of navigation, every text of the status bar and when the ready text first showed. */
const STATUS_PROBE = `(() => {
  const seen = [];
  window.__startBench = { seen, readyMs: null, text: null };
  const look = () => {
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

interface Load { ms: number; text: string; built: boolean; marks: Record<string, number> }

async function measure(page: Page, navigate: () => Promise<unknown>): Promise<Load> {
  await navigate();
  await page.waitForFunction(() => (window as unknown as { __startBench?: { readyMs: number | null } }).__startBench?.readyMs != null, undefined, { timeout: READY_TIMEOUT_MS, polling: 50 });
  const r = await page.evaluate(() => (window as unknown as { __startBench: { readyMs: number; text: string; seen: string[] } }).__startBench);
  const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('phrase-index:')).map((m) => [m.name.slice(13), m.startTime])));
  return { ms: r.readyMs, text: r.text, built: r.seen.some((t) => t.includes('正在建立')), marks };
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

/** Stores `docs` in the app's own-documents store, as `storage/userDocuments.ts` writes them. */
async function addOwnDocuments(page: Page, docs: { title: string; text: string }[]): Promise<void> {
  for (let i = 0; i < docs.length; i += 25) {
    await page.evaluate(async (batch) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const req = indexedDB.open('jianggao');
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      await new Promise<void>((ok, fail) => {
        const tx = db.transaction('userDocuments', 'readwrite');
        const now = Date.now();
        batch.forEach((d, j) => tx.objectStore('userDocuments').put({ id: crypto.randomUUID(), title: d.title, text: d.text, addedAt: now + j }));
        tx.oncomplete = () => ok();
        tx.onerror = () => fail(tx.error);
      });
      db.close();
    }, docs.slice(i, i + 25));
  }
}

const fmt = (ms: number) => `${Math.round(ms)} ms`;
/** Where a load's time went: navigation → rebuild() starts → key computed → cache read → worker ready. */
function steps(load: Load): string {
  const m = load.marks;
  const d = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? '?' : Math.round(b - a));
  return `[page ${d(0, m.start)} · inputs+key ${d(m.start, m.key)} · cache read ${d(m.key, m.read)} · worker ${d(m.read, m.ready)}]`;
}
function spread(values: number[]): string {
  const s = [...values].sort((a, b) => a - b);
  const median = s[Math.floor(s.length / 2)];
  return `median ${fmt(median)}, min ${fmt(s[0])}, max ${fmt(s[s.length - 1])} (n=${s.length})`;
}

async function scenario(context: BrowserContext, url: string, own: { title: string; text: string }[] | null, log: (line: string) => void) {
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
  await page.close();
  const chars = Number(/([\d,]+) 字/.exec(warm[0].text)?.[1].replace(/,/g, '') ?? NaN);
  log(`  cold ${fmt(cold.ms)}${cold.built ? ' (built)' : ''}${own ? `; first load with own documents ${fmt(first.ms)}${first.built ? ' (built)' : ''}` : ''}; warm ${warm.map((w) => `${fmt(w.ms)}${w.built ? ' (BUILT)' : ''} ${steps(w)}`).join(', ')}  — ${warm[0].text}`);
  return { cold, first, warm, bytes, chars };
}

async function main(): Promise<void> {
  const server = await preview({ root: ROOT, logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, strictPort: false } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  const url = `http://127.0.0.1:${address.port}/`;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const own = ownDocuments();
  console.log(`bench:start — ${RUNS} fresh profiles; own documents: ${own.length} × ≈${OWN_DOC_CHARS.toLocaleString('en')} = ${own.reduce((n, d) => n + d.text.length, 0).toLocaleString('en')} characters`);
  try {
    for (const withOwn of [false, true]) {
      console.log(withOwn ? '\nshipped corpus + 5 M characters of own documents' : '\nshipped corpus');
      const results = [];
      for (let r = 0; r < RUNS; r++) {
        const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
        results.push(await scenario(context, url, withOwn ? own : null, console.log));
        await context.close();
      }
      const warm = results.flatMap((r) => r.warm.map((w) => w.ms));
      console.log(`  cold (first visit, built): ${spread(results.map((r) => r.cold.ms))}`);
      if (withOwn) console.log(`  first load after adding the documents (built): ${spread(results.map((r) => r.first.ms))}`);
      console.log(`  warm (reload, from the cache): ${spread(warm)}; rebuilt on a warm load: ${results.flatMap((r) => r.warm).filter((w) => w.built).length} — target ≤ ${TARGET_WARM_MS} ms: ${Math.max(...warm) <= TARGET_WARM_MS ? 'met in every run' : 'NOT met in every run'}`);
      const { bytes, chars } = results[0];
      const perChar = (bytes + 2 * chars) / chars;
      console.log(`  index file ${(bytes / 1e6).toFixed(1)} MB for ${chars.toLocaleString('en')} characters = ${(bytes / chars).toFixed(1)} B/char; worker's index with decoded texts ≈ ${perChar.toFixed(1)} B/char (target ≤ ${TARGET_BYTES_PER_CHAR})`);
    }
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.httpServer.close(() => done()));
  }
}

await main();
