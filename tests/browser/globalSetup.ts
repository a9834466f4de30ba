/** Serves dist/ (the production build, no dev server) on a free localhost port for the browser tests. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext { baseURL: string }
}

export default async function setup(project: TestProject) {
  const root = resolve(import.meta.dirname, '../..');
  if (!existsSync(resolve(root, 'dist/index.html'))) throw new Error('dist/ 不存在：请先运行 npm run build');
  const server = await preview({ root, logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, strictPort: false } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('预览服务器没有监听端口');
  project.provide('baseURL', `http://127.0.0.1:${address.port}/`);
  return async () => {
    await new Promise<void>((done) => server.httpServer.close(() => done()));
  };
}
