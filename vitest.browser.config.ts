import { defineConfig } from 'vitest/config';

/**
 * Real-browser tests: the production build (dist/) served statically, driven in headless Debian
 * Chromium through playwright-core. Run after `npm run build` (the test command does both).
 */
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/browser/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
