/**
 * How the reader tells other layers apart: each layer drawn beside the
 * analyst's own gets an outline style of its own (dashed, dotted, double,
 * solid, in the order the layers come), so two colleagues are told apart by
 * shape, not only by name on hover.
 */

/** Outline styles, in the order layers receive them. */
export const OUTLINE_STYLES = ['dashed', 'dotted', 'double', 'solid'] as const;

/** One outline style. */
export type OutlineStyle = (typeof OUTLINE_STYLES)[number];

/** The outline style of each layer id, by position (cycling after four layers). */
export function outlineStyles(layerIds: readonly string[]): Map<string, OutlineStyle> {
  return new Map(layerIds.map((id, i) => [id, OUTLINE_STYLES[i % OUTLINE_STYLES.length]!]));
}

/** A CSS string value in double quotes, with `"`, `\` and line breaks escaped. */
function quoted(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/** The style sheet giving each layer's outline marks its style, scoped to `.parley-reader`. */
export function outlineStyleSheet(styles: ReadonlyMap<string, OutlineStyle>): string {
  return [...styles]
    .map(([id, style]) => `.parley-reader .cm-parley-outline[data-layer=${quoted(id)}] { outline-style: ${style}; ${style === 'double' ? 'outline-width: 3px; ' : ''}}`)
    .join('\n');
}
