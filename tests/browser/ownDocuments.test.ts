/** The writer's own documents feed the phrase index: a formulation only they use gets suggested. */
import { readFileSync } from 'node:fs';
import { expect, test } from './fixture';
import { editorText, focusEditorEnd, PHRASE_INDEX_TIMEOUT_MS, screenshot, typeChars, waitForGhost, waitForPhraseIndex } from './harness';

const MANIFEST = JSON.parse(readFileSync(new URL('../../corpus/manifest.json', import.meta.url), 'utf8')) as { packs: { id: string; name: string }[]; documents: unknown[] };
/** The shipped documents and the two added here. */
const WITH_OWN = `${MANIFEST.documents.length + 2} 篇`;

const OWN_SENTENCE = '全县上下要大力弘扬紫云英精神，把山区小县建成生态强县。';

test('own documents added from text files are learnt: their formulation is suggested, and survives a reload', async ({ page }) => {
  await waitForPhraseIndex(page);
  await page.getByRole('tab', { name: '提法', exact: true }).click();
  // Every shipped pack has its switch, named in Chinese and on by default.
  const switches = page.locator('.phrase-packs [data-pack]');
  expect(await switches.evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-pack'), (r.querySelector('input') as HTMLInputElement).checked])))
    .toEqual(MANIFEST.packs.map((p) => [p.id, true]));
  for (const p of MANIFEST.packs) expect(await page.locator(`.phrase-packs [data-pack="${p.id}"]`).textContent()).toContain(p.name);
  await page.getByLabel('添加我的文稿').setInputFiles([
    { name: '县委全会讲话.txt', mimeType: 'text/plain', buffer: Buffer.from(`同志们：\n${OWN_SENTENCE}\n`) },
    { name: '经济工作会议讲话.txt', mimeType: 'text/plain', buffer: Buffer.from(`同志们：\n今年，${OWN_SENTENCE}\n`) },
  ]);
  await expect.poll(() => page.locator('.own-documents li').count()).toBe(2);
  // The rebuild over the whole shipped corpus takes seconds on a loaded machine: as long as waitForPhraseIndex allows.
  await expect.poll(() => page.locator('[data-phrase-index]').getAttribute('data-phrase-index'), { timeout: PHRASE_INDEX_TIMEOUT_MS }).toBe('ready');
  await expect.poll(() => page.locator('[data-phrase-index]').textContent(), { timeout: PHRASE_INDEX_TIMEOUT_MS }).toContain(WITH_OWN);
  await screenshot(page, 'own-documents');

  await focusEditorEnd(page);
  await typeChars(page, '大力弘扬紫云');
  expect(await waitForGhost(page)).toMatch(/^英精神/);
  await page.keyboard.press('Tab');
  await expect.poll(() => editorText(page)).toMatch(/^大力弘扬紫云英精神/);

  await page.reload();
  await waitForPhraseIndex(page);
  expect(await page.locator('[data-phrase-index]').textContent()).toContain(WITH_OWN);
});
