/**
 * 我的文稿 at scale: a folder of 40 files (GBK, UTF-16, two .docx, a duplicate, a near duplicate, an empty
 * file, a PNG renamed .txt) added through the folder input and by a drop; the summary counts; a
 * formulation only one of those files contains is suggested, and gone once that document is switched
 * off; a team pack carries archive, templates and the suggestion into a fresh profile.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { expect, test } from './fixture';
import { docxBytes, encodeGBK, encodeUTF16, generatedSpeech, PNG_BYTES, utf8, writeFiles, type ArchiveFile } from './archiveFiles';
import { focusEditorEnd, ghost, PHRASE_INDEX_TIMEOUT_MS, readStore, screenshot, typeChars, waitForGhost, waitForPhraseIndex, writeStore } from './harness';

/** Only the GBK file says this (three times), nothing in the corpus does. */
const ONLY_HERE = '坚定不移推进紫金花工程提质扩面三年行动';
const SUMMARY = '已加入 36 篇，跳过 4 篇：1 篇重复、1 篇与已有文稿近似、1 篇为空、1 篇格式不支持。';

let root: string;
let files: ArchiveFile[];
/** Files of the cancel test: enough that reading them takes a while; every other one a .docx. */
const MANY_FILES = 150;
const manyText = (i: number) => generatedSpeech(200 + i, 60);

beforeAll(async () => {
  const gbkText = generatedSpeech(100, 12, [`我们要${ONLY_HERE}。`, `全县上下要${ONLY_HERE}，久久为功。`, `各乡镇务必${ONLY_HERE}，不断取得新成效。`]);
  files = [];
  for (let n = 0; n < 32; n++) files.push({ path: `讲话稿/${n < 16 ? '2019' : '2023'}/讲话${n}.txt`, bytes: utf8(generatedSpeech(n)) });
  files.push({ path: '讲话稿/GBK讲话.txt', bytes: encodeGBK(gbkText) });
  files.push({ path: '讲话稿/UTF16讲话.txt', bytes: encodeUTF16(generatedSpeech(101), 'le', true) });
  files.push({ path: '讲话稿/Word/讲话一.docx', bytes: await docxBytes(generatedSpeech(102)) });
  files.push({ path: '讲话稿/Word/讲话二.docx', bytes: await docxBytes(generatedSpeech(103)) });
  files.push({ path: '讲话稿/副本/讲话0 副本.txt', bytes: utf8(`\n${generatedSpeech(0)}\n\n`) });
  files.push({ path: '讲话稿/副本/讲话1 修改.txt', bytes: utf8(generatedSpeech(1).replace('第1号文件第3部分', '第1号文件第三部分')) });
  files.push({ path: '讲话稿/空文件.txt', bytes: utf8('  \n\u3000\n') });
  files.push({ path: '讲话稿/截图.txt', bytes: PNG_BYTES });
  root = mkdtempSync(join(tmpdir(), 'jianggao-archive-'));
  writeFiles(root, files);
  const many: ArchiveFile[] = [];
  for (let i = 0; i < MANY_FILES; i++) {
    many.push(i % 2 ? { path: `大批/${i}.docx`, bytes: await docxBytes(manyText(i)) } : { path: `大批/${i}.txt`, bytes: utf8(manyText(i)) });
  }
  writeFiles(root, many);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function openArchive(page: Page): Promise<void> {
  await waitForPhraseIndex(page);
  await page.getByRole('tab', { name: '提法', exact: true }).click();
}

async function summary(page: Page): Promise<string> {
  const locator = page.locator('[data-import-summary] summary');
  await locator.waitFor({ timeout: 60_000 });
  return (await locator.textContent()) ?? '';
}

async function indexReady(page: Page, docs: number): Promise<void> {
  await expect.poll(() => page.locator('[data-phrase-index]').textContent(), { timeout: PHRASE_INDEX_TIMEOUT_MS }).toContain(`${docs} 篇`);
  await expect.poll(() => page.locator('[data-phrase-index]').getAttribute('data-phrase-index'), { timeout: PHRASE_INDEX_TIMEOUT_MS }).toBe('ready');
}

async function suggestsOnlyHere(page: Page): Promise<string | null> {
  await focusEditorEnd(page);
  await page.keyboard.press('Enter');
  await typeChars(page, '推进紫金花');
  try {
    return await waitForGhost(page);
  } catch {
    return ghost(page);
  }
}

/** The shipped documents, read from the manifest. */
const CORPUS_DOCS = (JSON.parse(readFileSync(new URL('../../corpus/manifest.json', import.meta.url), 'utf8')) as { documents: unknown[] }).documents.length;

test('a folder of 40 files through the folder input: summary, the suggestion, one document switched off', async ({ page }) => {
  await openArchive(page);
  await page.getByLabel('添加文件夹').setInputFiles(join(root, '讲话稿'));
  expect(await summary(page)).toBe(SUMMARY);
  await expect.poll(() => page.locator('.own-documents li').count()).toBe(36);
  await indexReady(page, CORPUS_DOCS + 36);
  const stored = await readStore<{ id: string; title: string; folder: string; year: number; sourceName: string }>(page, 'userDocuments');
  expect(stored).toHaveLength(36);
  expect(stored.find((d) => d.sourceName === 'GBK讲话.txt')).toMatchObject({ folder: '讲话稿', year: 2015 + (100 % 10), title: '在全县乡村振兴工作会议上的讲话' });
  expect(stored.find((d) => d.sourceName === '讲话一.docx')?.folder).toBe('讲话稿/Word');
  await page.locator('[data-import-summary] summary').click();
  await expect.poll(() => page.locator('[data-import-summary] li').allTextContents()).toEqual(expect.arrayContaining([
    expect.stringMatching(/讲话0( 副本)?\.txt：与「.+」内容相同/), expect.stringMatching(/讲话1( 修改)?\.txt：与「.+」几乎相同/), expect.stringMatching(/截图\.txt：这不是文本文件（是PNG 图片）/),
  ]));
  await screenshot(page, 'archive-folder-import');

  expect(await suggestsOnlyHere(page)).toMatch(/^工程/);

  const gbkId = stored.find((d) => d.sourceName === 'GBK讲话.txt')!.id;
  // The list may re-render under the click while the import's last reload lands; click again, at most twice more.
  const gbkSwitch = page.locator(`[data-own-document="${gbkId}"]`).getByRole('checkbox', { name: /^使用/ });
  for (let attempt = 0; attempt < 3 && (await gbkSwitch.isChecked()); attempt++) await gbkSwitch.uncheck().catch(() => {});
  expect(await gbkSwitch.isChecked()).toBe(false);
  await indexReady(page, CORPUS_DOCS + 35);
  await page.keyboard.press('Enter');
  await typeChars(page, '推进紫金花');
  await page.waitForTimeout(800);
  expect((await ghost(page)) ?? '').not.toMatch(/^工程/);

  // Adding the same folder again adds nothing: everything is a duplicate of what is stored.
  await page.getByLabel('添加文件夹').setInputFiles(join(root, '讲话稿'));
  await expect.poll(() => summary(page)).toMatch(/^已加入 0 篇，跳过 40 篇：3[78] 篇重复/);
});

test('cancel during an import keeps what was added, each document whole; the list, the store and the index agree', async ({ page }) => {
  await openArchive(page);
  await page.getByLabel('添加文件夹').setInputFiles(join(root, '大批'));
  await page.waitForFunction(() => Number(/已读 (\d+)/.exec(document.querySelector('.own-progress span')?.textContent ?? '')?.[1] ?? 0) >= 10, undefined, { polling: 20, timeout: 60_000 });
  await page.locator('.own-progress').getByRole('button', { name: '取消' }).click();
  const text = await summary(page);
  const added = Number(/^已取消，已加入 (\d+) 篇。$/.exec(text)?.[1] ?? NaN);
  expect(added, text).toBeGreaterThanOrEqual(10);
  expect(added).toBeLessThan(MANY_FILES);

  const stored = await readStore<{ sourceName: string; text: string; title: string }>(page, 'userDocuments');
  expect(stored).toHaveLength(added);
  for (const d of stored) {
    const full = manyText(Number(d.sourceName.replace(/\.\w+$/, '')));
    // A .docx's centred first line is its title; the text is the rest.
    expect(d.sourceName.endsWith('.docx') ? `${d.title}\n${d.text}` : d.text).toBe(full);
  }
  await expect.poll(() => page.getByText('用我的文稿提示提法').textContent()).toContain(`（${added} 篇`);
  await expect.poll(() => page.locator('.own-documents li').count()).toBe(Math.min(added, 100));
  await indexReady(page, CORPUS_DOCS + added);

  // After a reload the same: nothing half-written came back.
  await page.reload();
  await openArchive(page);
  await indexReady(page, CORPUS_DOCS + added);
  expect(await readStore(page, 'userDocuments')).toHaveLength(added);

  // Adding the folder again brings the rest; what was stored is recognised as the same files.
  await page.getByLabel('添加文件夹').setInputFiles(join(root, '大批'));
  expect(await summary(page)).toBe(`已加入 ${MANY_FILES - added} 篇，跳过 ${added} 篇：${added} 篇重复。`);
  await indexReady(page, CORPUS_DOCS + MANY_FILES);
}, 240_000);

test('the same files dropped onto the panel', async ({ page }) => {
  await openArchive(page);
  const payload = files.map((f) => ({ path: f.path, data: Buffer.from(f.bytes).toString('base64') }));
  await page.locator('[data-archive-drop]').evaluate((target, list) => {
    const data = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0));
      data.items.add(new File([bytes], f.path.split('/').pop()!, { type: f.path.endsWith('.docx') ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'text/plain' }));
    }
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, payload);
  expect(await summary(page)).toBe(SUMMARY);
  await indexReady(page, CORPUS_DOCS + 36);
  expect(await suggestsOnlyHere(page)).toMatch(/^工程/);
});

test('a team pack carries the archive, own templates and the suggestion into a fresh profile', async ({ page, newProfile }) => {
  await openArchive(page);
  await page.getByLabel('添加文件夹').setInputFiles(join(root, '讲话稿'));
  expect(await summary(page)).toBe(SUMMARY);
  await writeStore(page, 'templates', { id: 'user-team-1', name: '全县大会开场白', category: '开头', body: '同志们：\n今天我们召开{{会议名称}}。', variables: ['会议名称'], builtin: false, updatedAt: Date.now() });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出团队包' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.jgpack$/);
  const bytes = readFileSync((await download.path())!);

  const { page: other } = await newProfile();
  await openArchive(other);
  await other.getByLabel('导入团队包').setInputFiles({ name: '团队包.jgpack', mimeType: 'application/zip', buffer: bytes });
  await expect.poll(() => other.locator('[data-pack-section="documents"]').textContent()).toContain('新增 36');
  expect(await other.locator('[data-pack-section="templates"]').textContent()).toContain('新增 1');
  await screenshot(other, 'archive-team-pack-preview');
  await other.getByRole('button', { name: '确认合并' }).click();
  await expect.poll(() => other.locator('.own-documents li').count()).toBe(36);
  await indexReady(other, CORPUS_DOCS + 36);
  expect((await readStore<{ name: string }>(other, 'templates')).map((t) => t.name)).toContain('全县大会开场白');
  expect(await suggestsOnlyHere(other)).toMatch(/^工程/);

  // A tampered pack is refused and changes nothing.
  const tampered = Buffer.from(bytes);
  tampered[Math.floor(tampered.length / 2)] ^= 0xff;
  await other.getByLabel('导入团队包').setInputFiles({ name: '坏的.jgpack', mimeType: 'application/zip', buffer: tampered });
  await expect.poll(() => other.getByRole('alert').textContent()).toMatch(/未做任何更改/);
  expect(await readStore(other, 'userDocuments')).toHaveLength(36);
});
