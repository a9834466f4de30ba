/**
 * Handing a draft in: 导出 Word asks first when placeholders are unfilled (with the list one click away),
 * history versions carry names and a restore says what it kept, each draft keeps its caret and scroll
 * position when the writer switches, the empty editor shows its hint, and template cards show no markup.
 */
import { expect, test } from './fixture';
import { docText, editorText, focusEditorEnd, screenshot, typeChars, waitForEditor } from './harness';

test('导出 Word with unfilled placeholders asks 「还有 3 处未填，仍要导出？」; 查看列表 opens 检查; the writer can export anyway', async ({ page }) => {
  await typeChars(page, 'XX县今年完成投资××亿元。');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('请{{单位}}抓好落实。');
  await expect.poll(() => docText(page)).toBe('XX县今年完成投资××亿元。\n请{{单位}}抓好落实。');

  await page.getByRole('tab', { name: /数据/ }).click();
  let downloads = 0;
  page.on('download', () => { downloads++; });
  await page.getByRole('button', { name: '导出 Word' }).click();
  const question = page.getByRole('alertdialog');
  await question.waitFor();
  expect(await question.textContent()).toContain('还有 3 处未填，仍要导出？');
  await screenshot(page, 'handin-export-question');

  await question.getByRole('button', { name: '查看列表' }).click();
  await expect.poll(() => page.getByRole('tab', { name: /检查/ }).getAttribute('aria-selected')).toBe('true');
  expect(await page.getByRole('alertdialog').count()).toBe(0);
  expect(await page.locator('.check-item.check-placeholder').count()).toBe(3);
  expect(downloads).toBe(0);

  await page.getByRole('tab', { name: /数据/ }).click();
  await page.getByRole('button', { name: '导出 Word' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('alertdialog').getByRole('button', { name: '仍要导出' }).click();
  expect((await downloading).suggestedFilename()).toMatch(/\.docx$/);
  expect(await page.getByRole('alertdialog').count()).toBe(0);
});

test('history versions can be named, and a restore says that a 「恢复前」 version was kept', async ({ page }) => {
  await typeChars(page, '初稿的正文。');
  await page.waitForSelector('[data-save-state="saved"]');
  await page.getByRole('tab', { name: /历史/ }).click();
  await page.getByLabel('版本名称').fill('初稿');
  await page.getByRole('button', { name: '保存版本' }).click();
  await page.locator('.snapshot-name', { hasText: '初稿' }).waitFor();

  await focusEditorEnd(page);
  await typeChars(page, '改了一句。');
  await page.waitForSelector('[data-save-state="saved"]');
  await page.getByLabel('版本名称').fill('修改稿');
  await page.getByRole('button', { name: '保存版本' }).click();
  await page.locator('.snapshot-name', { hasText: '修改稿' }).waitFor();

  await page.locator('.snapshot-open', { hasText: '初稿' }).click();
  await page.getByRole('button', { name: '恢复此版本' }).click();
  await expect.poll(() => editorText(page)).toBe('初稿的正文。');
  await expect.poll(() => page.locator('.snapshot-status').textContent()).toContain('恢复前的内容已另存为「恢复前」版本');
  expect(await page.locator('.snapshot-open', { hasText: '恢复前' }).count()).toBe(1);
  await screenshot(page, 'handin-named-versions');

  // The names are stored: they are still there after a reload.
  await page.reload();
  await waitForEditor(page);
  await page.getByRole('tab', { name: /历史/ }).click();
  await page.locator('.snapshot-name', { hasText: '修改稿' }).waitFor();
  expect(await page.locator('.snapshot-name').allTextContents()).toEqual(expect.arrayContaining(['初稿', '修改稿']));
});

/** The desk's scroll position and the editor's selection. */
const where = (page: import('playwright-core').Page) => page.evaluate(() => {
  const editor = (document.querySelector('.ProseMirror') as Element & { editor: { state: { selection: { from: number } } } }).editor;
  return { scrollTop: Math.round(document.querySelector('.desk')!.scrollTop), from: editor.state.selection.from };
});

test('switching drafts puts back each draft\'s own caret and scroll position', async ({ page }) => {
  for (let i = 1; i <= 40; i++) {
    await page.keyboard.insertText(`第${i}段，今天召开全县干部大会，部署下一阶段的重点工作。`);
    await page.keyboard.press('Enter');
  }
  await page.waitForSelector('[data-save-state="saved"]');
  await page.getByLabel('稿件名称').first().fill('长稿');
  await page.getByLabel('稿件名称').first().press('Enter');
  // The caret in the 12th paragraph, the page scrolled further down.
  await page.locator('.ProseMirror p', { hasText: '第12段' }).click();
  await page.evaluate(() => { document.querySelector('.desk')!.scrollTop = 900; });
  await page.waitForTimeout(200);
  const long = await where(page);
  expect(long.scrollTop).toBeGreaterThan(500);

  await page.getByRole('button', { name: '＋ 新建' }).click();
  await waitForEditor(page);
  await expect.poll(() => editorText(page)).toBe('');
  await focusEditorEnd(page);
  await typeChars(page, '短稿');
  const short = await where(page);

  await page.locator('.draft-open', { hasText: '长稿' }).click();
  await expect.poll(() => editorText(page)).toContain('第40段');
  await expect.poll(() => where(page)).toEqual(long);
  // The caret is really there: typing lands in the 12th paragraph.
  await page.keyboard.insertText('★');
  expect(await page.locator('.ProseMirror p', { hasText: '★' }).textContent()).toContain('第12段');
  await screenshot(page, 'handin-caret-restored');

  await page.locator('.draft-open', { hasText: '未命名讲稿' }).click();
  await expect.poll(() => editorText(page)).toBe('短稿');
  await expect.poll(() => where(page)).toEqual(short);
});

test('the empty editor shows the one-line hint for 「/」 and 「、」, gone once the writer types', async ({ page }) => {
  const hint = () => page.locator('.ProseMirror p.is-editor-empty').evaluateAll((ps) => ps.map((p) => getComputedStyle(p, '::before').content));
  await expect.poll(hint).toEqual(['"输入「/」或「、」插入模板和编号标题"']);
  await screenshot(page, 'handin-empty-hint');
  await typeChars(page, '同志们：');
  await expect.poll(hint).toEqual([]);
});

test('template cards preview their text without {{…}} or ⏎ markup', async ({ page }) => {
  await page.getByRole('tab', { name: '模板' }).click();
  await page.locator('.template-preview').first().waitFor();
  const previews = await page.locator('.template-preview').allTextContents();
  expect(previews.length).toBeGreaterThan(5);
  for (const text of previews) expect(text).not.toMatch(/\{\{|\}\}|⏎/);
  expect(await page.locator('.template-preview .template-var').count()).toBeGreaterThan(0);
});
