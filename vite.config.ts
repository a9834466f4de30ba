import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const CORPUS_DIR = resolve(import.meta.dirname, 'corpus');

/** Serves corpus/ at ./corpus/ in dev and copies it into the build, so the app loads it as static files. */
function corpusAssets(): Plugin {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });
  return {
    name: 'jianggao-corpus',
    configureServer(server) {
      server.middlewares.use('/corpus/', (req, res, next) => {
        const path = resolve(CORPUS_DIR, decodeURIComponent((req.url ?? '').split('?')[0].replace(/^\//, '')));
        if (!path.startsWith(CORPUS_DIR) || !statSync(path, { throwIfNoEntry: false })?.isFile()) return next();
        res.setHeader('Content-Type', path.endsWith('.json') ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8');
        createReadStream(path).pipe(res);
      });
    },
    generateBundle() {
      for (const path of files(CORPUS_DIR)) {
        this.emitFile({ type: 'asset', fileName: `corpus/${relative(CORPUS_DIR, path)}`, source: readFileSync(path) });
      }
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [react(), corpusAssets()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
});
