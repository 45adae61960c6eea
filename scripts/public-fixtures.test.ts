import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findPublicFixtures } from './public-fixtures.mjs';

const dir = mkdtempSync(path.join(os.tmpdir(), 'parley-fixtures-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('findPublicFixtures (where the compat stage finds the outside suites)', () => {
  it('uses the folder PARLEY_FIXTURES names', () => {
    expect(findPublicFixtures({ PARLEY_FIXTURES: dir })).toBe(dir);
  });

  it('finds nothing when PARLEY_FIXTURES names a folder that is not there, rather than falling back', () => {
    expect(findPublicFixtures({ PARLEY_FIXTURES: path.join(dir, 'missing') })).toBeUndefined();
  });
});
