import { describe, expect, it } from 'vitest';
import { FONT_PACKAGES, missingE2eMessage, missingE2eNeeds } from './e2e-needs.mjs';

describe('what the end-to-end tests need (npm test installs it as root on Debian, or says what is missing)', () => {
  it('asks for the same packages .ci/run installs', () => {
    expect(missingE2eNeeds({ chromium: () => false, font: () => false }).map((m) => m.pkg)).toEqual(['chromium', 'fonts-noto-cjk', 'fonts-noto-color-emoji']);
    expect(FONT_PACKAGES.map((f) => f.family)).toEqual(['Noto Sans CJK', 'Noto Color Emoji']);
  });

  it('lists only what is missing', () => {
    expect(missingE2eNeeds({ chromium: () => true, font: (f) => f.pkg !== 'fonts-noto-color-emoji' })).toEqual([{ pkg: 'fonts-noto-color-emoji', what: 'the Noto Color Emoji font' }]);
    expect(missingE2eNeeds({ chromium: () => true, font: () => true })).toEqual([]);
  });

  it('names exactly what is missing and the command that installs it, in one line', () => {
    const all = missingE2eMessage(missingE2eNeeds({ chromium: () => false, font: () => false }));
    expect(all).toBe(
      'The end-to-end tests need Chromium, the Noto Sans CJK font, the Noto Color Emoji font, which are missing. On Debian or Ubuntu: sudo apt-get install chromium fonts-noto-cjk fonts-noto-color-emoji; elsewhere install Chromium or Chrome and set PARLEY_CHROMIUM to its path.',
    );
    const font = missingE2eMessage(missingE2eNeeds({ chromium: () => true, font: (f) => f.pkg === 'fonts-noto-color-emoji' }));
    expect(font).toBe('The end-to-end tests need the Noto Sans CJK font, which is missing. On Debian or Ubuntu: sudo apt-get install fonts-noto-cjk; elsewhere install the Noto CJK and Noto Color Emoji fonts.');
    expect(all).not.toContain('\n');
  });
});
