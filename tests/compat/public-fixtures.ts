/**
 * The folder of outside public test suites the compatibility stage reads,
 * passed in PARLEY_FIXTURES by vitest.compat.config.mts. Test-only. Throws when
 * it is missing, so a compat run without the suites fails instead of passing
 * with nothing checked.
 */
import path from 'node:path';

/** The public fixtures folder; throws with how to provide it when it is missing. */
export function publicFixtures(...parts: string[]): string {
  const dir = process.env['PARLEY_FIXTURES'];
  if (!dir) throw new Error('The compatibility tests need the public test suites: set PARLEY_FIXTURES to a folder holding w3c-web-annotation/, doccano/ and brat-news/.');
  return path.join(dir, ...parts);
}
