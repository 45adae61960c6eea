// Where the outside public test suites (the W3C Web Annotation test suite,
// doccano's and brat's examples) live for the compatibility stage: the folder
// named by PARLEY_FIXTURES, or ../shared/fixtures beside the clone.
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

/** The public fixtures folder, or undefined when there is none. */
export function findPublicFixtures(env = process.env) {
  const named = env.PARLEY_FIXTURES;
  if (named) return existsSync(named) ? path.resolve(named) : undefined;
  const beside = path.resolve(root, '../shared/fixtures');
  return existsSync(beside) ? beside : undefined;
}
