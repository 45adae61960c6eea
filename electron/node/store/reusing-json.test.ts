import { describe, expect, it } from 'vitest';
import { OWN_LAYER_ID } from '../../../annotations/model';
import { changeLayer, newDocumentFile, undoStep } from './document-state';
import { stringifyReusing } from './reusing-json';
import { makeAnnotation, makeDocument } from './test-support/store-fixtures';

describe('stringifyReusing', () => {
  it('writes a document file exactly as JSON.stringify does, before and after changes', () => {
    const doc = makeDocument('doc_a');
    let file = newDocumentFile(doc, 1, '2026-01-01T00:00:00.000Z');
    expect(stringifyReusing(file)).toBe(JSON.stringify(file));
    for (let i = 0; i < 5; i++) {
      const changed = changeLayer(file, OWN_LAYER_ID, { removed: [], added: [makeAnnotation(doc, i, i + 3, i % 2 ? 'actor' : 'date', `ann_${i}`)] }, `step ${i}`, `2026-01-0${i + 2}T00:00:00.000Z`);
      if (!changed.ok) throw new Error(changed.error.message);
      file = changed.value;
      expect(stringifyReusing(file)).toBe(JSON.stringify(file));
    }
    const undone = undoStep(file, '2026-02-01T00:00:00.000Z');
    if (!undone.ok) throw new Error(undone.error.message);
    expect(stringifyReusing(undone.value)).toBe(JSON.stringify(undone.value));
  });

  it('writes odd values as JSON.stringify does', () => {
    const values: unknown[] = [
      { a: undefined, b: [undefined, () => 1, Symbol('s')], c: NaN, d: -0, e: Infinity, f: 'quote " backslash \\ newline \n tab \t nul \u0000 lone \ud800 한국 🇰🇷' },
      { nested: { empty: {}, list: [], deep: { x: [{ y: null }] } }, at: new Date(0), flag: false },
      [1, 'two', null, true, { three: 3 }],
      'plain',
      42,
      null,
    ];
    for (const value of values) {
      expect(stringifyReusing(value)).toBe(JSON.stringify(value));
      // A second time, with the records remembered.
      expect(stringifyReusing(value)).toBe(JSON.stringify(value));
    }
    expect(() => stringifyReusing({ big: 1n })).toThrow(TypeError);
  });

  it('reuses the text of a record it has written (which is why records must never change in place)', () => {
    const record = { id: 'ann_1', quote: { exact: 'Seoul' } };
    const file = { layers: [{ annotations: [record] }] };
    const first = stringifyReusing(file);
    record.quote.exact = 'changed in place';
    expect(stringifyReusing(file)).toBe(first);
    // A new record is written afresh.
    const copy = { ...record, id: 'ann_2' };
    expect(stringifyReusing({ layers: [{ annotations: [record, copy] }] })).toBe('{"layers":[{"annotations":[{"id":"ann_1","quote":{"exact":"Seoul"}},{"id":"ann_2","quote":{"exact":"changed in place"}}]}]}');
  });
});
