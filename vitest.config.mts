import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['annotations/**/*.test.ts', 'renderer/**/*.test.ts', 'shared/**/*.test.ts', 'electron/**/*.test.ts', 'scripts/**/*.test.ts', 'eslint-rules/**/*.test.ts', 'tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
