/**
 * The ghost suggestion told to screen readers: a visually hidden polite live region says 「提示：…，按 Tab
 * 接受」 once a new ghost has stayed ~400 ms, not again while the writer types through it, not while an
 * IME composes, and empties as soon as the ghost goes (Esc, a character that contradicts it).
 */
import type { Page } from 'playwright-core';
import { expect, test } from './fixture';
import { announcementText } from '../../src/editor/suggestion/announce';
import { GHOST, ghost, typeChars, typeWords, waitForGhost } from './harness';

const REGION = '[role="status"].suggestion-announcement';

/** What the page saw, in its own clock: each change of the ghost's text and of the region's text. */
interface Seen { t: number; kind: 'ghost' | 'region'; text: string | null }

/** Starts recording, in the page, each change of the ghost's text and of the region's text (see `seen`). */
async function watch(page: Page): Promise<void> {
  await page.evaluate(([ghostSel, regionSel]) => {
    const seen: Seen[] = [];
    (window as unknown as { __seen: Seen[] }).__seen = seen;
    const root = document.querySelector('.ProseMirror')!;
    const region = document.querySelector(regionSel)!;
    let ghost: string | null = null;
    new MutationObserver(() => {
      const now = root.querySelector(ghostSel)?.textContent ?? null;
      if (now !== ghost) seen.push({ t: performance.now(), kind: 'ghost', text: (ghost = now) });
    }).observe(root, { childList: true, subtree: true, characterData: true });
    new MutationObserver(() => seen.push({ t: performance.now(), kind: 'region', text: region.textContent })).observe(region, { childList: true, subtree: true, characterData: true });
  }, [GHOST, REGION] as const);
}

function region(page: Page): Promise<string> {
  return page.evaluate((sel) => document.querySelector(sel)!.textContent ?? '', REGION);
}

function seen(page: Page): Promise<Seen[]> {
  return page.evaluate(() => (window as unknown as { __seen: Seen[] }).__seen.slice());
}

/** Non-empty texts the region has said so far. */
async function said(page: Page): Promise<string[]> {
  return (await seen(page)).filter((s) => s.kind === 'region' && s.text).map((s) => s.text!);
}

test('the announcement wording, with the draft\'s own earlier wording told apart', () => {
  expect(announcementText({ text: '意识”、', origin: 'corpus' })).toBe('提示：意识”、，按 Tab 接受');
  expect(announcementText({ text: '意识”、', origin: 'draft' })).toBe('本稿前文提示：意识”、，按 Tab 接受');
});

test('a new ghost is announced once after a pause; typing through it is quiet; Esc and a contradicting character empty the region', async ({ indexedPage: page }) => {
  await watch(page);
  const live = page.locator(REGION);
  expect(await live.count()).toBe(1);
  expect(await live.getAttribute('aria-live')).toBe('polite');
  expect(await live.evaluate((n) => n.getBoundingClientRect().width <= 1 && getComputedStyle(n).position === 'absolute')).toBe(true);
  expect(await region(page)).toBe('');

  await typeWords(page, '增强', '“', '四个');
  const text = await waitForGhost(page);
  await expect.poll(() => region(page)).toContain(text);
  expect(await region(page)).toBe(`提示：${text}，按 Tab 接受`);
  // Not at once: the ghost had stayed on screen ~400 ms when the region spoke.
  const log = await seen(page);
  const shownAt = log.findLast((s) => s.kind === 'ghost' && s.text === text)!.t;
  const saidAt = log.find((s) => s.kind === 'region' && s.text?.includes(text))!.t;
  expect(saidAt - shownAt).toBeGreaterThanOrEqual(350);

  // Typing through: the ghost shrinks, nothing new is said.
  await typeChars(page, text.slice(0, 2));
  await expect.poll(() => ghost(page)).toBe(text.slice(2));
  await page.waitForTimeout(700);
  expect(await said(page)).toEqual([`提示：${text}，按 Tab 接受`]);

  // Esc hides the ghost: the region empties.
  await page.keyboard.press('Escape');
  await expect.poll(() => ghost(page)).toBeNull();
  await expect.poll(() => region(page)).toBe('');

  // Typing brings a ghost back; it is announced again.
  await typeChars(page, text.slice(2, 3));
  const back = await waitForGhost(page);
  await expect.poll(() => region(page)).toBe(`提示：${back}，按 Tab 接受`);

  // A character the ghost does not begin with: the region empties (whatever may be suggested next).
  const before = (await seen(page)).length;
  await typeChars(page, back.startsWith('。') ? '，' : '。');
  await expect.poll(async () => (await seen(page)).slice(before).some((s) => s.kind === 'region' && s.text === '')).toBe(true);
  expect(await ghost(page)).not.toBe(back);
  expect(await region(page)).not.toContain(back);
});

test('nothing is announced while a pinyin IME composes; the ghost after the commit is', async ({ indexedPage: page }) => {
  await watch(page);
  const cdp = await page.context().newCDPSession(page);
  await typeChars(page, '坚持和发展');
  await waitForGhost(page);
  await expect.poll(() => region(page)).toMatch(/^提示：.+，按 Tab 接受$/);
  const before = (await said(page)).length;
  for (const step of ['z', 'zh', 'zhong', 'zhongguo']) {
    await cdp.send('Input.imeSetComposition', { text: step, selectionStart: step.length, selectionEnd: step.length });
  }
  await expect.poll(() => region(page)).toBe('');
  await page.waitForTimeout(700);
  expect(await said(page)).toHaveLength(before);
  await cdp.send('Input.insertText', { text: '中国' });
  const after = await waitForGhost(page);
  expect(after.startsWith('特色')).toBe(true);
  await expect.poll(() => region(page)).toBe(`提示：${after}，按 Tab 接受`);
});
