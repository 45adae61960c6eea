import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '../..');

interface BuilderConfig {
  asar: boolean;
  files: string[];
  linux: { target: string[] };
  mac: { target: string[] };
  win: { target: string[] };
  electronFuses: Record<string, boolean>;
}

async function builderConfig(): Promise<BuilderConfig> {
  return parse(await readFile(path.join(root, 'electron-builder.yml'), 'utf8'));
}

describe('electron-builder.yml', () => {
  it('is valid against electron-builder\'s own configuration schema', async () => {
    const schema = JSON.parse(await readFile(path.join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    const config = await builderConfig();
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
    // The same validator refuses a misspelt option, so the check above has teeth.
    expect(validate({ ...config, linx: {} })).toBe(false);
  });

  it('builds Linux AppImage and deb, a macOS dmg and a Windows installer', async () => {
    const config = await builderConfig();
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.mac.target).toContain('dmg');
    expect(config.win.target).toContain('nsis');
    expect(config.files).toContain('out/**/*');
  });

  it('flips the Electron fuses that close Node-level back doors', async () => {
    const fuses = (await builderConfig()).electronFuses;
    expect(fuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
    expect((await builderConfig()).asar).toBe(true);
  });
});
