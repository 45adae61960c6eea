/**
 * One argument parser for every `parley` command, on Node's `util.parseArgs`
 * with `strict: true`. Each command declares its options once, in a table;
 * the parser refuses what the table does not name and the usage text is
 * generated from the same table, so every flag is in the help.
 */
import { parseArgs } from 'node:util';
import type { CliIo } from './cli-io';
import { forTerminal } from './terminal-text';

/** One option of a command. String options always need a non-empty value. */
export interface CliOption {
  type: 'string' | 'boolean';
  /** How the value is shown in the usage (`DIR`, `FORMAT`); string options only. */
  value?: string;
  /** A one-letter alias (`h` for `-h`). */
  short?: string;
  /** May be given several times (string options only). */
  multiple?: boolean;
  /** One line for the usage. */
  help: string;
}

/** What a command got on its command line, after parsing. */
export interface CliArgs {
  /** Non-option arguments, in order. */
  positionals: string[];
  /** The value of a string option, or undefined when absent. */
  text(name: string): string | undefined;
  /** Every value of a repeatable string option. */
  list(name: string): string[];
  /** True when a boolean option was given. */
  flag(name: string): boolean;
  /** The string option given just before each positional (`--from brat in.ann` → `from`), for commands whose positionals follow a flag. */
  after: Array<string | undefined>;
}

/** A `parley` command: its name, what it does, its options, and how to run it. */
export interface CliCommand {
  name: string;
  /** One line for `parley help`. */
  summary: string;
  /** The forms of the command, each without `parley NAME` (`FILES... [--store DIR]`). */
  synopsis: string[];
  options: Record<string, CliOption>;
  /** Lines printed after the options (formats, exit status). */
  notes?: string[];
  /** Bounds on the number of positionals, checked before `run`. */
  positionals?: { min?: number; max?: number; name: string };
  run(args: CliArgs, io: CliIo): Promise<number>;
}

const HELP_OPTION: CliOption = { type: 'boolean', short: 'h', help: 'print this help' };

function optionsOf(command: CliCommand): Record<string, CliOption> {
  return { ...command.options, help: HELP_OPTION };
}

/** The usage text of one command, generated from its option table. */
export function commandUsage(command: CliCommand): string {
  const options = optionsOf(command);
  const lines = command.synopsis.map((form, i) => `${i === 0 ? 'Usage: ' : '       '}parley ${command.name} ${form}`);
  lines.push('', command.summary, '', 'Options:');
  const rows = Object.entries(options).map(([name, o]) => [`${o.short ? `-${o.short}, ` : ''}--${name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`, `${o.help}${o.multiple ? ' (may be repeated)' : ''}`] as const);
  const width = Math.max(...rows.map(([left]) => left.length));
  for (const [left, right] of rows) lines.push(`  ${left.padEnd(width)}  ${right}`);
  if (command.notes && command.notes.length > 0) lines.push('', ...command.notes);
  return lines.join('\n');
}

/** Edit distance counting a swap of neighbours as one edit, to suggest the flag that was meant. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** Parses `argv` against the command's table: the arguments, or a message naming what is wrong. */
export function parseCommandLine(command: CliCommand, argv: readonly string[]): { ok: true; args: CliArgs; help: boolean } | { ok: false; message: string } {
  const options = optionsOf(command);
  const config = Object.fromEntries(
    Object.entries(options).map(([name, o]) => [name, { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) }]),
  );
  // A lenient pass first, to name the offending option in our own words.
  const loose = parseArgs({ args: [...argv], options: config, strict: false, allowPositionals: true, tokens: true });
  for (const token of loose.tokens) {
    if (token.kind !== 'option') continue;
    const known = options[token.name];
    const shown = token.rawName;
    if (!known) {
      const names = Object.keys(options);
      const close = names.filter((n) => distance(n, token.name) <= Math.max(1, Math.floor(n.length / 3)));
      return { ok: false, message: `unknown option ${shown}${close.length > 0 ? ` (did you mean --${close[0]}?)` : ''}` };
    }
    if (known.type === 'boolean' && token.inlineValue) return { ok: false, message: `${shown} takes no value` };
    const missing = token.value === undefined || token.value === '' || (!token.inlineValue && token.value.startsWith('-'));
    if (known.type === 'string' && missing) {
      return { ok: false, message: `${shown} needs a value (${shown} ${known.value ?? 'VALUE'})` };
    }
    if (known.type === 'string' && !known.multiple && loose.tokens.filter((t) => t.kind === 'option' && t.name === token.name).length > 1) {
      return { ok: false, message: `${shown} is given more than once` };
    }
  }
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: config, strict: true, allowPositionals: true, tokens: true });
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
  const after: Array<string | undefined> = [];
  let previous: string | undefined;
  for (const token of parsed.tokens ?? []) {
    if (token.kind === 'option') previous = options[token.name]?.type === 'string' ? token.name : undefined;
    else if (token.kind === 'positional') {
      after.push(previous);
      previous = undefined;
    }
  }
  const args: CliArgs = {
    positionals: parsed.positionals,
    text: (name) => {
      const v = values[name];
      return typeof v === 'string' ? v : undefined;
    },
    list: (name) => {
      const v = values[name];
      return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
    },
    flag: (name) => values[name] === true,
    after,
  };
  const help = values.help === true;
  const bounds = command.positionals;
  if (!help && bounds) {
    const n = args.positionals.length;
    if (bounds.min !== undefined && n < bounds.min) return { ok: false, message: `name ${bounds.min === 1 ? 'at least one' : bounds.min} ${bounds.name}` };
    if (bounds.max !== undefined && n > bounds.max) {
      return { ok: false, message: `expected ${bounds.max === 1 ? 'one' : `at most ${bounds.max}`} ${bounds.name}, got ${n}: ${args.positionals.join(' ')}` };
    }
  }
  return { ok: true, args, help };
}

/** Parses and runs one command: its usage on `--help`, exit code 2 and the usage on a usage error. */
export async function runCommand(command: CliCommand, argv: readonly string[], terminal: CliIo): Promise<number> {
  const io = safeIo(terminal);
  const parsed = parseCommandLine(command, argv);
  if (!parsed.ok) {
    io.err(`parley ${command.name}: ${parsed.message}\n\n${commandUsage(command)}`);
    return 2;
  }
  if (parsed.help) {
    io.out(commandUsage(command));
    return 0;
  }
  return command.run(parsed.args, io);
}

/** `io` with every line passed through `forTerminal`: text from files cannot drive the terminal. */
export function safeIo(io: CliIo): CliIo {
  return { out: (line) => io.out(forTerminal(line)), err: (line) => io.err(forTerminal(line)) };
}
