// Typed lint rules (typescript-eslint "recommendedTypeChecked"): floating promises, unsafe any, etc.
// Plus the architecture (README "Architecture"): no import cycles, and imports only go down the stage order.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import { importX } from 'eslint-plugin-import-x'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import { importSettings, stageRules } from './eslint.stages.js'

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'demo/', 'bench/out/', '**/*.mjs', '**/*.cjs', 'eslint.config.js', 'eslint.stages.js', 'eslint.stages.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
    },
  },
  {
    // A cycle makes load order decide which binding is undefined; an upward import makes a lower stage
    // depend on a later one, so the stages can no longer be read, tested or replaced one at a time.
    files: ['src/**/*.ts', 'cli/**/*.ts', 'viz/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: importSettings(import.meta.dirname, createTypeScriptImportResolver),
    rules: stageRules(import.meta.dirname),
  },
  {
    files: ['test/**', 'bench/**', 'scripts/**'],
    rules: { 'no-console': 'off' },
  },
)
