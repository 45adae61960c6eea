/**
 * A label's attributes as edited in the label editor: checks before saving
 * and ids for new attributes and options. Choice options are edited by name;
 * their ids, once saved, never change (stored values name them).
 */
import { labelIdFromName, labelKey } from '../../../annotations/labels';
import type { AttributeDefinition } from '../../../annotations/model';
import { RESERVED_SHORTCUTS } from './shortcut-rules';

/** A kebab-case id from a name, unique among `taken`. */
export function freshAttributeId(name: string, taken: Iterable<string>, fallback: string): string {
  const used = new Set(taken);
  const base = labelIdFromName(name).slice(0, 56).replace(/-+$/, '') || fallback;
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** A new attribute for a label that has `existing` ones. */
export function newAttribute(existing: readonly AttributeDefinition[], type: AttributeDefinition['type'] = 'choice'): AttributeDefinition {
  const id = freshAttributeId('attribute', existing.map((a) => a.id), 'attribute');
  return type === 'choice' ? { id, name: 'New attribute', type, options: [{ id: 'yes', name: 'Yes' }, { id: 'no', name: 'No' }] } : { id, name: 'New attribute', type };
}

/** A new option for a choice attribute. */
export function newOption(options: readonly { id: string }[], name: string): { id: string; name: string } {
  return { id: freshAttributeId(name, options.map((o) => o.id), 'option'), name };
}

/**
 * What is wrong with one label's attributes: names empty or repeated, a
 * choice without options, options unnamed or repeated, a key that is one
 * key, not blank, and not already a label's or the reader's. `labelKeys` are
 * the shortcuts of every label, with their names.
 */
export function attributeProblems(labelName: string, attributes: readonly AttributeDefinition[], labelKeys: ReadonlyArray<{ name: string; shortcut: string }>): string[] {
  const problems: string[] = [];
  const names = new Map<string, string>();
  for (const [i, a] of attributes.entries()) {
    const name = a.name.trim();
    const shown = name ? `“${name}” of ${labelName}` : `Attribute ${i + 1} of ${labelName}`;
    if (name === '') problems.push(`${shown} has no name.`);
    else if (names.has(labelKey(name))) problems.push(`${labelName} has two attributes named “${name}”.`);
    else names.set(labelKey(name), name);
    if (a.type === 'choice') {
      const options = a.options ?? [];
      if (options.length === 0) problems.push(`${shown} is a choice with no options: add at least one.`);
      const seen = new Set<string>();
      for (const [j, o] of options.entries()) {
        const optionName = o.name.trim();
        if (optionName === '') problems.push(`Option ${j + 1} of ${shown} has no name.`);
        else if (seen.has(labelKey(optionName))) problems.push(`${shown} has the option “${optionName}” twice.`);
        else seen.add(labelKey(optionName));
      }
    }
    const key = a.shortcut ?? '';
    if (key !== '') {
      if ([...key].length !== 1 || /\s/u.test(key)) problems.push(`The key of ${shown} must be one key, not a blank.`);
      else if (RESERVED_SHORTCUTS[key.toLowerCase()]) problems.push(`${shown} cannot use “${key}”: it ${RESERVED_SHORTCUTS[key.toLowerCase()]}.`);
      else {
        const clash = labelKeys.find((l) => l.shortcut !== '' && l.shortcut.toLowerCase() === key.toLowerCase());
        if (clash) problems.push(`${shown} cannot use “${key}”: it tags ${clash.name}.`);
      }
    }
  }
  return problems;
}

/** Attributes as saved: names trimmed, options only on choices. */
export function cleanAttributes(attributes: readonly AttributeDefinition[]): AttributeDefinition[] {
  return attributes.map((a) => {
    const clean: AttributeDefinition = { id: a.id, name: a.name.trim(), type: a.type };
    if (a.type === 'choice') clean.options = (a.options ?? []).map((o) => ({ ...o, name: o.name.trim() }));
    if (a.shortcut) clean.shortcut = a.shortcut;
    return clean;
  });
}
