import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The tests Stryker runs against each mutant (`npm run mutate`): only those of
 * the code it mutates (stryker.config.mjs), so a run fits on two cores.
 */
export default defineConfig({
  test: {
    include: [
      'annotations/anchoring.test.ts',
      'annotations/anchoring-edges.test.ts',
      'electron/node/store/store-file-errors.test.ts',
      'electron/node/store/lock-owner.test.ts',
      'electron/node/store/durable-file-adapter.test.ts',
      'electron/node/store/store-lock.test.ts',
      'electron/node/store/backups-order.test.ts',
      'electron/node/store/backups-retention.test.ts',
      'electron/node/store/load-integrity.test.ts',
      'electron/cli/unlock-command.test.ts',
    ],
    exclude: [...configDefaults.exclude],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
