#!/usr/bin/env node
// `npx parley …`: the command line on Parley's engine and store. Runs the built CLI.
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'out', 'main', 'cli.js');
if (!fs.existsSync(cli)) {
  console.error('parley: the command line is not built yet. Run `npm run build` in the Parley folder first.');
  process.exit(2);
}
require(cli).runFromProcess();
