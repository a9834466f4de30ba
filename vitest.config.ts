import { defineConfig } from 'vitest/config';

/** Unit tests: the pure engine, numbering, templates and storage logic, in Node (fake-indexeddb). */
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
