// Lint rules that keep DESIGN §6's import directions:
//   renderer → only the contract (preload/api.ts) and its own code; never main/, db/ or Node built-ins;
//   services → never electron (only main/electron imports it);
//   db → nothing above it (no main/, renderer/).
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  { ignores: ['dist/**', '.tsbuild/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/e2e/artifacts/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Unit tests of the renderer's pure helpers obey the renderer's rules.
    files: ['renderer/**/*.{ts,tsx}', 'tests/unit/renderer/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeBuiltins, 'electron', 'better-sqlite3', 'kysely'].map((name) => ({
            name,
            message: '渲染进程只通过 API 客户端访问后端，不得引入 Node 内置模块、electron 或数据库。',
          })),
          patterns: [
            { group: ['**/main/**', '**/db/**', '../../main', '../../db'], message: '渲染进程不得引入 main/ 或 db/：请通过 preload/api.ts 的接口。' },
            { group: ['**/preload/index*'], message: '渲染进程只可引入契约 preload/api.ts。' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts', 'db/**/*.ts', 'tests/unit/**/*.ts', 'tests/bench/**/*.ts'],
    ignores: ['main/electron/**', 'tests/unit/electron/**', 'tests/unit/renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: '只有 main/electron 可以引入 electron（服务层与命令行必须在纯 Node 中运行）。' }],
          patterns: [{ group: ['**/renderer/**'], message: '后端不得引入渲染进程代码。' }],
        },
      ],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'db/ 不得引入 electron。' }],
          patterns: [{ group: ['**/main/**', '**/renderer/**'], message: 'db/ 处于最底层，不得引入 main/ 或 renderer/。' }],
        },
      ],
    },
  },
);
