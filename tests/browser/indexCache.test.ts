/**
 * Issue 15.5–6 / 17.5 in a real browser: the built index is kept (Cache Storage) and a reload reads it
 * instead of rebuilding; a damaged cached index is rebuilt, never used; a pack switched off is gone from
 * suggestions and stays off after a reload; offline, the cached index still suggests; the list's source line.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, test } from './fixture';
import { focusEditorEnd, PHRASE_INDEX_TIMEOUT_MS, screenshot, typeChars, waitForEditor, waitForGhost, waitForPhraseIndex } from './harness';

const MANIFEST = JSON.parse(readFileSync(new URL('../../corpus/manifest.json', import.meta.url), 'utf8')) as { packs: { id: string; documents: number }[]; documents: unknown[] };
const CACHE = 'jianggao-phrase-index';

/** Records every text the index status shows from the start of each navigation (window.__statusTexts). */
const STATUS_LOG = `(() => {
  const seen = [];
  window.__statusTexts = seen;
  new MutationObserver(() => {
    const text = document.querySelector('[data-phrase-index]')?.textContent ?? '';
    if (text && seen[seen.length - 1] !== text) seen.push(text);
  }).observe(document, { subtree: true, childList: true, characterData: true });
})();`;

const statusTexts = (page: Page) => page.evaluate(() => (window as unknown as { __statusTexts: string[] }).__statusTexts);
const cachedFiles = (page: Page) => page.evaluate(async (name) => (await (await caches.open(name)).keys()).length, CACHE);

/** Waits until the index just built is in the cache (it is written after the status says ready). */
async function waitForCachedFiles(page: Page, n: number): Promise<void> {
  await expect.poll(() => cachedFiles(page), { timeout: PHRASE_INDEX_TIMEOUT_MS }).toBeGreaterThanOrEqual(n);
}

async function reloadReady(page: Page): Promise<void> {
  await page.reload();
  await waitForEditor(page);
  await waitForPhraseIndex(page);
}

test('a reload reads the cached index: no rebuild, and it suggests', async ({ page }) => {
  await page.addInitScript(STATUS_LOG);
  await waitForPhraseIndex(page);
  await waitForCachedFiles(page, 1);
  await reloadReady(page);
  const seen = await statusTexts(page);
  expect(seen.some((t) => t.includes('正在建立'))).toBe(false);
  expect(seen.at(-1)).toContain(`${MANIFEST.documents.length} 篇`);
  await focusEditorEnd(page);
  await typeChars(page, '铸牢中华民族');
  expect(await waitForGhost(page)).toMatch(/^共同体意识/);
  // The list's source line: documents and years, titles with years on hover.
  await page.keyboard.press('Alt+ArrowDown');
  const source = page.locator('.suggestion-list .suggestion-source').first();
  expect(await source.textContent()).toMatch(/^出自 \d+ 篇 · (19|20)\d\d–20\d\d$/);
  expect(await source.getAttribute('title')).toMatch(/《.+》（20\d\d）/);
  await screenshot(page, 'index-cache-warm-source-line');
}, 120_000);

test('a damaged cached index is not used: it is rebuilt, and the rebuilt one is cached again', async ({ page }) => {
  await page.addInitScript(STATUS_LOG);
  await waitForPhraseIndex(page);
  await waitForCachedFiles(page, 1);
  // Flip one byte in the middle of the stored file.
  await page.evaluate(async (name) => {
    const cache = await caches.open(name);
    const [request] = await cache.keys();
    const response = (await cache.match(request))!;
    const bytes = new Uint8Array(await response.arrayBuffer());
    bytes[bytes.length >> 1] ^= 0x55;
    await cache.put(request, new Response(bytes, { headers: response.headers }));
  }, CACHE);
  await reloadReady(page);
  expect((await statusTexts(page)).some((t) => t.includes('正在建立'))).toBe(true);
  await focusEditorEnd(page);
  await typeChars(page, '铸牢中华民族');
  expect(await waitForGhost(page)).toMatch(/^共同体意识/);
  // The rebuilt index replaced the damaged file: the next load reads it.
  await expect.poll(() => page.evaluate(async (name) => {
    const cache = await caches.open(name);
    const [request] = await cache.keys();
    const bytes = new Uint8Array(await (await cache.match(request))!.arrayBuffer());
    return bytes.length > 0 && (await cache.keys()).length === 1 ? 'one' : 'other';
  }, CACHE), { timeout: PHRASE_INDEX_TIMEOUT_MS }).toBe('one');
  await reloadReady(page);
  expect((await statusTexts(page)).some((t) => t.includes('正在建立'))).toBe(false);
}, 180_000);

test('a pack switched off is gone from the suggestions, and stays off after a reload (read from the cache)', async ({ page }) => {
  await page.addInitScript(STATUS_LOG);
  await waitForPhraseIndex(page);
  await focusEditorEnd(page);
  // Only the State Council's reports ask 「请全国政协各位委员提出意见」.
  await typeChars(page, '并请全国政协各位委');
  expect(await waitForGhost(page)).toMatch(/^员提出意见/);
  await page.getByRole('tab', { name: '提法', exact: true }).click();
  await page.locator('.phrase-packs [data-pack="national-reports"] input').uncheck();
  const remaining = MANIFEST.documents.length - MANIFEST.packs.find((p) => p.id === 'national-reports')!.documents;
  await expect.poll(() => page.locator('[data-phrase-index]').textContent(), { timeout: PHRASE_INDEX_TIMEOUT_MS }).toContain(`提法索引：${remaining} 篇`);
  await waitForCachedFiles(page, 2);
  await reloadReady(page);
  expect(await page.locator('[data-phrase-index]').textContent()).toContain(`提法索引：${remaining} 篇`);
  expect((await statusTexts(page)).some((t) => t.includes('正在建立'))).toBe(false);
  await page.getByRole('tab', { name: '提法', exact: true }).click();
  expect(await page.locator('.phrase-packs [data-pack="national-reports"] input').isChecked()).toBe(false);
  await focusEditorEnd(page);
  await page.keyboard.press('Enter');
  await typeChars(page, '并请全国政协各位委');
  // Give the engine time to answer; no ghost from the switched-off pack may come.
  await page.waitForTimeout(1500);
  expect(await page.locator('[data-ghost-text]').textContent().catch(() => null) ?? '').not.toMatch(/^员提出意见/);
  await screenshot(page, 'index-cache-pack-off');
}, 240_000);

test('offline, a reload reads the cached index and still suggests', async ({ context, page }) => {
  await page.addInitScript(STATUS_LOG);
  await waitForPhraseIndex(page);
  await waitForCachedFiles(page, 1);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await context.setOffline(true);
  await reloadReady(page);
  expect((await statusTexts(page)).some((t) => t.includes('正在建立'))).toBe(false);
  await focusEditorEnd(page);
  await typeChars(page, '铸牢中华民族');
  expect(await waitForGhost(page)).toMatch(/^共同体意识/);
}, 120_000);
