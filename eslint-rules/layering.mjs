/**
 * Enforces Parley's layers (see README "Layout"): which of our folders, and
 * which runtime modules, each folder may import. Resolves every relative
 * import against the importing file, so `../../shared/x` is seen for what it is.
 */
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Layer of a file, by folder. More specific prefixes first. */
const LAYERS = [
  ['electron/preload/', 'preload'],
  ['electron/node/', 'node'],
  ['electron/main/', 'main'],
  ['electron/cli/', 'cli'],
  ['annotations/', 'engine'],
  ['shared/', 'shared'],
  ['renderer/', 'renderer'],
];

/** For each layer: the layers it may import, and bare modules it may not. */
const RULES = {
  engine: { may: ['engine'], banned: [/^electron$/, /^react(-dom)?(\/|$)/, /^lowdb(\/|$)/, /^@codemirror\//, /^node:/, /^(fs|path|os|crypto|child_process)$/] },
  shared: { may: ['engine', 'shared'], banned: [/^electron$/, /^react(-dom)?(\/|$)/, /^lowdb(\/|$)/, /^@codemirror\//, /^node:/, /^(fs|path|os)$/] },
  preload: { may: ['shared'], banned: [/^node:/, /^(fs|path|os|child_process)$/] },
  // Code that needs only Node, shared by the app and the command line: never Electron.
  node: { may: ['engine', 'shared', 'node'], banned: [/^electron(\/|$)/, /^react(-dom)?(\/|$)/, /^@codemirror\//] },
  main: { may: ['engine', 'shared', 'node', 'main'], banned: [/^react(-dom)?(\/|$)/, /^@codemirror\//] },
  // The `parley` command line runs without Electron: it reuses the node layer, never the app's main process.
  cli: { may: ['engine', 'shared', 'node', 'cli'], banned: [/^electron(\/|$)/, /^react(-dom)?(\/|$)/, /^@codemirror\//] },
  renderer: { may: ['engine', 'shared', 'renderer'], banned: [/^electron$/, /^node:/, /^(fs|path|os|child_process)$/, /^lowdb(\/|$)/] },
};

function layerOf(file) {
  const rel = path.relative(ROOT, file).split(path.sep).join('/');
  const hit = LAYERS.find(([prefix]) => rel.startsWith(prefix));
  return hit ? hit[1] : null;
}

export default {
  rules: {
    layering: {
      meta: { type: 'problem', docs: { description: 'keep imports within the allowed layers' }, schema: [] },
      create(context) {
        const file = context.filename;
        if (/\.test\.tsx?$/.test(file) || file.includes('/test-support/')) return {};
        const from = layerOf(file);
        if (!from) return {};
        const rule = RULES[from];
        const check = (node, source) => {
          if (typeof source !== 'string') return;
          if (source.startsWith('.')) {
            const to = layerOf(path.resolve(path.dirname(file), source));
            if (to && !rule.may.includes(to)) context.report({ node, message: `${from} code may not import from ${to} (${source})` });
          } else if (rule.banned.some((re) => re.test(source))) {
            context.report({ node, message: `${from} code may not import "${source}"` });
          }
        };
        return {
          ImportDeclaration: (node) => check(node, node.source.value),
          ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
          ExportAllDeclaration: (node) => check(node, node.source.value),
          ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
        };
      },
    },
  },
};
