/**
 * Accessibility measured with axe-core (issue 18): the main screen, each side panel, the 导出 menu, the
 * 篇幅 settings, the suggestion list, the slash menu and the variables form, at 1366 and at 1024 pixels —
 * no serious or critical violation. The open suggestion list lies inside the page's <main> landmark.
 */
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { expect, test } from './fixture';
import { focusEditorEnd, screenshot, typeChars, typeWords, waitForGhost } from './harness';

const WIDTHS = [{ width: 1366, height: 768 }, { width: 1024, height: 700 }] as const;
const TABS = ['模板', '大纲', '检查', '提法', '提法库', '历史', '数据'];

async function expectClean(page: Page, where: string): Promise<void> {
  expect(await seriousViolations(page), where).toEqual([]);
}

/** Makes the side panel visible (a drawer below the breakpoint) and shows tab `name`. */
async function showTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name: new RegExp(`^${name}(?!\\p{Script=Han})`, "u") });
  if (!(await tab.isVisible())) await page.getByRole('button', { name: '工具面板' }).click();
  await tab.click();
  await page.locator(`[role="tabpanel"][aria-labelledby="${await tab.getAttribute('id')}"]`).waitFor();
}

for (const size of WIDTHS) {
  test(`at ${size.width} px: the main screen, every side panel, the 导出 menu and 篇幅 have no serious axe violation`, async ({ page }) => {
    await page.setViewportSize(size);
    await typeChars(page, '同志们');
    await expectClean(page, 'main screen');
    await screenshot(page, `a11y-main-${size.width}`);
    for (const name of TABS) {
      await showTab(page, name);
      await expectClean(page, `side panel ${name}`);
    }
    await screenshot(page, `a11y-panel-${size.width}`);
    await page.getByRole('button', { name: '导出 ▾' }).click();
    await page.getByRole('menu', { name: '导出' }).waitFor();
    await expectClean(page, '导出 menu');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '篇幅' }).click();
    await page.getByRole('dialog', { name: '篇幅' }).waitFor();
    await expectClean(page, '篇幅 settings');
  });

  test(`at ${size.width} px: the suggestion list, the slash menu and the variables form have no serious axe violation`, async ({ indexedPage: page }) => {
    await page.setViewportSize(size);
    await focusEditorEnd(page);
    await typeWords(page, '增强', '“', '四个');
    await waitForGhost(page);
    await page.keyboard.press('Alt+ArrowDown');
    const list = page.locator('[role="listbox"].suggestion-list');
    await list.waitFor({ state: 'visible' });
    expect(await list.evaluate((el) => !!el.closest('main'))).toBe(true);
    await expectClean(page, 'suggestion list');
    await screenshot(page, `a11y-suggestion-list-${size.width}`);
    await page.keyboard.press('Escape');

    await page.keyboard.press('Enter');
    await typeChars(page, '/cdxx');
    await page.locator('.jg-slash-menu [role="option"][aria-selected="true"]').waitFor({ state: 'visible' });
    await expectClean(page, 'slash menu');
    await page.keyboard.press('Enter');
    const form = page.getByRole('dialog', { name: /填写模板变量/ });
    await form.waitFor({ state: 'visible' });
    await expectClean(page, 'variables form');
    // The form's buttons are the app's, not the browser's grey ones.
    expect(await form.getByRole('button', { name: '插入' }).evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(140, 28, 19)');
    await screenshot(page, `a11y-variables-form-${size.width}`);
  });
}

test('every control shows a focus ring when reached by the keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  const ring = () => page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    return { body: el === document.body, name: el.getAttribute('aria-label') ?? el.textContent?.slice(0, 12), outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2, editor: !!el.closest('.ProseMirror, .draft-title-input') };
  });
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  const seen: string[] = [];
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    const now = await ring();
    if (now.editor || now.body) continue;
    seen.push(String(now.name));
    expect(now.outline, `focus ring on ${now.name}`).toBe(true);
  }
  expect(seen.length).toBeGreaterThan(10);
});
