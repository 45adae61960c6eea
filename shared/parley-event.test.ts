import { describe, expect, it } from 'vitest';
import { parseParleyEvent } from './parley-event';

describe('events from the main process', () => {
  it('passes each known event, rebuilt from its own fields', () => {
    expect(parseParleyEvent({ type: 'library-changed', extra: '<img onerror=x>' })).toEqual({ type: 'library-changed' });
    expect(parseParleyEvent({ type: 'progress', taskId: 'task-1', task: 'Importing 3 articles', done: 1, total: 3, finished: false })).toEqual({ type: 'progress', taskId: 'task-1', task: 'Importing 3 articles', done: 1, total: 3, finished: false });
    const pulled = { type: 'layers-pulled', layers: [{ documentId: 'ws-hangul', layerId: 'colleague:민지 🇰🇷', author: '민지 🇰🇷' }] };
    expect(parseParleyEvent(pulled)).toEqual(pulled);
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'library-changed'],
    ['an unknown type', { type: 'open-file', path: '/etc/passwd' }],
    ['a progress with a negative count', { type: 'progress', taskId: 'task-1', task: 'x', done: -1, total: 3, finished: false }],
    ['a progress without finished', { type: 'progress', taskId: 'task-1', task: 'x', done: 1, total: 3 }],
    ['pulled layers that are not a list', { type: 'layers-pulled', layers: { documentId: 'a' } }],
    ['a pulled layer without an author', { type: 'layers-pulled', layers: [{ documentId: 'a', layerId: 'colleague:b' }] }],
    ['a pulled layer with an empty id', { type: 'layers-pulled', layers: [{ documentId: '', layerId: 'colleague:b', author: 'b' }] }],
    ['a pulled layer with a huge id', { type: 'layers-pulled', layers: [{ documentId: 'a'.repeat(1001), layerId: 'colleague:b', author: 'b' }] }],
  ])('drops %s', (_what, value) => {
    expect(parseParleyEvent(value)).toBeNull();
  });
});
