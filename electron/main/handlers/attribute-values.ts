/**
 * Setting a span's attribute values, checked against its label's attribute
 * definitions: a choice takes one of its option ids, a date a normalised
 * ISO 8601 value (`dates/`), text anything. Values of attributes the label
 * no longer defines are kept as they are unless the call changes them.
 */
import { parseDateValue } from '../../../annotations/dates/date-value';
import type { LabelSchema } from '../../../annotations/model';
import { fail, ok, type Result } from '../../../annotations/result';

/**
 * The attribute values after `changes` (null clears one). Fails with
 * `invalid-input`, naming the attribute, on an attribute the label does not
 * define, an option the choice does not have, or a date that is not one.
 */
export function applyAttributeValues(schema: LabelSchema, labelId: string, current: Readonly<Record<string, string>> | undefined, changes: Readonly<Record<string, string | null>>): Result<Record<string, string>> {
  const definitions = schema.labels.find((l) => l.id === labelId)?.attributes ?? [];
  const next: Record<string, string> = { ...current };
  for (const [id, value] of Object.entries(changes)) {
    if (value === null) {
      delete next[id];
      continue;
    }
    const definition = definitions.find((d) => d.id === id);
    if (!definition) return fail('invalid-input', `the label "${labelId}" has no attribute "${id}"`);
    if (definition.type === 'choice' && !(definition.options ?? []).some((o) => o.id === value)) {
      return fail('invalid-input', `"${value}" is not an option of ${definition.name} (${(definition.options ?? []).map((o) => o.id).join(', ')})`);
    }
    if (definition.type === 'date') {
      const parsed = parseDateValue(value);
      if (!parsed.ok) return fail('invalid-input', `${definition.name}: ${parsed.error.message}`);
    }
    next[id] = value;
  }
  return ok(next);
}
