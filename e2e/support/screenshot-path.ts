/**
 * Where an end-to-end spec writes a screenshot: under test-results/screenshots/
 * during `npm test`, so a test run leaves the work tree clean; into docs/ when
 * `npm run screenshots` refreshes the README's pictures (PARLEY_SCREENSHOTS=docs).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

/** The path for the screenshot `name` (e.g. "review.png"); creates its folder. */
export function screenshotPath(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const dir = env['PARLEY_SCREENSHOTS'] === 'docs' ? path.join(root, 'docs') : path.join(root, 'test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}
