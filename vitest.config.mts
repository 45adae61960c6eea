import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['annotations/**/*.test.ts', 'renderer/**/*.test.ts', 'shared/**/*.test.ts', 'electron/**/*.test.ts', 'scripts/**/*.test.ts', 'eslint-rules/**/*.test.ts', 'tests/**/*.test.ts', 'e2e/**/*.test.ts'],
    // The checks against outside public suites are their own stage: vitest.compat.config.mts.
    exclude: [...configDefaults.exclude, 'tests/compat/**'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
