import { describe, expect, it } from 'vitest';
import { rowWindow } from './row-window';

describe('rowWindow', () => {
  it('draws the rows in view with a margin and keeps the height of the rest', () => {
    expect(rowWindow(10_000, 30, 3_000, 600, 5)).toEqual({ start: 95, end: 125, before: 95 * 30, after: (10_000 - 125) * 30 });
  });
  it('stays inside the list at both ends and for short lists', () => {
    expect(rowWindow(10_000, 30, -50, 600, 5)).toMatchObject({ start: 0, end: 25, before: 0 });
    expect(rowWindow(100, 30, 1_000_000, 600, 5)).toEqual({ start: 100, end: 100, before: 3_000, after: 0 });
    expect(rowWindow(3, 30, 0, 600)).toEqual({ start: 0, end: 3, before: 0, after: 0 });
  });
});
