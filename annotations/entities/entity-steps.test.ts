import { describe, expect, it } from 'vitest';
import { createAnnotation } from '../annotation';
import type { Entity } from '../model';
import { entityUpdate, relinkChange, type EntityStep } from './entity-steps';

const NOW = '2026-12-01T00:00:00.000Z';
const TEXT = '정동영 🙂 met\r\nChung Dong-young.';
const english: Entity = { id: 'ent_en', name: 'Chung Dong-young', aliases: [], kind: 'actor' };
const korean: Entity = { id: 'ent_ko', name: '정동영', aliases: ['정 장관'], kind: 'actor' };
const merged: Entity = { ...english, aliases: ['정동영', '정 장관'] };

function span(quote: string, entityId: string, id: string) {
  const start = TEXT.indexOf(quote);
  const made = createAnnotation(TEXT, { documentId: 'doc', start, end: start + quote.length, labelId: 'actor', author: 'ana', now: NOW, id });
  if (!made.ok) throw new Error(made.error.message);
  return { ...made.value, entityId };
}

describe('entity steps', () => {
  const step: EntityStep = { label: 'Merge “정동영” into “Chung Dong-young”', before: [english, korean], after: [merged], relinks: [{ documentId: 'doc', layerId: 'own', spanIds: ['a1'], from: 'ent_ko', to: 'ent_en' }] };

  it('undoes a merge by saving both entities as they were, and redoes it by removing the merged one again', () => {
    expect(entityUpdate(step, 'undo')).toEqual({ saved: [english, korean], removed: [] });
    expect(entityUpdate(step, 'redo')).toEqual({ saved: [merged], removed: ['ent_ko'] });
    const split: EntityStep = { label: 'Split', before: [merged], after: [english, korean], relinks: [] };
    expect(entityUpdate(split, 'undo')).toEqual({ saved: [merged], removed: ['ent_ko'] });
  });

  it('moves back only the spans it moved that still name the entity they were moved to', () => {
    const annotations = [span('정동영', 'ent_en', 'a1'), span('Chung Dong-young', 'ent_en', 'a2')];
    const back = relinkChange(annotations, step.relinks[0]!, 'undo', NOW);
    expect(back.added.map((a) => [a.id, a.entityId])).toEqual([['a1', 'ent_ko']]);
    expect(back.removed.map((a) => a.id)).toEqual(['a1']);
    // Moved on since (relinked by hand): left alone.
    expect(relinkChange([{ ...annotations[0]!, entityId: 'ent_other' }], step.relinks[0]!, 'undo', NOW).removed).toEqual([]);
    expect(relinkChange([{ ...annotations[0]!, entityId: 'ent_ko' }], step.relinks[0]!, 'redo', NOW).added.map((a) => a.entityId)).toEqual(['ent_en']);
  });
});
