/**
 * The title and the lines under it in a real browser: a long title wraps onto two lines (on screen and in
 * print) and is never cut; Enter in the title puts the caret at the start of the body; a salutation line
 * starts at the margin and the speaker and date lines are centred.
 */
import type { Page } from 'playwright-core';
import { expect, test } from './fixture';
import { docText, screenshot, typeChars } from './harness';

const LONG_TITLE = '在全县学习贯彻党的二十届四中全会精神大会上的讲话';

/** Box height, line height and whether the text overflows its box, for the element matched by `selector`. */
function measure(page: Page, selector: string) {
  return page.locator(selector).evaluate((el) => {
    const style = getComputedStyle(el);
    return { height: el.getBoundingClientRect().height, lineHeight: parseFloat(style.lineHeight), overflows: el.scrollHeight > el.clientHeight + 1, text: (el as HTMLTextAreaElement).value ?? el.textContent };
  });
}

test('a long title wraps onto two lines, never cut, and Enter moves the caret into the body', async ({ page }) => {
  const title = page.getByLabel('稿件名称').first();
  await title.fill(LONG_TITLE);
  const screen = await measure(page, '.draft-title-input');
  expect(screen.text).toBe(LONG_TITLE);
  expect(screen.overflows).toBe(false);
  expect(screen.height).toBeGreaterThanOrEqual(2 * screen.lineHeight - 1);
  expect(screen.height).toBeLessThan(3 * screen.lineHeight);

  await title.press('Enter');
  await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('ProseMirror'))).toBe(true);
  await expect.poll(() => page.locator('.draft-item.is-active .draft-title').textContent()).toBe(LONG_TITLE);
  await typeChars(page, '同志们：');
  await page.keyboard.press('Enter');
  await typeChars(page, '下面，我讲三点意见。');
  await expect.poll(() => docText(page)).toBe('同志们：\n下面，我讲三点意见。');
  // The title kept its text: Enter did not put a line break into it.
  expect(await title.inputValue()).toBe(LONG_TITLE);
  await screenshot(page, 'title-long-wrapped');

  // Print media at the width of A4's text block (210 mm less 28 + 26 mm margins = 156 mm = 590 CSS px).
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 590, height: 900 });
  expect(await page.locator('.draft-title-input').isVisible()).toBe(false);
  const printed = await measure(page, '.draft-title-print');
  expect(printed.text).toBe(LONG_TITLE);
  expect(printed.overflows).toBe(false);
  expect(printed.height).toBeGreaterThanOrEqual(2 * printed.lineHeight - 1);
  await screenshot(page, 'title-long-print');
});

test('the salutation starts at the margin; speaker and date lines under the title are centred', async ({ page }) => {
  await page.getByLabel('稿件名称').first().fill(LONG_TITLE);
  await page.getByLabel('稿件名称').first().press('Enter');
  for (const [i, line] of ['XXX', '（2026年X月X日）', '同志们：', '下面，我讲三点意见。'].entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    await typeChars(page, line);
  }
  await expect.poll(() => docText(page)).toBe('XXX\n（2026年X月X日）\n同志们：\n下面，我讲三点意见。');
  const layout = await page.locator('.ProseMirror > p').evaluateAll((ps: Element[]) => ps.map((p) => {
    const style = getComputedStyle(p);
    return { text: p.textContent, className: p.className, indent: style.textIndent, align: style.textAlign };
  }));
  expect(layout.slice(0, 4)).toEqual([
    { text: 'XXX', className: expect.stringContaining('jg-byline-speaker'), indent: '0px', align: 'center' },
    { text: '（2026年X月X日）', className: expect.stringContaining('jg-byline-date'), indent: '0px', align: 'center' },
    { text: '同志们：', className: expect.stringContaining('jg-salutation'), indent: '0px', align: 'justify' },
    { text: '下面，我讲三点意见。', className: expect.not.stringContaining('jg-'), indent: '40px', align: 'justify' },
  ]);
  await screenshot(page, 'title-byline-salutation');
});
