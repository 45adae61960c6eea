import { describe, expect, it } from 'vitest';
import { DocumentQueue } from './document-queue';

describe('DocumentQueue', () => {
  it('coalesces updates queued behind a write and resolves each only after its state is written', async () => {
    const written: number[] = [];
    let release: (() => void) | null = null;
    const queue = new DocumentQueue(0, async (state) => {
      await new Promise<void>((resolve) => (release = resolve));
      written.push(state);
    });
    const settled: number[] = [];
    const first = queue.set(1).then(() => settled.push(1));
    const rest = [2, 3, 4].map((n) => queue.set(n).then(() => settled.push(n)));
    expect(queue.current).toBe(4);
    release!();
    await first;
    expect(written).toEqual([1]);
    expect(settled).toEqual([1]);
    await Promise.resolve();
    release!();
    await Promise.all(rest);
    expect(written).toEqual([1, 4]);
    expect(settled).toEqual([1, 2, 3, 4]);
  });

  it('reverts to the last written state and fails every pending update when a write fails', async () => {
    let failNext = false;
    const queue = new DocumentQueue('a', async () => {
      if (failNext) throw new Error('disk full');
    });
    expect((await queue.set('b')).ok).toBe(true);
    failNext = true;
    const results = await Promise.all([queue.set('c'), queue.set('d')]);
    expect(results.map((r) => !r.ok && r.error.code)).toEqual(['io-error', 'io-error']);
    expect(queue.current).toBe('b');
  });

  it('freezes each state as it becomes current, so a write in place throws and the state stays as queued', async () => {
    const written: string[] = [];
    const queue = new DocumentQueue<{ tags: string[] }>({ tags: [] }, async (state) => {
      written.push(JSON.stringify(state));
    });
    expect(() => queue.current.tags.push('서울')).toThrow(TypeError);
    const next = { tags: ['Seoul', '🇰🇷'] };
    const saved = queue.set(next);
    expect(() => {
      next.tags[1] = 'Washington';
    }).toThrow(TypeError);
    expect((await saved).ok).toBe(true);
    expect(written).toEqual(['{"tags":["Seoul","🇰🇷"]}']);
    expect(queue.current).toEqual({ tags: ['Seoul', '🇰🇷'] });
  });
});
