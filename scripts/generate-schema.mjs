// Writes docs/formats/parley-json.schema.json from the zod schema of a Parley JSON file
// (annotations/formats/parley-json-schema.ts). Run with `npm run schema`; a test fails when the file is stale.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const bundled = await build({
  entryPoints: [path.join(root, 'annotations/formats/parley-json-schema.ts')],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  write: false,
  logLevel: 'error',
});
const module = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);
const out = path.join(root, 'docs/formats/parley-json.schema.json');
writeFileSync(out, `${JSON.stringify(module.parleyJsonSchemaDocument(), null, 2)}\n`);
console.log(`wrote ${path.relative(root, out)}`);
