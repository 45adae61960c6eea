import { POSITION_LABEL } from '../../../annotations/statements/build-statements';
import type { LabelSchema } from '../../../annotations/model';

/** The stance options of the position label, id → name (empty when the schema has none). */
export function stanceNames(labels: LabelSchema): Map<string, string> {
  const stance = labels.labels.find((l) => l.id === POSITION_LABEL)?.attributes?.find((a) => a.id === 'stance');
  return new Map((stance?.options ?? []).map((o) => [o.id, o.name]));
}
