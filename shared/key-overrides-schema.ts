/**
 * The zod schemas for the analyst's reader keys, kept apart from the command
 * table (`key-bindings.ts`) so that the renderer, which reads the table, does
 * not load zod at start. The main process parses `setKeyBindings` input and
 * the settings file with these; a failed parse names the bad command id or key.
 */
import { z } from 'zod';
import { READER_COMMAND_IDS } from './key-bindings';

/** The key string a command accepts over IPC and in the settings file: 1 to 40 characters. */
export const keyString = z.string().min(1).max(40);

/** The settings' overrides: known command ids only, each with one key (unknown ids and arrays are refused). */
export const keyOverridesSchema = z.partialRecord(z.enum(READER_COMMAND_IDS), keyString);
