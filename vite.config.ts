import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const CORPUS_DIR = resolve(import.meta.dirname, 'corpus');

/** Largest file the service worker precaches; above the biggest corpus file and bundle, so nothing is left out. */
const PRECACHE_MAX_FILE_BYTES = 16 * 1024 * 1024;

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
  plugins: [
    react(),
    corpusAssets(),
    // Offline after the first load: the app shell, the workers and the whole corpus are precached.
    // registerType 'prompt': a new version waits until the writer chooses to reload (see ui/UpdateNotice).
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: '讲稿',
        short_name: '讲稿',
        description: '离线讲话稿写作工具',
        lang: 'zh-CN',
        start_url: './',
        display: 'standalone',
        background_color: '#f3f0ea',
        theme_color: '#8c1c13',
        icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,json,txt,webmanifest}'],
        maximumFileSizeToCacheInBytes: PRECACHE_MAX_FILE_BYTES,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
});
