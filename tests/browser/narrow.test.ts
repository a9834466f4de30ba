/**
 * The narrow-window layout (issue 18): below the breakpoint the side panel is a drawer opened from the
 * toolbar or by Ctrl+Alt+P, closed by Esc with the focus back in the editor; its state and tab survive a
 * reload; 导出 Word works from the toolbar; at office screen sizes nothing overlaps the page or overflows.
 * Also: a ghost for what was typed before the phrase index was ready, and the target length's progress.
 */
import type { Page } from 'playwright-core';
import { expect, test } from './fixture';
import { editorText, focusEditorEnd, openApp, screenshot, typeChars, typeWords, waitForEditor, waitForGhost } from './harness';

const drawer = (page: Page) => page.getByRole('complementary', { name: '工具面板' });
const focusInDrawer = (page: Page) => drawer(page).evaluate((el) => el.contains(document.activeElement));
const focusInEditor = (page: Page) => page.evaluate(() => !!document.activeElement?.closest('.ProseMirror'));

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('at 1024×700 the drawer opens by button and by Ctrl+Alt+P, switches tabs, closes by Esc, and keeps its state over a reload', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await typeChars(page, '同志们');
  expect(await drawer(page).isVisible()).toBe(false);
  const button = page.getByRole('button', { name: '工具面板' });
  expect(await button.getAttribute('aria-expanded')).toBe('false');

  await button.click();
  await drawer(page).waitFor({ state: 'visible' });
  expect(await button.getAttribute('aria-expanded')).toBe('true');
  await expect.poll(() => focusInDrawer(page)).toBe(true);
  await page.getByRole('tab', { name: '数据' }).click();
  expect(await page.getByRole('button', { name: '导出 Word' }).isVisible()).toBe(true);
  await screenshot(page, 'narrow-1024-drawer');
  await page.keyboard.press('Escape');
  await drawer(page).waitFor({ state: 'hidden' });
  await expect.poll(() => focusInEditor(page)).toBe(true);
  await typeChars(page, '：');
  await expect.poll(() => editorText(page)).toBe('同志们：');

  // The key opens it with the focus on the last tab; arrows move between tabs; the key closes it again.
  await page.keyboard.press('Control+Alt+p');
  await drawer(page).waitFor({ state: 'visible' });
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('数据');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => page.getByRole('tab', { name: '历史' }).getAttribute('aria-selected')).toBe('true');
  await page.keyboard.press('Control+Alt+p');
  await drawer(page).waitFor({ state: 'hidden' });
  await expect.poll(() => focusInEditor(page)).toBe(true);

  // Open, on 历史: so it is after a reload.
  await page.keyboard.press('Control+Alt+p');
  await drawer(page).waitFor({ state: 'visible' });
  await page.waitForTimeout(300); // the setting is written to IndexedDB
  await page.reload();
  await waitForEditor(page);
  await drawer(page).waitFor({ state: 'visible' });
  expect(await page.getByRole('tab', { name: '历史' }).getAttribute('aria-selected')).toBe('true');
  expect(await page.locator('.shortcuts-dialog').count()).toBe(0);
});

test('the shortcuts help lists the drawer\'s key', async ({ page }) => {
  await page.keyboard.press('F1');
  const dialog = page.getByRole('dialog', { name: '快捷键' });
  await dialog.waitFor({ state: 'visible' });
  expect(await dialog.textContent()).toContain('Ctrl+Alt+P');
});

test('at 1024×700 导出 Word from the toolbar menu downloads the draft', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await typeChars(page, '同志们：今天召开会议。');
  const menuButton = page.getByRole('button', { name: '导出 ▾' });
  await menuButton.click();
  const menu = page.getByRole('menu', { name: '导出' });
  await menu.waitFor({ state: 'visible' });
  expect(await menu.getByRole('menuitem').allTextContents()).toEqual(['导出 Word', '导出文本', '打印']);
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('导出 Word');
  await screenshot(page, 'narrow-1024-export-menu');
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.docx$/);
  const path = await file.path();
  const { statSync } = await import('node:fs');
  expect(statSync(path).size).toBeGreaterThan(1000);
  await menu.waitFor({ state: 'detached' });

  // Esc closes the menu and leaves the focus on its button.
  await menuButton.click();
  await menu.waitFor({ state: 'visible' });
  await page.keyboard.press('Escape');
  await menu.waitFor({ state: 'detached' });
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('导出 ▾');
});

for (const size of [{ width: 1024, height: 700 }, { width: 1093, height: 680 }, { width: 1366, height: 768 }]) {
  test(`at ${size.width}×${size.height} every panel is reachable, the toolbar does not overflow and nothing overlaps the page`, async ({ page }) => {
    await page.setViewportSize(size);
    const noOverflow = () => page.evaluate(() => [...document.querySelectorAll('.app-header, .toolbar, .status-bar, .workspace')]
      .every((el) => el.scrollWidth <= el.clientWidth + 1));
    const pageClear = async () => {
      // The page as seen: its box clipped to the desk that scrolls it.
      const rects = await page.evaluate((selectors) => selectors.map((sel) => {
        const el = [...document.querySelectorAll(sel)].find((e) => !(e as HTMLElement).hidden);
        return el ? (el.getBoundingClientRect().toJSON() as Box) : null;
      }), ['.page', '.desk', '.draft-list', '.side-panels', '.app-header', '.status-bar']);
      const [sheet, desk, ...others] = rects;
      const x = Math.max(sheet!.x, desk!.x), y = Math.max(sheet!.y, desk!.y);
      const paper = { x, y, width: Math.min(sheet!.x + sheet!.width, desk!.x + desk!.width) - x, height: Math.min(sheet!.y + sheet!.height, desk!.y + desk!.height) - y };
      expect(paper.width).toBeGreaterThan(400);
      for (const box of others) if (box) expect(overlaps(paper, box), `${JSON.stringify(box)} over the page`).toBe(false);
      // Every toolbar control is inside the window.
      for (const box of await page.locator('.toolbar button').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as Box))) {
        expect(box.x + box.width).toBeLessThanOrEqual(size.width);
      }
    };
    expect(await noOverflow()).toBe(true);
    await pageClear();
    if (size.width <= 1100) await page.getByRole('button', { name: '工具面板' }).click();
    for (const name of ['模板', '大纲', '检查', '提法', '提法库', '历史', '数据']) {
      await page.getByRole('tab', { name: new RegExp(`^${name}(?!\\p{Script=Han})`, "u") }).click();
      expect(await page.getByRole('tabpanel').isVisible()).toBe(true);
    }
    expect(await noOverflow()).toBe(true);
    await pageClear();
    await screenshot(page, `layout-${size.width}-panel`);

    // The draft list folds to a strip, and the page gets the room; unfolded again after a reload it stays folded.
    const before = (await page.locator('.page').boundingBox())!.width;
    await page.getByRole('button', { name: '收起稿件列表' }).click();
    await page.getByRole('button', { name: '展开稿件列表' }).waitFor();
    expect((await page.locator('.draft-list').boundingBox())!.width).toBeLessThan(60);
    expect((await page.locator('.page').boundingBox())!.width).toBeGreaterThanOrEqual(before);
    await pageClear();
    await page.waitForTimeout(300);
    await page.reload();
    await waitForEditor(page);
    await page.getByRole('button', { name: '展开稿件列表' }).click();
    await page.getByRole('button', { name: '＋ 新建' }).waitFor();
  });
}

test('what is typed right after opening, before the phrase index is ready, gets a ghost once it is', async ({ context }) => {
  // Hold the corpus back until the text is typed, so that the index is surely not ready while typing.
  let release!: () => void;
  const held = new Promise<void>((done) => { release = done; });
  await context.route('**/corpus/manifest.json', async (route) => { await held; await route.continue(); });
  const page = await openApp(context);
  await focusEditorEnd(page);
  expect(await page.locator('[data-phrase-index="ready"]').count()).toBe(0);
  await typeWords(page, '增强', '“', '四个');
  release();
  const text = await waitForGhost(page);
  expect(text.startsWith('意识”')).toBe(true);
  expect(await editorText(page)).toBe('增强“四个');
});

test('the target length shows its progress as the writer types, and the selection its own length', async ({ page }) => {
  await page.getByRole('button', { name: '篇幅' }).click();
  const form = page.getByRole('dialog', { name: '篇幅' });
  await form.getByLabel('语速（字/分）').fill('100');
  await form.getByRole('button', { name: '确定' }).click();
  await form.getByRole('alert').filter({ hasText: '120–300' }).waitFor();
  await form.getByLabel('语速（字/分）').fill('120');
  await form.getByLabel('目标篇幅').fill('1 分钟');
  await form.getByRole('button', { name: '确定' }).click();
  await form.waitFor({ state: 'detached' });

  const target = page.locator('.length-target');
  await focusEditorEnd(page);
  await typeChars(page, '同志们今天召开会议研究');
  const percent = async () => Number(await target.getAttribute('data-target-percent'));
  await expect.poll(() => target.textContent()).toContain('目标 1 分钟');
  const first = await percent();
  await typeChars(page, '部署下一阶段工作任务');
  await expect.poll(percent).toBeGreaterThan(first);
  const chars = Number(await page.locator('.length-status').getAttribute('data-length-chars'));
  expect(await percent()).toBe(Math.round((chars / 120) * 100));
  await screenshot(page, 'length-target');

  await page.keyboard.press('Shift+Home');
  await expect.poll(async () => Number(await page.locator('.selection-length').getAttribute('data-selection-chars'))).toBeGreaterThan(0);
  expect(await page.locator('.selection-length').textContent()).toMatch(/^选中 \d+ 字 · 约 [\d.]+ 分钟$/);

  // Both settings are kept over a reload.
  await page.waitForTimeout(300);
  await page.reload();
  await waitForEditor(page);
  await expect.poll(() => target.textContent()).toContain('目标 1 分钟');
  expect(await page.locator('.length-status').getAttribute('title')).toContain('120');
});
