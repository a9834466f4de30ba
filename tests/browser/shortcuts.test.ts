/**
 * The 快捷键 help in the real app: F1 (from the editor), Ctrl+/ and the toolbar button open a modal dialog
 * listing the keys; focus moves into it and stays there; Esc or 关闭 close it and the writer types on
 * where they were.
 */
import type { Page } from 'playwright-core';
import { expect, test } from './fixture';
import { editorText, screenshot, typeChars } from './harness';

const dialog = (page: Page) => page.getByRole('dialog', { name: '快捷键' });
const focusInDialog = (page: Page) => dialog(page).evaluate((el) => el.contains(document.activeElement));
const focusInEditor = (page: Page) => page.evaluate(() => !!document.activeElement?.closest('.ProseMirror'));

test('F1 opens the 快捷键 dialog from the editor; Esc closes it and typing goes on in the editor', async ({ page }) => {
  await typeChars(page, '同志们');
  await page.keyboard.press('F1');
  await dialog(page).waitFor({ state: 'visible' });
  expect(await dialog(page).getAttribute('aria-modal')).toBe('true');
  expect(await dialog(page).getByRole('heading', { name: '快捷键', exact: true }).isVisible()).toBe(true);
  const text = (await dialog(page).textContent()) ?? '';
  for (const expected of ['Tab', '接受', '提法提示', '结构与模板', '编辑', '查找替换', 'Alt+↓', 'Ctrl+F']) expect(text).toContain(expected);
  expect(await dialog(page).locator('kbd', { hasText: 'Tab' }).count()).toBeGreaterThan(0);
  await expect.poll(() => focusInDialog(page)).toBe(true);
  await screenshot(page, 'shortcuts');

  // Focus stays in the dialog, and the page behind takes no keys (Ctrl+F would open the find bar).
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Tab');
    expect(await focusInDialog(page)).toBe(true);
  }
  await page.keyboard.press('Control+f');
  expect(await page.getByLabel('查找', { exact: true }).count()).toBe(0);

  await page.keyboard.press('Escape');
  await dialog(page).waitFor({ state: 'detached' });
  await expect.poll(() => focusInEditor(page)).toBe(true);
  await typeChars(page, '：');
  await expect.poll(() => editorText(page)).toBe('同志们：');
});

test('the toolbar button and Ctrl+/ open it too; 关闭 returns to the editor', async ({ page }) => {
  await typeChars(page, '下面');
  await page.getByRole('button', { name: '快捷键' }).click();
  await dialog(page).waitFor({ state: 'visible' });
  await expect.poll(() => focusInDialog(page)).toBe(true);
  await dialog(page).getByRole('button', { name: '关闭' }).click();
  await dialog(page).waitFor({ state: 'detached' });
  await expect.poll(() => focusInEditor(page)).toBe(true);
  await typeChars(page, '我讲');

  await page.keyboard.press('Control+/');
  await dialog(page).waitFor({ state: 'visible' });
  await page.keyboard.press('Escape');
  await dialog(page).waitFor({ state: 'detached' });
  await typeChars(page, '三点');
  await expect.poll(() => editorText(page)).toBe('下面我讲三点');
});
