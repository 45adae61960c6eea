import { STANCE_ATTRIBUTE } from '../../../../annotations/labels';
import { NO_STANCE } from '../../../../annotations/corpus/charts/chart-keys';
import type { EdgeQualifier } from '../../../../annotations/corpus/charts/discourse-network';

const OPTIONS = STANCE_ATTRIBUTE.options ?? [];

/** The colour of a stance (the default schema's, legible on both themes); no stance or an unknown one is muted. */
export function stanceColor(stance: string | undefined): string {
  return OPTIONS.find((o) => o.id === stance)?.color ?? 'var(--muted)';
}

/** The name of a stance for people: the option's name, "no stance", or the id itself. */
export function stanceName(stance: string | undefined): string {
  if (stance === undefined || stance === NO_STANCE) return 'no stance';
  return OPTIONS.find((o) => o.id === stance)?.name.toLowerCase() ?? stance;
}

/** The stances a chart's legend lists: the schema's, then none. */
export const LEGEND_STANCES: readonly string[] = [...OPTIONS.map((o) => o.id), NO_STANCE];

/** Colours of network edges by qualifier: agreement green, disagreement red, both amber, no side grey. */
export const QUALIFIER_COLORS: Record<EdgeQualifier, string> = {
  agree: '#059669',
  congruence: '#059669',
  disagree: '#dc2626',
  conflict: '#dc2626',
  mixed: '#d97706',
  neutral: 'var(--muted)',
};
