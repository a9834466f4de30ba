import { expect, test } from './fixture';
import { editorText, focusEditorEnd, screenshot, typeChars } from './harness';

test('version history: save a version, keep writing, preview and restore; the restore is itself undoable', async ({ page }) => {
  await typeChars(page, '第一稿');
  await page.waitForSelector('[data-save-state="saved"]');
  await page.getByRole('tab', { name: '历史' }).click();
  await page.getByRole('button', { name: '保存版本' }).click();
  await page.locator('.snapshot-open', { hasText: '手动' }).waitFor();
  await focusEditorEnd(page);
  await typeChars(page, '，改过了');
  await page.waitForSelector('[data-save-state="saved"]');

  await page.locator('.snapshot-open', { hasText: '手动' }).click();
  expect(await page.locator('.snapshot-preview pre').textContent()).toBe('第一稿');
  await page.getByRole('button', { name: '恢复此版本' }).click();
  await expect.poll(() => editorText(page)).toBe('第一稿');

  // The text before the restore was kept as a version of its own, and restoring it brings it back.
  await page.locator('.snapshot-open', { hasText: '恢复前' }).click();
  expect(await page.locator('.snapshot-preview pre').textContent()).toBe('第一稿，改过了');
  await screenshot(page, 'history-panel');
  await page.getByRole('button', { name: '恢复此版本' }).click();
  await expect.poll(() => editorText(page)).toBe('第一稿，改过了');
  await page.reload();
  await expect.poll(() => editorText(page)).toBe('第一稿，改过了');
});
