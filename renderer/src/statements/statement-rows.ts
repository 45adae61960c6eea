/**
 * The side panel's statement rows from the own layer: each position span
 * with the actors that hold it (`holds`: actor → position), its targets
 * (`toward`) and its date (`when`). One row per actor and target pair; a
 * missing end is left empty, never a reason to drop the row. Positions in
 * reading order. Rows keep the annotations themselves so a click can select
 * them in the text.
 */
import type { Annotation, Relation } from '../../../annotations/model';
import type { StatementRow } from './statement-list';

/** Relation type ids that build statements. */
export const STATEMENT_TYPES = { holds: 'holds', toward: 'toward', when: 'when' } as const;

/** The rows of the statements of one layer; `positionLabel` is the label of positions (`position`). */
export function statementRows(annotations: readonly Annotation[], relations: readonly Relation[], positionLabel = 'position'): StatementRow[] {
  const byId = new Map<string, Annotation>();
  const positions: Annotation[] = [];
  for (const a of annotations) {
    if (a.labelId === positionLabel) positions.push(a);
  }
  if (positions.length === 0) return [];
  const wanted = new Set<string>();
  for (const r of relations) wanted.add(r.sourceId).add(r.targetId);
  for (const a of annotations) if (wanted.has(a.id)) byId.set(a.id, a);
  const links = new Map<string, { actors: Relation[]; targets: Relation[]; dates: Relation[] }>();
  const linksOf = (id: string) => {
    let found = links.get(id);
    if (!found) links.set(id, (found = { actors: [], targets: [], dates: [] }));
    return found;
  };
  for (const r of relations) {
    if (r.typeId === STATEMENT_TYPES.holds) linksOf(r.targetId).actors.push(r);
    else if (r.typeId === STATEMENT_TYPES.toward) linksOf(r.sourceId).targets.push(r);
    else if (r.typeId === STATEMENT_TYPES.when) linksOf(r.sourceId).dates.push(r);
  }
  const rows: StatementRow[] = [];
  for (const position of positions) {
    const found = links.get(position.id) ?? { actors: [], targets: [], dates: [] };
    const date = found.dates.map((r) => byId.get(r.targetId)).find((a): a is Annotation => a !== undefined);
    const actors: Array<Relation | undefined> = found.actors.length > 0 ? found.actors : [undefined];
    const targets: Array<Relation | undefined> = found.targets.length > 0 ? found.targets : [undefined];
    for (const holds of actors) {
      for (const toward of targets) {
        const made = [holds, toward, found.dates[0]].filter((r): r is Relation => r !== undefined);
        rows.push({
          key: `${position.id}|${holds?.id ?? ''}|${toward?.id ?? ''}`,
          position,
          ...(holds && byId.get(holds.sourceId) ? { actor: byId.get(holds.sourceId)! } : {}),
          ...(toward && byId.get(toward.targetId) ? { target: byId.get(toward.targetId)! } : {}),
          ...(date ? { date } : {}),
          relations: made,
        });
      }
    }
  }
  return rows;
}
