// Lint rules for the whole tree: `eslint --config .config/eslint.config.js .`
// Besides the usual recommended sets, this enforces DESIGN rule 1 (who may import what) and
// keeps money away from floats (rule 3).
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinRules } from 'eslint/use-at-your-own-risk';
import tseslint from 'typescript-eslint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------------------------------------
// Import boundaries. Each area lists what it must not import: packages (`electron`, `react`),
// Node's built-ins (`node:*` or bare `fs`, `path`…), or folders of this repository reached by a
// relative path (resolved against the importing file, so `../../electron/desk/x` is caught).

const NODE_BUILTINS = new Set(builtinModules.filter((name) => !name.startsWith('_')));

/** @param {string} specifier */
const isNodeBuiltin = (specifier) =>
  specifier.startsWith('node:') || NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(specifier.split('/')[0] ?? '');

/** @param {string} specifier @param {string} name */
const isPackage = (specifier, name) => specifier === name || specifier.startsWith(`${name}/`);

/** @param {string} specifier @param {string} importer @param {string} folder */
const isInFolder = (specifier, importer, folder) => {
  if (!specifier.startsWith('.')) return false;
  const target = path.relative(root, path.resolve(path.dirname(importer), specifier)).split(path.sep).join('/');
  return target === folder || target.startsWith(`${folder}/`);
};

/**
 * @typedef {{ package: string, why: string } | { builtins: true, why: string } | { folder: string, why: string }} Forbidden
 */

/** @type {import('eslint').Rule.RuleModule} */
const importBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the import boundaries between shared/, renderer/ and electron/ (DESIGN rule 1).' },
    schema: [{ type: 'array', items: { type: 'object' } }],
    messages: { forbidden: "'{{specifier}}' may not be imported here: {{why}}" },
  },
  create(context) {
    /** @type {Forbidden[]} */
    const forbidden = context.options[0] ?? [];
    const importer = context.filename;

    /** @param {import('estree').Node} node @param {unknown} source */
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      const rule = forbidden.find((f) =>
        'package' in f ? isPackage(source, f.package) : 'builtins' in f ? isNodeBuiltin(source) : isInFolder(source, importer, f.folder),
      );
      if (rule) context.report({ node, messageId: 'forbidden', data: { specifier: source, why: rule.why } });
    };
    /** @param {any} node */
    const fromSource = (node) => {
      if (node.source) check(node.source, node.source.value);
    };

    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      /** @param {any} node */
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source.value : undefined),
      /** @param {any} node */
      CallExpression(node) {
        const [first] = node.arguments;
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && first?.type === 'Literal') check(node, first.value);
      },
      /** @param {any} node */
      TSImportEqualsDeclaration(node) {
        if (node.moduleReference.type === 'TSExternalModuleReference') check(node, node.moduleReference.expression.value);
      },
      /** @param {any} node */
      TSImportType(node) {
        check(node, node.argument?.literal?.value);
      },
    };
  },
};

const WHY = {
  sharedPure: 'shared/ is pure and runs in the renderer and in Node alike (no Electron, Node or React)',
  sharedLayer: 'shared/ sits below electron/ and renderer/ and never reaches up into them',
  rendererSandbox: 'the renderer runs sandboxed in Chromium: no Node, no Electron; it talks to main only through window.desk',
  deskPlainNode: 'electron/desk runs in plain Node (and is tested there): Electron belongs in electron/main and electron/preload only',
  deskNoScreen: 'electron/desk never depends on the screen (renderer/) or on the Electron shell (electron/main, electron/preload)',
  mainNoScreen: 'the shell loads the built renderer; it never imports renderer source',
  electronOnlyInShell: 'only electron/main and electron/preload import Electron',
};

/** @type {Record<string, Forbidden>} */
const NO = {
  electron: { package: 'electron', why: '' },
  builtins: { builtins: true, why: '' },
  react: { package: 'react', why: '' },
  reactDom: { package: 'react-dom', why: '' },
  electronFolder: { folder: 'electron', why: '' },
  rendererFolder: { folder: 'renderer', why: '' },
  mainFolder: { folder: 'electron/main', why: '' },
  preloadFolder: { folder: 'electron/preload', why: '' },
};
/** @param {Forbidden} forbidden @param {string} why @returns {Forbidden} */
const because = (forbidden, why) => ({ ...forbidden, why });

const TESTS = ['**/*.test.ts', '**/*.test.tsx'];
const CODE = ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs', '**/*.cjs'];

/**
 * One config object per area. Each file falls in exactly one area (options of the same rule do
 * not merge across objects), hence the ignores. Tests may read fixtures with Node built-ins.
 * @param {string} name @param {string[]} files @param {string[]} ignores @param {Forbidden[]} forbidden
 */
const area = (name, files, ignores, forbidden) => ({
  name: `desk/boundaries/${name}`,
  files,
  ignores,
  rules: { 'desk/import-boundaries': ['error', forbidden] },
});

const sharedCommon = [
  because(NO.electron, WHY.sharedPure),
  because(NO.react, WHY.sharedPure),
  because(NO.reactDom, WHY.sharedPure),
  because(NO.electronFolder, WHY.sharedLayer),
  because(NO.rendererFolder, WHY.sharedLayer),
];
const rendererCommon = [because(NO.electron, WHY.rendererSandbox), because(NO.electronFolder, WHY.rendererSandbox)];
// Build tool configs beside the renderer (vite.config.ts) run in Node, not in the page.
const rendererNodeSide = ['renderer/*.config.ts', 'renderer/*.config.js', 'renderer/*.config.mjs'];

const boundaries = [
  area('shared', ['shared/**'], TESTS, [...sharedCommon, because(NO.builtins, WHY.sharedPure)]),
  area('shared-tests', TESTS.map((t) => `shared/${t}`), [], sharedCommon),
  area('renderer', ['renderer/**'], [...TESTS, ...rendererNodeSide], [...rendererCommon, because(NO.builtins, WHY.rendererSandbox)]),
  area('renderer-tests', TESTS.map((t) => `renderer/${t}`), [], rendererCommon),
  area('electron-desk', ['electron/desk/**'], [], [
    because(NO.electron, WHY.deskPlainNode),
    because(NO.rendererFolder, WHY.deskNoScreen),
    because(NO.mainFolder, WHY.deskNoScreen),
    because(NO.preloadFolder, WHY.deskNoScreen),
  ]),
  area('electron-shell', ['electron/main/**', 'electron/preload/**'], [], [because(NO.rendererFolder, WHY.mainNoScreen)]),
  area('electron-other', ['electron/**'], ['electron/main/**', 'electron/preload/**', 'electron/desk/**'], [
    because(NO.electron, WHY.electronOnlyInShell),
    because(NO.rendererFolder, WHY.deskNoScreen),
  ]),
];

// ---------------------------------------------------------------------------------------------
// Money never touches a float (DESIGN rule 3). The money module may format a Decimal with
// Decimal#toFixed; everything else formats money through it.

const FLOAT_MESSAGE = 'Money must never touch a float: parse and format amounts with decimal.js through shared/domain/money.';
const floats = {
  name: 'desk/no-floats',
  files: CODE,
  ignores: [...TESTS, 'test/**', 'shared/domain/money.ts', 'shared/domain/money/**'],
  rules: {
    'no-restricted-globals': ['error', { name: 'parseFloat', message: FLOAT_MESSAGE }],
    'no-restricted-properties': [
      'error',
      { object: 'Number', property: 'parseFloat', message: FLOAT_MESSAGE },
      { object: 'globalThis', property: 'parseFloat', message: FLOAT_MESSAGE },
      { object: 'window', property: 'parseFloat', message: FLOAT_MESSAGE },
      { property: 'toFixed', message: `${FLOAT_MESSAGE} (toFixed rounds a binary float)` },
    ],
  },
};

// ---------------------------------------------------------------------------------------------

const eslintRecommended = Object.fromEntries(
  [...builtinRules].filter(([, rule]) => rule.meta?.docs?.recommended === true).map(([name]) => [name, 'error']),
);
// Node scripts (.mjs/.cjs/.js) see Node's globals; these are exactly the ones of the Node running lint.
const nodeGlobals = Object.fromEntries(Object.getOwnPropertyNames(globalThis).map((name) => [name, 'readonly']));

export default [
  {
    name: 'desk/ignores',
    ignores: ['**/node_modules/**', '**/dist/**', 'release/**', 'test/output/**', 'coverage/**', '**/*.d.ts'],
  },
  { name: 'eslint/recommended', files: CODE, rules: eslintRecommended },
  {
    name: 'desk/node-scripts',
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...nodeGlobals, require: 'readonly', module: 'writable', __dirname: 'readonly', __filename: 'readonly' } },
  },
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: config.files ?? ['**/*.ts', '**/*.tsx'] })),
  {
    name: 'desk/typescript',
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  { name: 'desk/plugin', plugins: { desk: { rules: { 'import-boundaries': importBoundaries } } } },
  ...boundaries,
  floats,
  // Patterns are relative to the project root wherever eslint is started from.
].map((config) => ({ basePath: root, ...config }));
