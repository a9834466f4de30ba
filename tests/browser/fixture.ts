/**
 * The browser tests' `test`, extended with fixtures (vitest `test.extend`): one Chromium per test file,
 * and per test a fresh profile with the app open in it. A fixture is set up only when a test names it,
 * and everything it opened is closed when the test ends, passed or failed; a failed test first leaves a
 * screenshot of each of its open pages in test-results/screenshots/ (`failed-<test>-<n>.png`).
 *
 *   browser     Debian's Chromium, launched once per file
 *   context     a fresh profile (own IndexedDB, localStorage, service workers)
 *   page        the app in `context`, editor ready, caret at the end of the draft
 *   indexedPage `page` once the phrase index is built, caret at the end again
 *   openPage    another tab of `context`, editor ready (`path` is appended to the app's URL)
 *   loadPage    another tab of `context`, loaded but not waited on (read-only, or waiting for a lock)
 *   newProfile  another fresh profile with the app open in it, e.g. to import a backup into
 */
import type { BrowserContext, Page } from 'playwright-core';
import { test as baseTest } from 'vitest';
import { focusEditorEnd, launchBrowser, loadApp, newContext, openApp, screenshot, waitForPhraseIndex } from './harness';

/** How long a failed test's screenshot may take before it is given up (ms): a hung page must not hang teardown. */
const FAILURE_SCREENSHOT_TIMEOUT_MS = 5_000;

/** The name of the screenshot of page `n` (from 1) left by the failed test `testName`. */
export function failureScreenshotName(testName: string, n: number): string {
  return `failed-${testName.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60)}-${n}`;
}

async function screenshotPages(contexts: readonly BrowserContext[], name: string): Promise<void> {
  const pages = contexts.flatMap((context) => context.pages());
  await Promise.all(pages.map((page, i) => Promise.race([
    screenshot(page, failureScreenshotName(name, i + 1)),
    new Promise((done) => setTimeout(done, FAILURE_SCREENSHOT_TIMEOUT_MS)),
  ]).catch((error: unknown) => console.warn(`[截图失败] ${name}`, error))));
}

export const test = baseTest
  // eslint-disable-next-line no-empty-pattern -- vitest reads a fixture's dependencies from this pattern
  .extend('browser', { scope: 'file' }, async ({}, { onCleanup }) => {
    const browser = await launchBrowser();
    onCleanup(() => browser.close());
    return browser;
  })
  .extend('profiles', async ({ browser, task }, { onCleanup }) => {
    const contexts: BrowserContext[] = [];
    onCleanup(async () => {
      if (task.result?.state === 'fail') await screenshotPages(contexts, task.name);
      await Promise.all(contexts.map((context) => context.close()));
    });
    return async (): Promise<BrowserContext> => {
      const context = await newContext(browser);
      contexts.push(context);
      return context;
    };
  })
  .extend('context', async ({ profiles }) => profiles())
  .extend('page', async ({ context }) => {
    const page = await openApp(context);
    await focusEditorEnd(page);
    return page;
  })
  .extend('indexedPage', async ({ page }) => {
    await waitForPhraseIndex(page);
    await focusEditorEnd(page);
    return page;
  })
  .extend('openPage', async ({ context }) => (path = ''): Promise<Page> => openApp(context, path))
  .extend('loadPage', async ({ context }) => (path = ''): Promise<Page> => loadApp(context, path))
  .extend('newProfile', async ({ profiles }) => async (): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await profiles();
    return { context, page: await openApp(context) };
  });

export { expect } from 'vitest';
