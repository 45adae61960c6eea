import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two cores: one Chromium at a time keeps timings honest and memory low.
    fileParallelism: false,
    // The reader paints before the store confirms, and CI machines are busy: give
    // every expect.poll (which checks the same condition until it holds) 10 s.
    expect: { poll: { timeout: 10_000, interval: 50 } },
  },
});
