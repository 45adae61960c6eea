// Mutation testing of the store's durability and lock code and of anchoring
// (`npm run mutate`; not part of `npm test`). The score and the surviving
// mutants are discussed in docs/reliability.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutate.config.mts', related: false },
  mutate: [
    'electron/node/store/durable-file-adapter.ts',
    'electron/node/store/store-lock.ts',
    'electron/node/store/lock-owner.ts',
    'electron/node/store/backups.ts',
    'annotations/anchoring.ts',
  ],
  ignorePatterns: ['out', 'dist', 'test-results', '.bench', 'reports', 'renderer', 'e2e', 'bench', 'docs'],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  incremental: false,
  timeoutMS: 20_000,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
