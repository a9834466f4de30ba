/**
 * A read-only tab accepts nothing: two pages on one draft, the second following the first. Its 插入 of a
 * template, the slash menu, find/replace, paste and drop are disabled or refused with 「此稿件正在另一个
 * 标签页编辑」, a command dispatched anyway changes nothing, and taking over saves none of it.
 */
import { expect, test } from './fixture';
import { editorText, focusEditorEnd, readStore, screenshot, typeChars, waitForEditor } from './harness';

const REFUSED = '此稿件正在另一个标签页编辑';

test('a following tab refuses 插入, the slash menu, replace, paste and drop, and takes over with the other tab\'s text only', async ({ page: first, loadPage }) => {
  await typeChars(first, '第一页写的');
  await first.waitForSelector('[data-save-state="saved"]');
  const second = await loadPage();
  await second.locator('[data-read-only]').waitFor();
  await expect.poll(() => second.locator('.ProseMirror').getAttribute('contenteditable')).toBe('false');

  // 模板: every 插入 is disabled.
  await second.getByRole('tab', { name: '模板' }).click();
  const insert = second.getByRole('button', { name: /^插入「/ }).first();
  await insert.waitFor();
  expect(await insert.isDisabled()).toBe(true);

  // The slash menu: 「/」 typed at the read-only page opens nothing and adds nothing.
  await second.locator('.ProseMirror').click();
  await second.keyboard.press('End');
  await second.keyboard.type('/');
  await second.keyboard.insertText('、');
  await second.waitForTimeout(300);
  expect(await second.locator('.jg-slash-menu').count()).toBe(0);

  // Find/replace: finding works, replacing is disabled.
  await second.getByRole('button', { name: '查找替换' }).click();
  await second.getByLabel('查找', { exact: true }).fill('第一页');
  await expect.poll(() => second.locator('[data-find-count]').getAttribute('data-find-count')).toBe('1');
  expect(await second.getByRole('button', { name: '全部替换' }).isDisabled()).toBe(true);
  expect(await second.getByRole('button', { name: '替换', exact: true }).isDisabled()).toBe(true);
  await second.getByRole('button', { name: '关闭查找替换' }).click();

  // Paste and drop on the page are refused with the message.
  const prevented = await second.locator('.ProseMirror').evaluate((dom) => {
    const data = new DataTransfer();
    data.setData('text/plain', '粘贴进来的字');
    const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    dom.dispatchEvent(paste);
    const drop = new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true });
    dom.dispatchEvent(drop);
    return [paste.defaultPrevented, drop.defaultPrevented];
  });
  expect(prevented).toEqual([true, true]);
  await second.locator('.toast-message', { hasText: REFUSED }).waitFor();

  // What used to land at the start of the document: a template inserted through the editor's command.
  await second.locator('.ProseMirror').evaluate((dom) => {
    const editor = (dom as unknown as { editor: { chain(): { focus(): { insertTemplate(body: string): { run(): boolean } } } } }).editor;
    editor.chain().focus().insertTemplate('一、模板的标题\n同志们：').run();
  });
  expect(await editorText(second)).toBe('第一页写的');
  await second.evaluate(() => { document.querySelector('.desk')!.scrollTop = 0; });
  await screenshot(second, 'read-only-refused');

  // Taking over: the editable page shows, and saves, only what the first page wrote.
  await second.getByRole('button', { name: '在此页编辑' }).click();
  await waitForEditor(second);
  await first.locator('[data-read-only]').waitFor();
  expect(await editorText(second)).toBe('第一页写的');
  await second.waitForTimeout(600);
  expect((await readStore<{ text: string }>(second, 'drafts')).map((d) => d.text)).toEqual(['第一页写的']);
  await focusEditorEnd(second);
  await typeChars(second, '，第二页接着写');
  await second.waitForSelector('[data-save-state="saved"]');
  await expect.poll(async () => (await readStore<{ text: string }>(second, 'drafts')).map((d) => d.text)).toEqual(['第一页写的，第二页接着写']);
  await expect.poll(() => editorText(first)).toBe('第一页写的，第二页接着写');
});
