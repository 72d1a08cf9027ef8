import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    pool: 'forks',
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 20_000,
  },
});
