import { describe, expect, it } from 'vitest';
import { BusyCount } from './busy-count';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('BusyCount', () => {
  it('is busy from the first call until the last of overlapping calls answers, and returns each answer', async () => {
    const seen: boolean[] = [];
    const count = new BusyCount((busy) => seen.push(busy));
    const a = deferred<string>();
    const b = deferred<number>();
    const first = count.run(() => a.promise);
    const second = count.run(() => b.promise);
    expect(seen).toEqual([true]);
    a.resolve('통일부 🇰🇷');
    expect(await first).toBe('통일부 🇰🇷');
    expect(seen).toEqual([true]);
    b.resolve(2);
    expect(await second).toBe(2);
    expect(seen).toEqual([true, false]);
  });

  it('is not left busy by a call that throws, and passes the error on', async () => {
    const seen: boolean[] = [];
    const count = new BusyCount((busy) => seen.push(busy));
    await expect(count.run(() => Promise.reject(new Error('the store is closed')))).rejects.toThrow('the store is closed');
    expect(seen).toEqual([true, false]);
    expect(await count.run(async () => 'again')).toBe('again');
    expect(seen).toEqual([true, false, true, false]);
  });
});
