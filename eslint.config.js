// @ts-check
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import tseslint from 'typescript-eslint';

/**
 * Lint is part of `npm test`. Source is linted strict and type-checked; the layer rules keep
 * imports pointing one way: entry points (functions/) → endpoint services (endpoints/, rollup/)
 * → domain / store / problems; the domain imports no I/O, clock or adapter.
 */
const SRC = 'functions/src';
const domainForbidden = [`${SRC}/endpoints`, `${SRC}/functions`, `${SRC}/http`, `${SRC}/identity`, `${SRC}/store`, `${SRC}/rollup`, `${SRC}/bloc-config`, `${SRC}/summary-writers`, `${SRC}/deps.ts`, `${SRC}/logs.ts`, `${SRC}/params.ts`, `${SRC}/index.ts`, 'local', 'sheets-addon', 'test', 'bench', 'scripts'];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/lib/**', '**/dist/**', 'out/**', '.data/**', 'sheets-addon/src/sidebar/**', 'bench/results.*'] },
  {
    files: ['functions/src/**/*.ts', 'sheets-addon/src/**/*.ts', 'local/src/**/*.ts'],
    extends: [...tseslint.configs.strictTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['tsconfig.json'] })] },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: `${SRC}/domain`, from: domainForbidden, message: 'the domain is pure: no I/O, adapters or services' },
            { target: `${SRC}/store`, from: [`${SRC}/endpoints`, `${SRC}/functions`, `${SRC}/http`, `${SRC}/rollup`, `${SRC}/bloc-config`], message: 'the store sits below the services' },
            { target: `${SRC}/identity`, from: [`${SRC}/endpoints`, `${SRC}/functions`, `${SRC}/http`, `${SRC}/store`, `${SRC}/rollup`], message: 'identity only verifies tokens' },
            { target: `${SRC}/http`, from: [`${SRC}/endpoints`, `${SRC}/functions`, `${SRC}/rollup`], message: 'the HTTP adapter does not know the services' },
            { target: [`${SRC}/endpoints`, `${SRC}/rollup`, `${SRC}/bloc-config`], from: [`${SRC}/functions`, `${SRC}/index.ts`], message: 'services never import entry points' },
            { target: `${SRC}/rollup`, from: [`${SRC}/endpoints`], message: 'the rollup job is below the endpoints' },
            { target: SRC, from: ['local', 'test', 'bench', 'scripts', 'sheets-addon'], message: 'deployed code never imports local tooling, tests or the add-on' },
            { target: 'sheets-addon/src', from: ['functions/src'], except: ['./domain'], message: 'the add-on reaches the shared domain only (through sheets-addon/src/domain.ts)' },
          ],
        },
      ],
    },
  },
  {
    files: [`${SRC}/domain/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^node:', message: 'the domain is shared with the Apps Script bundle: no Node built-ins' },
            { regex: '^(@google-cloud|@googleapis|firebase-|firebase$|jose|exceljs|yaml)', message: 'the domain imports no I/O or adapter library' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'the domain has no clock: take “now” as an argument' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'the domain has no clock: take “now” as an argument' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'the domain is deterministic: take ids or seeds as arguments' },
      ],
    },
  },
);
