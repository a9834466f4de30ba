/** The fixtures themselves: a test that fails still has every profile it opened closed, and leaves a screenshot of each page. */
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, failureScreenshotName, test } from './fixture';
import { SCREENSHOT_DIR } from './harness';

const FAILING = 'a test that fails with two profiles open';
const shots = [1, 2].map((n) => resolve(SCREENSHOT_DIR, `${failureScreenshotName(FAILING, n)}.png`));

test.fails(FAILING, async ({ page, newProfile }) => {
  for (const shot of shots) rmSync(shot, { force: true });
  const { page: other } = await newProfile();
  expect(page.context()).not.toBe(other.context());
  expect(await page.title()).toBe('这不是讲稿的标题');
});

test('after it, the file\'s browser has no profile left open, and each of its pages was photographed', async ({ browser }) => {
  expect(browser.contexts()).toEqual([]);
  for (const shot of shots) expect(existsSync(shot), shot).toBe(true);
});
