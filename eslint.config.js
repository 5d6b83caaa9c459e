import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The layers of functions/, inside out (docs/architecture.md, "Layers"). A file may import its own
 * layer and the layers below it, never one above; adapters are imported only by the outer ring.
 * The use cases are layered among themselves too, in this order, so they cannot import in a circle.
 * Each entry: the files of the layer, and how an import of it is written (a folder or a file name).
 */
const USE_CASES = ['stores', 'timers', 'webhooks', 'payments', 'cash-receipts', 'billing', 'schedules', 'probe', 'identity-verification', 'faults', 'checkout', 'console'];
const LAYERS = [
  { name: 'domain', files: ['functions/domain/**'], imports: ['**/domain/**'] },
  { name: 'ports', files: ['functions/ports/**', 'functions/services.ts'], imports: ['**/ports/**', '**/services.ts'] },
  { name: 'logger', files: ['functions/logger.ts'], imports: ['**/logger.ts'] },
  ...USE_CASES.map((name) => ({ name, files: [`functions/${name}/**`], imports: [`**/${name}/**`] })),
  { name: 'http', files: ['functions/http/**'], imports: ['**/http/**'] },
  {
    name: 'the outer ring (handlers/, local/, wiring.ts, config.ts)',
    files: ['functions/handlers/**', 'functions/local/**', 'functions/wiring.ts', 'functions/config.ts'],
    imports: ['**/handlers/**', '**/local/**', '**/wiring.ts', '**/config.ts', '**/infra/**'],
  },
];
const ADAPTERS = { files: ['functions/adapters/**'], imports: ['**/adapters/**'] };
const WHY = 'see docs/architecture.md, "Layers"';

/** What a file of layer `index` may not import: every layer above it, and the adapters. */
function boundary(index) {
  const layer = LAYERS[index];
  const above = LAYERS.slice(index + 1).map((up) => ({ group: up.imports, message: `${layer.name} may not import ${up.name}, a layer above it (${WHY}).` }));
  const adapters = { group: ADAPTERS.imports, message: `Only handlers/, local/ and wiring.ts may import an adapter; depend on a port instead (${WHY}).` };
  // domain/ is pure: nothing outside it, not even a package (node: built-ins aside).
  const packages =
    layer.name === 'domain' ? [{ regex: '^(?!\\.|node:)', message: `domain/ imports nothing outside domain/, packages included (${WHY}).` }] : [];
  return {
    files: layer.files,
    rules: { 'no-restricted-imports': ['error', { patterns: [...above, ...(index < LAYERS.length - 1 ? [adapters] : []), ...packages] }] },
  };
}

/** Adapters implement ports: they see domain/ and ports/ only. */
const adapterBoundary = {
  files: ADAPTERS.files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: LAYERS.filter((l) => l.name !== 'domain' && l.name !== 'ports').map((l) => ({
          group: l.imports,
          message: `adapters/ implement ports and import only domain/ and ports/, not ${l.name} (${WHY}).`,
        })).concat([{ group: ['**/services.ts'], message: `adapters/ implement ports and import only domain/ and ports/ (${WHY}).` }]),
      },
    ],
  },
};

/**
 * The npm package's library side (pg-sandbox/testing, pg-sandbox/client) runs in the user's test
 * process: it talks to the sandbox over HTTP and by running its CLI, never by importing its code.
 */
const librarySide = {
  files: ['functions/client/**', 'functions/testing/**'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: [...LAYERS.flatMap((l) => l.imports), ...ADAPTERS.imports],
            message: 'functions/client/ and functions/testing/ ship to users: they reach the sandbox over HTTP or its CLI, not by importing it (docs/testing.md).',
          },
        ],
      },
    ],
  },
};

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', '.data/', 'test-artifacts/', '.vitest-cache/', 'dist/'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // tsc (noUnusedLocals) already reports these, with the same meaning.
      '@typescript-eslint/no-unused-vars': 'off',
      // Validators name control characters on purpose, to refuse them.
      'no-control-regex': 'off',
      // `let x; … x = make(() => x)`: a variable a closure reads before its one assignment.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  // npm start's launcher and what it runs before tsx loads (functions/local/*.mjs) are plain JavaScript for node.
  { files: ['**/*.mjs'], languageOptions: { globals: { process: 'readonly', console: 'readonly' } } },
  ...LAYERS.map((_, index) => boundary(index)),
  adapterBoundary,
  librarySide,
);
