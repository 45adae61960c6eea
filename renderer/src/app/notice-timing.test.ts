import { describe, expect, it } from 'vitest';
import type { Notice } from './notice';
import { FADE_AFTER_MS, fadeDelay, fadesOut, MAX_SHOWN, shownNotices } from './notice-timing';

const info = (id: number): Notice => ({ id, kind: 'info', title: 'Layer removed', message: 'The layer was removed from 2 documents.' });
const error = (id: number): Notice => ({ id, kind: 'error', title: 'Import failed', message: 'the file is empty', problems: [] });
const exported = (id: number, warnings: number): Notice => ({ id, kind: 'export', path: '/tmp/a.json', warnings: Array.from({ length: warnings }, () => ({ message: 'a note was dropped' })) });

describe('notices', () => {
  it('fades success confirmations and keeps errors and warnings until dismissed', () => {
    expect(fadesOut(info(1))).toBe(true);
    expect(fadesOut(exported(2, 0))).toBe(true);
    expect(fadesOut(exported(3, 1))).toBe(false);
    expect(fadesOut(error(4))).toBe(false);
    expect(fadeDelay(info(1), 1000, 1000)).toBe(FADE_AFTER_MS);
    expect(fadeDelay(info(1), 1000, 1000 + FADE_AFTER_MS - 1)).toBe(1);
    expect(fadeDelay(info(1), 1000, 1000 + FADE_AFTER_MS * 2)).toBe(0);
    expect(fadeDelay(error(4), 1000, 99_999)).toBeNull();
  });

  it('shows at most three, newest first, and counts the rest', () => {
    const all = [info(1), error(2), exported(3, 1), info(4), error(5)];
    const { shown, more } = shownNotices(all, false);
    expect(shown.map((n) => n.id)).toEqual([5, 4, 3]);
    expect(shown).toHaveLength(MAX_SHOWN);
    expect(more).toBe(2);
    expect(shownNotices(all, true)).toEqual({ shown: [...all].reverse(), more: 0 });
    expect(shownNotices(all.slice(0, 2), false)).toEqual({ shown: [error(2), info(1)], more: 0 });
    expect(shownNotices([], false)).toEqual({ shown: [], more: 0 });
  });
});
