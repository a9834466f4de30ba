/**
 * What the browser benchmarks share: the production build (dist/) served by vite preview, headless
 * Debian Chromium, and the app open with its editor and phrase index ready. `close()` stops both.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/browser/harness';

export async function openBenchPage(root: string): Promise<{ page: Page; close(): Promise<void> }> {
  if (!existsSync(resolve(root, 'dist/index.html'))) throw new Error('dist/ 不存在：请先运行 npm run build');
  const server = await preview({ root, logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, strictPort: false } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('预览服务器没有监听端口');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const close = async () => {
    await browser.close();
    await new Promise<void>((done) => server.httpServer.close(() => done()));
  };
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error('[页面错误]', e.message));
    await page.goto(`http://127.0.0.1:${address.port}/`);
    await page.locator('.ProseMirror[contenteditable="true"]').waitFor({ timeout: 20_000 });
    await page.locator('[data-phrase-index="ready"]').waitFor({ timeout: 60_000 });
    return { page, close };
  } catch (error) {
    await close();
    throw error;
  }
}
