import { describe, expect, it } from 'vitest';
import type { CliIo } from './cli-io';
import { commandUsage, parseCommandLine, runCommand, type CliCommand } from './command-line';
import { COMMANDS, main } from './parley';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) } satisfies CliIo, out, err };
}

const probe: CliCommand = {
  name: 'probe',
  summary: 'A command for testing the parser.',
  synopsis: ['INPUT [--store DIR] [--force]'],
  options: {
    store: { type: 'string', value: 'DIR', help: 'the store' },
    format: { type: 'string', value: 'FORMAT', help: 'the format' },
    tag: { type: 'string', value: 'TAG', multiple: true, help: 'a tag' },
    force: { type: 'boolean', help: 'replace' },
  },
  positionals: { min: 1, max: 1, name: 'INPUT' },
  run: () => Promise.resolve(0),
};

describe('parseCommandLine', () => {
  it('reads values in both spellings, repeated options, flags and positionals', () => {
    const parsed = parseCommandLine(probe, ['in.json', '--store=/s', '--format', 'brat', '--tag', 'a', '--tag=b', '--force']);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.args.positionals).toEqual(['in.json']);
    expect(parsed.args.text('store')).toBe('/s');
    expect(parsed.args.text('format')).toBe('brat');
    expect(parsed.args.list('tag')).toEqual(['a', 'b']);
    expect(parsed.args.flag('force')).toBe(true);
  });

  const refused: Array<[string[], RegExp]> = [
    [['in', '--fromat', 'doccano'], /^unknown option --fromat \(did you mean --format\?\)$/],
    [['in', '--stroe', 'x'], /^unknown option --stroe \(did you mean --store\?\)$/],
    [['in', '--zzz'], /^unknown option --zzz$/],
    [['in', '-x'], /^unknown option -x$/],
    [['in', '--store'], /^--store needs a value/],
    [['in', '--store', '--force'], /^--store needs a value/],
    [['in', '--store='], /^--store needs a value/],
    [['in', '--store', 'a', '--store', 'b'], /^--store is given more than once$/],
    [['in', '--force=yes'], /^--force takes no value$/],
    [[], /^name at least one INPUT$/],
    [['a', 'b'], /^expected one INPUT, got 2: a b$/],
  ];
  for (const [argv, message] of refused) {
    it(`refuses ${JSON.stringify(argv)}`, () => {
      const parsed = parseCommandLine(probe, argv);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(message);
    });
  }

  it('takes a value that starts with a dash when written with =', () => {
    const parsed = parseCommandLine(probe, ['in', '--store=-odd']);
    expect(parsed.ok && parsed.args.text('store')).toBe('-odd');
  });

  it('takes everything after -- as positionals', () => {
    const parsed = parseCommandLine(probe, ['--', '--not-an-option']);
    expect(parsed.ok && parsed.args.positionals).toEqual(['--not-an-option']);
  });
});

describe('runCommand', () => {
  it('prints the usage with the error and exits 2 on a usage error, without running the command', async () => {
    let ran = false;
    const c = capture();
    expect(await runCommand({ ...probe, run: () => ((ran = true), Promise.resolve(0)) }, ['in', '--fromat', 'x'], c.io)).toBe(2);
    expect(ran).toBe(false);
    expect(c.err.join('\n')).toMatch(/^parley probe: unknown option --fromat[^\n]*\n\nUsage: parley probe INPUT/);
  });
});

describe('every command', () => {
  for (const command of COMMANDS) {
    it(`${command.name}: every option is in its usage, and help COMMAND and COMMAND --help print it`, async () => {
      const usage = commandUsage(command);
      for (const [name, option] of Object.entries(command.options)) {
        expect(usage).toContain(`--${name}${option.type === 'string' ? ` ${option.value}` : ''}`);
      }
      expect(usage).toContain('-h, --help');
      const viaHelp = capture();
      expect(await main(['help', command.name], viaHelp.io)).toBe(0);
      const viaFlag = capture();
      expect(await main([command.name, '--help'], viaFlag.io)).toBe(0);
      expect(viaHelp.out).toEqual([usage]);
      expect(viaFlag.out).toEqual([usage]);
    });

    it(`${command.name}: a mistyped option is refused by name with the usage, exit 2`, async () => {
      const c = capture();
      expect(await main([command.name, 'x', '--no-such-option'], c.io)).toBe(2);
      expect(c.err.join('\n')).toContain(`parley ${command.name}: unknown option --no-such-option`);
      expect(c.err.join('\n')).toContain(`Usage: parley ${command.name}`);
    });
  }

  it('lists every command in the overview, and refuses help on an unknown one', async () => {
    const c = capture();
    expect(await main(['help'], c.io)).toBe(0);
    for (const command of COMMANDS) expect(c.out.join('\n')).toContain(`parley ${command.name} ${command.synopsis[0]}`);
    const unknown = capture();
    expect(await main(['help', 'frobnicate'], unknown.io)).toBe(2);
    expect(unknown.err[0]).toMatch(/unknown command "frobnicate"/);
  });
});
