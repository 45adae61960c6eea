/**
 * The suggestion data that is stored or crosses a process boundary, as zod
 * schemas: gazetteers, pattern rules and rejections. Types in the other files
 * of this folder are checked equal to these at compile time.
 */
import { z } from 'zod';
import type { Gazetteer } from './gazetteer';
import type { RejectedSuggestion } from './rejected-suggestion';
import { SUGGESTION_SOURCES } from './suggestion';
import type { Same } from '../same-type';

const text = z.string().max(10_000);
const name = z.string().min(1).max(1_000);

/** A suggestion source name. */
export const suggestionSourceSchema = z.enum(SUGGESTION_SOURCES as unknown as ['own-tags', 'gazetteer', 'pattern', 'dates']);

/** One gazetteer row as kept. */
export const gazetteerEntrySchema = z.object({ name, labelId: name, aliases: z.array(name).max(1_000), entity: name.optional() });

/** A gazetteer as kept in the library. */
export const gazetteerSchema = z.object({ id: name, name: text, entries: z.array(gazetteerEntrySchema).max(100_000) });

/** One token matcher of a token pattern (any case of the keys is read by `compilePattern`; stored as written). */
export const tokenMatcherSchema = z.record(z.string(), z.union([z.string().max(2_000), z.boolean()]));

/** One pattern rule of a label (`Label.patterns`). */
export const labelPatternSchema = z.union([
  z.object({ regex: z.string().min(1).max(2_000), flags: z.string().max(8).optional() }),
  z.object({ tokens: z.array(tokenMatcherSchema).min(1).max(50) }),
]);

/** One rejection as kept per document. */
export const rejectedSuggestionSchema = z.object({
  source: suggestionSourceSchema,
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  labelId: name,
  quote: text,
  rejectedAt: z.string().min(1).max(64),
});

const checks: [Same<z.infer<typeof gazetteerSchema>, Gazetteer>, Same<z.infer<typeof rejectedSuggestionSchema>, RejectedSuggestion>] = [true, true];
void checks;
