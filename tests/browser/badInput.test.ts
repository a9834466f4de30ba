/** Bad input in a real browser: a GBK text file, a binary file, a 10 MB paste — clear Chinese, nothing lost. */
import { resolve } from 'node:path';
import { expect, test } from './fixture';
import { editorText, typeChars } from './harness';

test('a GBK text file imports as a new draft with its Chinese intact; a binary file is refused', async ({ page }) => {
  await page.getByRole('tab', { name: '数据' }).click();
  // A file saved by an old office editor in GBK (made with Python's gbk codec).
  await page.getByLabel('导入文本').setInputFiles(resolve(import.meta.dirname, '../fixtures/gbk-draft.txt'));
  await expect.poll(() => page.locator('.data-message').textContent()).toContain('按 GBK 编码读取');
  await expect.poll(() => editorText(page)).toContain('下面，我讲几点意见。');
  expect(await page.locator('.draft-title', { hasText: 'gbk-draft' }).count()).toBe(1);

  await page.getByLabel('导入文本').setInputFiles({ name: 'photo.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]) });
  await expect.poll(() => page.locator('.data-message').textContent()).toContain('这不是文本文件');
  expect(await page.locator('.draft-item').count()).toBe(2);
});

test('a 10 MB paste is refused with a message and the draft is untouched', async ({ page }) => {
  await typeChars(page, '原有内容');
  await page.locator('.ProseMirror').evaluate((el) => {
    const data = new DataTransfer();
    data.setData('text/plain', '讲'.repeat(10 * 1024 * 1024 / 3));
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await page.locator('.toast-message.is-error', { hasText: '粘贴的内容过长' }).waitFor();
  expect(await editorText(page)).toBe('原有内容');
});
