import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshotPath } from './screenshot-path';

const root = path.resolve(__dirname, '../..');

describe('screenshotPath', () => {
  it('puts test screenshots under test-results/, so npm test leaves docs/ untouched', () => {
    expect(screenshotPath('review.png', {})).toBe(path.join(root, 'test-results', 'screenshots', 'review.png'));
  });

  it('puts them in docs/ only when npm run screenshots asks for it', () => {
    expect(screenshotPath('review.png', { PARLEY_SCREENSHOTS: 'docs' })).toBe(path.join(root, 'docs', 'review.png'));
    expect(screenshotPath('review.png', { PARLEY_SCREENSHOTS: 'yes' })).toBe(path.join(root, 'test-results', 'screenshots', 'review.png'));
  });
});
