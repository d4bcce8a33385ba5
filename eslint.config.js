// Lint: the recommended JavaScript and TypeScript rules, plus STYLE's clock rule — nothing under
// src/domain or src/api reads the process clock for business values (C-51: the request clock is
// passed down as an argument).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const CLOCK_READS = [
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Use the request clock (clock.now), not new Date() (C-51).' },
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Use the request clock (clock.now), not Date.now() (C-51).' },
]

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', 'scratch/', 'test-results/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
  },
  { files: ['src/domain/**/*.ts', 'src/api/**/*.ts', 'src/web/**/*.ts'], rules: { 'no-restricted-syntax': ['error', ...CLOCK_READS] } },
)
