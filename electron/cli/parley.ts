/**
 * `parley`: the command line. Same engine and same store as the app, so
 * batches can be imported, exported, converted, validated and compared
 * without the window. Every command is one entry of `COMMANDS`: its options,
 * usage and run function are declared together (see `command-line.ts`).
 */
import { agreeCommand } from './agree';
import { convertCommand } from './convert';
import { exportCommand } from './export-command';
import { importCommand } from './import-command';
import { statementsCommand } from './statements-command';
import { suggestCommand } from './suggest-command';
import { syncCommand } from './sync-command';
import { unlockCommand } from './unlock-command';
import { validateCommand } from './validate';
import { workspaceCommand } from './workspace-command';
import type { CliIo } from './cli-io';
import { commandUsage, runCommand, safeIo, type CliCommand } from './command-line';
import { formatsUsage } from '../../annotations/formats/format-table';

/** Every command, in the order `parley help` lists them. Add a command by adding its `CliCommand` here. */
export const COMMANDS: readonly CliCommand[] = [importCommand, exportCommand, convertCommand, validateCommand, agreeCommand, statementsCommand, suggestCommand, unlockCommand, workspaceCommand, syncCommand];

/** The overview `parley help` prints, generated from the command table. */
export function overallUsage(): string {
  const lines = ['Usage: parley <command> [options]', '', 'Commands:'];
  for (const command of COMMANDS) {
    lines.push(`  ${command.name.padEnd(9)} ${command.summary}`);
    for (const form of command.synopsis) lines.push(`            parley ${command.name} ${form}`);
  }
  lines.push(
    '',
    ...formatsUsage(),
    "The store is the app's own unless --store DIR or PARLEY_STORE points elsewhere.",
    "'parley help COMMAND' or 'parley COMMAND --help' prints every option of a command.",
  );
  return lines.join('\n');
}

/** Runs one command line; resolves with the exit code. */
export async function main(argv: string[], terminal: CliIo): Promise<number> {
  const io = safeIo(terminal);
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    if (topic !== undefined) {
      const command = COMMANDS.find((c) => c.name === topic);
      if (!command) {
        io.err(`parley help: unknown command "${topic}"\n\n${overallUsage()}`);
        return 2;
      }
      io.out(commandUsage(command));
      return 0;
    }
    if (name) io.out(overallUsage());
    else io.err(overallUsage());
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`parley: unknown command "${name}"\n\n${overallUsage()}`);
    return 2;
  }
  return runCommand(command, rest, io);
}

/** Runs the process's own command line with its standard streams; used by bin/parley.js. */
export function runFromProcess(): void {
  main(process.argv.slice(2), { out: (s) => process.stdout.write(`${s}\n`), err: (s) => process.stderr.write(`${s}\n`) })
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error: unknown) => {
      process.stderr.write(`parley: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    });
}
