import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
const eslint = new ESLint({ cwd: root });

async function layeringErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'parley/layering').map((m) => m.message);
}

describe('layering lint rule', () => {
  it('keeps the engine free of our other layers and of runtime modules', async () => {
    expect(await layeringErrors('annotations/x.ts', "import { a } from '../shared/api';\nexport const b = a;")).toEqual([
      'engine code may not import from shared (../shared/api)',
    ]);
    expect(await layeringErrors('annotations/formats/x.ts', "import fs from 'node:fs';\nexport const b = fs;")).toHaveLength(1);
    expect(await layeringErrors('annotations/formats/x.ts', "import { a } from '../model';\nexport const b = a;")).toEqual([]);
  });

  it('keeps the renderer away from the main process', async () => {
    expect(await layeringErrors('renderer/src/x.ts', "import { a } from '../../electron/main/window-options';\nexport const b = a;")).toHaveLength(1);
    expect(await layeringErrors('renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const b = ipcRenderer;")).toHaveLength(1);
    expect(await layeringErrors('renderer/src/x.ts', "import { a } from '../../shared/api';\nexport const b = a;")).toEqual([]);
  });

  it('lets the preload import only shared code', async () => {
    expect(await layeringErrors('electron/preload/x.ts', "import { a } from '../../annotations/model';\nexport const b = a;")).toHaveLength(1);
    expect(await layeringErrors('electron/preload/x.ts', "import { a } from '../main/window-options';\nexport const b = a;")).toHaveLength(1);
    expect(await layeringErrors('electron/preload/x.ts', "import { a } from '../../shared/api-client';\nexport const b = a;")).toEqual([]);
  });
});
