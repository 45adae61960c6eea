import { describe, expect, it } from 'vitest';
import { lockBreakOffer } from './lock-prompt';
import type { LockInfo } from '../node/store/lock-owner';

const info: LockInfo = { pid: 311, hostname: 'field-laptop', startedAt: '2026-05-04T08:00:00.000Z', token: 't', processStart: '9', bootId: 'b', program: 'parley import' };

describe('lockBreakOffer', () => {
  it('offers to break a lock Parley cannot judge, after saying who holds it', () => {
    const offer = lockBreakOffer('/data/store', { state: 'held', info, raw: '', verdict: { state: 'uncertain', reason: 'it was taken on another machine' } });
    expect(offer?.detail).toContain('parley import (pid 311 on field-laptop, since 2026-05-04T08:00:00.000Z)');
    expect(offer?.detail).toContain('/data/store');
    expect(offer?.buttons[offer.breakButton]).toBe('Break the lock and open');
    expect(offer?.buttons[0]).toBe('Quit');
  });

  it('offers it for an unreadable lock file', () => {
    expect(lockBreakOffer('/s', { state: 'unreadable', raw: '' })?.breakButton).toBe(1);
  });

  it('does not offer it for a Parley provably running here, or a store that became free', () => {
    expect(lockBreakOffer('/s', { state: 'held', info, raw: '', verdict: { state: 'live' } })).toBeNull();
    expect(lockBreakOffer('/s', { state: 'free' })).toBeNull();
  });
});
