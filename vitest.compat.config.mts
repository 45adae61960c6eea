import { defineConfig } from 'vitest/config';
import { findPublicFixtures } from './scripts/public-fixtures.mjs';

// Parley against outside public suites (W3C Web Annotation test suite, doccano's
// and brat's examples), read from PARLEY_FIXTURES or ../shared/fixtures.
export default defineConfig({
  test: {
    include: ['tests/compat/**/*.compat.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    env: { PARLEY_FIXTURES: findPublicFixtures() ?? '' },
  },
});
