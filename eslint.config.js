// Lint: typescript-eslint's recommended rules, React's rules of hooks, and the layer rule of
// docs/architecture.md (which folder of src/ may import which), enforced by eslint-plugin-boundaries.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Pure layers: no DOM, no app state; they may use each other.
const PURE = ['phrases', 'structure', 'document', 'corpus', 'templates', 'checks', 'archive'];
const LAYERS = [...PURE, 'storage', 'state', 'editor', 'files', 'ui'];

const allow = (from, to) => ({ from: { element: { type: from } }, allow: { to: { element: { type: to } } } });

export default tseslint.config(
  { ignores: ['dist/', 'dev-dist/', 'node_modules/', 'test-results/', 'public/', 'corpus/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // A leading `_` marks a name left unused on purpose (a skipped parameter, a field dropped by a rest
      // spread), as TypeScript's noUnusedLocals/noUnusedParameters already accept.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': [
        ...LAYERS.map((type) => ({ type, pattern: `src/${type}` })),
        // The entry files at src/'s top level. `mode: 'full'` is deprecated in 7.x, but its replacement
        // (`partialMatch: false`) leaves these files, and new folders, unclassified (checked with 7.2.0).
        { type: 'app', pattern: 'src/*.{ts,tsx}', mode: 'full' },
      ],
      'import/resolver': { typescript: { project: './tsconfig.json' } },
    },
    rules: {
      // Every file of src/ belongs to a layer (or is the app's entry), so none escapes the rule below.
      'boundaries/no-unknown-files': 'error',
      'boundaries/dependencies': ['error', {
        default: 'disallow',
        message: 'Layer rule (docs/architecture.md): {{from.element.types}}/ may not import {{to.element.types}}/',
        policies: [
          ...PURE.map((layer) => allow(layer, PURE)),
          allow('storage', PURE),
          allow('state', ['storage', ...PURE]),
          // The editor reports edits to the draft store and asks the phrase index through state/, never storage/.
          allow('editor', ['state', ...PURE]),
          allow('files', PURE),
          allow('ui', ['state', 'editor', 'files', ...PURE]),
          allow('app', ['app', 'ui', 'state', 'editor', 'files', ...PURE]),
        ],
      }],
    },
  },
);
