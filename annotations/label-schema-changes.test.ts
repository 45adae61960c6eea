import { describe, expect, it } from 'vitest';
import { applyLabelSchemaSteps, describeLabelSchemaSteps, labelSchemaSteps, labelSchemaStepSchema } from './label-schema-changes';
import { defaultLabelSchema } from './labels';
import type { LabelSchema } from './model';

const base = (): LabelSchema => defaultLabelSchema();

describe('label schema changes as steps', () => {
  it('says nothing for the same schema', () => {
    expect(labelSchemaSteps(base(), base())).toEqual([]);
  });

  it('takes one schema to another with only what changed, and applying twice changes nothing more', () => {
    const before = base();
    const after: LabelSchema = {
      ...before,
      labels: [
        { id: 'threat', name: '위협 Threat 🚨', color: '#dc2626', shortcut: '9', description: 'A warning of harm.' },
        ...before.labels.filter((l) => l.id !== 'date').map((l) => (l.id === 'actor' ? { ...l, name: 'Speaker' } : l)),
      ],
      relationTypes: (before.relationTypes ?? []).filter((t) => t.id !== 'when'),
    };
    const steps = labelSchemaSteps(before, after);
    expect(steps.map((s) => s.op)).toEqual(['remove-label', 'put-label', 'put-label', 'remove-relation-type']);
    expect(JSON.stringify(steps).length).toBeLessThan(JSON.stringify(after).length);
    for (const step of steps) expect(labelSchemaStepSchema.safeParse(step).success).toBe(true);
    const applied = applyLabelSchemaSteps(before, steps);
    expect(applied).toEqual(after);
    expect(applyLabelSchemaSteps(applied, steps)).toEqual(after);
    expect(describeLabelSchemaSteps(before, steps)).toBe('removed label “Date”; added label “위협 Threat 🚨”; renamed label “Actor” to “Speaker”; removed relation type “when”');
  });

  it('carries a new order of the same labels', () => {
    const before = base();
    const after = { ...before, labels: [...before.labels].reverse() };
    const steps = labelSchemaSteps(before, after);
    expect(steps).toEqual([{ op: 'order-labels', ids: after.labels.map((l) => l.id) }]);
    expect(applyLabelSchemaSteps(before, steps)).toEqual(after);
    expect(describeLabelSchemaSteps(before, steps)).toBe('reordered the labels');
  });

  it('refuses a step of the wrong shape', () => {
    expect(labelSchemaStepSchema.safeParse({ op: 'put-label', label: { id: 'x' }, after: null }).success).toBe(false);
    expect(labelSchemaStepSchema.safeParse({ op: 'drop-table', id: 'x' }).success).toBe(false);
  });
});
