import { expect, test } from './fixture';
import { editorText, typeChars } from './harness';

test('Ctrl+H fills a placeholder everywhere in one undo step', async ({ page }) => {
  await typeChars(page, '请XX县委、XX县政府抓好落实。');
  await page.keyboard.press('Control+h');
  await page.getByLabel('查找', { exact: true }).fill('XX县');
  await expect.poll(() => page.locator('.find-count').textContent()).toBe('2 处');
  await page.getByLabel('替换为').fill('云岭县');
  await page.getByRole('button', { name: '全部替换' }).click();
  await expect.poll(() => editorText(page)).toBe('请云岭县委、云岭县政府抓好落实。');
  await page.getByRole('button', { name: '关闭查找替换' }).click();
  await page.keyboard.press('Control+z');
  await expect.poll(() => editorText(page)).toBe('请XX县委、XX县政府抓好落实。');
});
