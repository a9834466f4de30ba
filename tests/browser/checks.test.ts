/**
 * Proofreading in a real browser: a pasted paragraph with an IME slip and an outdated formulation is
 * checked in the worker after the pause; the 检查 badge counts both, one click replaces, undo restores,
 * 「忽略」 survives a reload. The 提法库 finds 「两个确立」 by its pinyin initials and inserts it.
 */
import type { Page } from 'playwright-core';
import { expect, test } from './fixture';
import { editorText, focusEditorEnd, pasteText, PHRASE_INDEX_TIMEOUT_MS, screenshot, waitForPhraseIndex } from './harness';

const PARAGRAPH = '我们要增强“四个意思”，坚定“四个自信”，为决胜全面建成小康社会而努力奋斗。';

const badge = (page: Page) => page.getByRole('tab', { name: /检查/ }).locator('.check-badge');
const badgeCount = async (page: Page) => ((await badge(page).count()) ? Number(await badge(page).textContent()) : 0);

test('a slip and an outdated formulation are found, replaced in one undo step, and 忽略 survives a reload', async ({ indexedPage: page }) => {
  await pasteText(page, PARAGRAPH);
  await expect.poll(() => editorText(page)).toContain('四个意思');
  await expect.poll(() => badgeCount(page), { timeout: PHRASE_INDEX_TIMEOUT_MS }).toBe(2);

  await page.getByRole('tab', { name: /检查/ }).click();
  const slip = page.locator('.proofread-item[data-kind="提法"]');
  const stale = page.locator('.proofread-item[data-kind="时效"]');
  await slip.waitFor();
  await stale.waitFor();
  expect(await slip.textContent()).toMatch(/篇文档/);
  expect(await stale.textContent()).toContain('决胜全面建成小康社会');
  await screenshot(page, 'checks-panel');

  await slip.getByRole('button', { name: '改为「识」' }).click();
  await expect.poll(() => editorText(page)).toContain('增强“四个意识”');
  await expect.poll(() => badgeCount(page), { timeout: PHRASE_INDEX_TIMEOUT_MS }).toBe(1);
  await page.keyboard.press('Control+z');
  await expect.poll(() => editorText(page)).toContain('增强“四个意思”');
  expect(await editorText(page)).not.toContain('四个意识');
  await expect.poll(() => badgeCount(page), { timeout: PHRASE_INDEX_TIMEOUT_MS }).toBe(2);

  await stale.getByRole('button', { name: '忽略' }).click();
  await expect.poll(() => badgeCount(page)).toBe(1);
  await expect.poll(() => stale.count()).toBe(0);

  await page.reload();
  await waitForPhraseIndex(page);
  await page.getByRole('tab', { name: /检查/ }).click();
  await page.locator('.proofread-item[data-kind="提法"]').waitFor({ timeout: PHRASE_INDEX_TIMEOUT_MS });
  expect(await badgeCount(page)).toBe(1);
  expect(await page.locator('.proofread-item[data-kind="时效"]').count()).toBe(0);
  expect(await page.locator('.proofread').textContent()).toContain('本稿已忽略 1 处');
});

test('the 提法库 finds 「两个确立」 by 「lgql」 and inserts it at the cursor', async ({ indexedPage: page }) => {
  await page.getByRole('tab', { name: '提法库' }).click();
  await page.getByLabel('搜索提法库').fill('lgql');
  const item = page.locator('.library-insert', { hasText: /^两个确立$/ });
  await item.waitFor({ timeout: PHRASE_INDEX_TIMEOUT_MS });
  await screenshot(page, 'formulation-library');
  await focusEditorEnd(page);
  await item.click();
  await expect.poll(() => editorText(page)).toContain('两个确立');
});
