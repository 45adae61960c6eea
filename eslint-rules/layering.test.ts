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

  it('keeps the plain-Node layer free of Electron and of the app and the command line', async () => {
    expect(await layeringErrors('electron/node/x.ts', "import { app } from 'electron';\nexport const b = app;")).toEqual(['node code may not import "electron"']);
    expect(await layeringErrors('electron/node/store/x.ts', "import { app } from 'electron/main';\nexport const b = app;")).toHaveLength(1);
    expect(await layeringErrors('electron/node/x.ts', "import { a } from '../main/dialogs';\nexport const b = a;")).toEqual(['node code may not import from main (../main/dialogs)']);
    expect(await layeringErrors('electron/node/x.ts', "import { a } from '../cli/parley';\nexport const b = a;")).toEqual(['node code may not import from cli (../cli/parley)']);
    expect(await layeringErrors('electron/node/import/x.ts', "import { a } from '../store/parley-store';\nimport { c } from '../../../annotations/model';\nimport { d } from '../../../shared/api';\nimport fs from 'node:fs';\nexport const b = [a, c, d, fs];")).toEqual([]);
  });

  it('lets the command line use the plain-Node layer but never the app', async () => {
    expect(await layeringErrors('electron/cli/x.ts', "import { createHandlers } from '../main/handlers/create-handlers';\nexport const b = createHandlers;")).toEqual([
      'cli code may not import from main (../main/handlers/create-handlers)',
    ]);
    expect(await layeringErrors('electron/cli/x.ts', "import { dialog } from 'electron';\nexport const b = dialog;")).toHaveLength(1);
    expect(await layeringErrors('electron/cli/x.ts', "import { openAppStore } from '../node/open-app-store';\nexport const b = openAppStore;")).toEqual([]);
  });

  it('lets the app use the plain-Node layer but never the command line', async () => {
    expect(await layeringErrors('electron/main/x.ts', "import { openAppStore } from '../node/open-app-store';\nimport { app } from 'electron';\nexport const b = [openAppStore, app];")).toEqual([]);
    expect(await layeringErrors('electron/main/handlers/x.ts', "import { main } from '../../cli/parley';\nexport const b = main;")).toEqual(['main code may not import from cli (../../cli/parley)']);
  });
});
