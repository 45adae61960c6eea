import { describe, expect, it } from 'vitest';
import { KEEP_DAYS, KEEP_RECENT, retained, type BackupRecord } from './backups';

/** Snapshots taken every `everyHours` hours for `days` days up to `now`, newest first. */
function history(now: string, days: number, everyHours: number): BackupRecord[] {
  const out: BackupRecord[] = [];
  for (let t = Date.parse(now); t > Date.parse(now) - days * 86_400_000; t -= everyHours * 3_600_000) {
    const takenAt = new Date(t).toISOString();
    out.push({ id: `doc_a/${takenAt}`, subject: { kind: 'document', stem: 'doc_a' }, file: `/backups/documents/doc_a/${takenAt}.json`, takenAt, annotationCount: 0, sequence: 1_000_000 - out.length });
  }
  return out;
}

describe('backup retention', () => {
  it('keeps the last 10 snapshots and the last one of each of the past 7 days, and nothing else', () => {
    const now = '2024-03-20T15:00:00.000Z';
    const list = history(now, 30, 2);
    const kept = retained(list, now);
    const horizon = Date.parse(now) - KEEP_DAYS * 86_400_000;
    // The last snapshot of a day is the first of that day in a newest-first list.
    const lastOfDay = list.filter((r, i) => i === 0 || list[i - 1]!.takenAt.slice(0, 10) !== r.takenAt.slice(0, 10));
    const expected = new Set([...list.slice(0, KEEP_RECENT), ...lastOfDay.filter((r) => Date.parse(r.takenAt) >= horizon)]);
    expect([...kept].map((r) => r.takenAt).sort()).toEqual([...expected].map((r) => r.takenAt).sort());
    expect(KEEP_RECENT).toBe(10);
    expect(KEEP_DAYS).toBe(7);
    // 10 recent ones (all today) plus the ends of the 7 days before: at most 18 files, whatever the history.
    expect(kept.size).toBeLessThanOrEqual(KEEP_RECENT + KEEP_DAYS + 1);
    expect([...kept].every((r) => Date.parse(r.takenAt) >= horizon)).toBe(true);
  });

  it('keeps the 10 newest however old they are, so a document edited long ago still has its history', () => {
    const list = history('2023-01-20T00:00:00.000Z', 20, 24);
    const kept = retained(list, '2024-06-01T00:00:00.000Z');
    expect(kept).toEqual(new Set(list.slice(0, 10)));
  });
});
