/**
 * Structure in the real editor: the slash menu (pinyin initials), computed section numbers that follow a
 * deletion, typing and pasting numbered paragraphs, the draft check, and a template saved from the
 * selection surviving a reload. Screenshots of the outline and check panels are kept for a person.
 */
import type { Page } from 'playwright-core';
import { expect, test } from './fixture';
import { docText, editorText, focusEditorEnd, pasteText, readStore, screenshot, typeChars, waitForEditor } from './harness';

const MENU = '.jg-slash-menu [role="listbox"]';
const SELECTED_OPTION = `${MENU} [role="option"][aria-selected="true"]`;

async function openSlashMenu(page: Page, query: string): Promise<void> {
  await typeChars(page, `/${query}`);
  await page.locator(SELECTED_OPTION).waitFor({ state: 'visible', timeout: 5_000 }).catch(async (error) => {
    await screenshot(page, `slash-menu-failed-${query}`);
    console.error('[slash menu did not open]', JSON.stringify(await editorText(page)), await page.locator('.jg-slash-menu').count());
    throw error;
  });
}


async function fillVariables(page: Page, values: string[]): Promise<void> {
  const form = page.getByRole('dialog');
  await form.waitFor({ state: 'visible' });
  const inputs = form.locator('input');
  for (const [i, value] of values.entries()) await inputs.nth(i).fill(value);
  await inputs.first().press('Enter');
  await form.waitFor({ state: 'detached' });
}

test('the slash menu inserts an opening found by pinyin initials', async ({ page }) => {
  await openSlashMenu(page, 'tzm');
  const selected = page.locator(SELECTED_OPTION);
  expect(await selected.textContent()).toContain('同志们');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  expect(await page.locator('.ProseMirror').getAttribute('aria-activedescendant')).toBe(await selected.getAttribute('id'));
  await page.keyboard.press('Enter');
  await fillVariables(page, ['党的二十届三中全会精神', '全会精神']);
  await expect.poll(() => docText(page)).toBe(
    '同志们：\n刚才，我们认真学习了党的二十届三中全会精神，相信大家感触深刻、收获很多。下面，就如何学习贯彻全会精神，我讲几点意见。',
  );
  expect(await page.locator(MENU).count()).toBe(0);
  // One undo step takes the whole insertion away (the typed 「/tzm」 comes back).
  await page.keyboard.press('Control+z');
  await expect.poll(() => docText(page)).toBe('/tzm');
  // Esc closes the menu without inserting.
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await openSlashMenu(page, 'xiexie');
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator(MENU).count()).toBe(0);
  expect(await docText(page)).toBe('/xiexie');
});

test('a three-section scaffold renumbers after the middle section is deleted', async ({ page }) => {
  await openSlashMenu(page, 'sgbf');
  expect(await page.locator(SELECTED_OPTION).textContent()).toContain('三个部分');
  await page.keyboard.press('Enter');
  await fillVariables(page, ['总体要求', '重点任务', '保障措施']);
  await expect.poll(() => docText(page)).toBe('一、总体要求\n二、重点任务\n三、保障措施');

  // Delete the middle section by keyboard: its title, then the heading itself.
  await page.locator('.section-heading', { hasText: '重点任务' }).locator('.section-title').click();
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace'); // the empty heading becomes a paragraph
  await page.keyboard.press('Backspace'); // and the empty paragraph goes
  await expect.poll(() => docText(page)).toBe('一、总体要求\n二、保障措施');

  // Typing 「（一）」 at the start of a new paragraph makes a level-2 heading numbered under 二、.
  await focusEditorEnd(page); // the empty paragraph after the last heading
  await typeChars(page, '（三）加强组织领导');
  await expect.poll(() => docText(page)).toBe('一、总体要求\n二、保障措施\n（一）加强组织领导');

  // Pasted numbered paragraphs become headings; the check finds the duplicate 四是 and the placeholder.
  await focusEditorEnd(page);
  await pasteText(page, '三、工作要求\n一是提高站位。\n二是压实责任。\n三是强化督导。\n四是营造氛围。四是注重宣传。请XX同志牵头。');
  await expect.poll(() => docText(page)).toBe(
    '一、总体要求\n二、保障措施\n（一）加强组织领导\n三、工作要求\n一是提高站位。\n二是压实责任。\n三是强化督导。\n四是营造氛围。四是注重宣传。请XX同志牵头。',
  );
  await page.getByRole('tab', { name: /大纲/ }).click();
  await expect.poll(() => page.locator('[role="tree"] [role="treeitem"]').count()).toBe(4);
  await expect.poll(() => page.locator('[role="treeitem"][aria-current="location"]').textContent()).toContain('工作要求');
  await screenshot(page, 'structure-outline');

  // The saved draft keeps the computed numbers, in its document JSON and in its plain text.
  await page.waitForSelector('[data-save-state="saved"]');
  const [draft] = await readStore<{ text: string; doc: unknown }>(page, 'drafts');
  const saved = { text: draft.text, doc: JSON.stringify(draft.doc) };
  expect(saved.text).toContain('二、保障措施\n（一）加强组织领导\n三、工作要求');
  expect(saved.doc).toContain('"number":"三、"');

  await page.getByRole('tab', { name: /检查/ }).click();
  await expect.poll(() => page.locator('.check-badge').textContent()).toBe('2');
  await expect.poll(() => page.locator('.check-item').count()).toBe(2);
  expect(await page.locator('.check-list').textContent()).toContain('「四是」重复出现，这里应为「五是」');
  await screenshot(page, 'structure-check');
  await page.locator('.check-duplicate .check-fix').click();
  await expect.poll(() => docText(page)).toContain('四是营造氛围。五是注重宣传。');

  // Move 三、 above 二、 from the outline by keyboard; numbers follow.
  await page.getByRole('tab', { name: /大纲/ }).click();
  const third = page.locator('[role="treeitem"]', { hasText: '工作要求' });
  await third.focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => docText(page)).toMatch(/^一、总体要求\n二、工作要求\n一是提高站位。[\s\S]*\n三、保障措施\n（一）加强组织领导$/);

  // Drag 三、保障措施 onto the upper half of 一、总体要求: it moves first, with its （一）.
  const source = page.locator('[role="treeitem"]', { hasText: '保障措施' });
  const target = page.locator('[role="treeitem"]', { hasText: '总体要求' });
  await source.dragTo(target, { targetPosition: { x: 20, y: 2 } });
  await expect.poll(() => docText(page)).toMatch(/^一、保障措施\n（一）加强组织领导\n\n?二、总体要求\n三、工作要求\n/);
});

test('a template saved from the selection survives a reload', async ({ page }) => {
  await typeChars(page, '我完全同意{{领导姓名}}同志的讲话。');
  await page.keyboard.press('Control+a');
  await page.getByRole('tab', { name: /模板/ }).click();
  await page.getByRole('button', { name: '存为模板' }).click();
  const form = page.getByRole('form', { name: '存为模板' });
  await form.getByLabel('模板名称').fill('表态发言');
  await form.getByLabel('分类').selectOption('结尾');
  await form.getByRole('button', { name: '保存' }).click();
  await page.getByText('已保存模板「表态发言」').waitFor();

  await page.reload();
  await waitForEditor(page);
  await page.getByRole('tab', { name: /模板/ }).click();
  await page.getByLabel('搜索模板').fill('btfy');
  await expect.poll(() => page.locator('.template-item .template-name').allTextContents()).toEqual(['表态发言']);

  // And it inserts from the slash menu, asking for its variable.
  await focusEditorEnd(page);
  await page.keyboard.press('Enter');
  await openSlashMenu(page, 'btfy');
  await page.keyboard.press('Enter');
  await fillVariables(page, ['张三']);
  await expect.poll(() => docText(page)).toBe('我完全同意{{领导姓名}}同志的讲话。\n我完全同意张三同志的讲话。');
});
