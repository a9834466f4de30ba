/** Word files in a real browser: export the draft as .docx (official layout), import it back as a new draft. */
import { readFileSync } from 'node:fs';
import { expect, test } from './fixture';
import { docText, focusEditorEnd, typeChars } from './harness';


test('export to Word and import the .docx back: the text and the computed numbers survive', async ({ page }) => {
  await page.getByLabel('稿件名称').first().fill('全县动员大会讲话');
  await page.getByLabel('稿件名称').first().press('Enter');
  await focusEditorEnd(page);
  await typeChars(page, '同志们：');
  await page.keyboard.press('Enter');
  await typeChars(page, '一、统一思想');
  await page.keyboard.press('Enter');
  await typeChars(page, '要提高认识。');
  await page.keyboard.press('Enter');
  await typeChars(page, '二、狠抓落实');
  await expect.poll(() => docText(page)).toBe('同志们：\n一、统一思想\n要提高认识。\n二、狠抓落实');
  await page.waitForSelector('[data-save-state="saved"]');

  await page.getByRole('tab', { name: '数据' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Word' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('全县动员大会讲话.docx');
  const bytes = readFileSync((await download.path())!);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');

  await page.getByLabel('导入文本').setInputFiles({ name: '回读.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: bytes });
  await expect.poll(() => page.locator('.data-message').textContent()).toContain('已导入「回读.docx」');
  // The centred title line becomes the new draft's name (not the file name); the speech follows with its
  // headings recognised and renumbered.
  await expect.poll(() => docText(page)).toBe('同志们：\n一、统一思想\n要提高认识。\n二、狠抓落实');
  expect(await page.getByLabel('稿件名称').first().inputValue()).toBe('全县动员大会讲话');
  expect(await page.locator('.section-heading').count()).toBe(2);

  await page.getByLabel('导入文本').setInputFiles({ name: '旧稿.doc', mimeType: 'application/msword', buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) });
  await expect.poll(() => page.locator('.data-message.is-error').textContent()).toContain('另存为 .docx');
});
