/** The lint rules that keep DESIGN §6's import directions really refuse the wrong imports. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import directions', () => {
  it('the renderer cannot import Node built-ins, electron, the database or main/', async () => {
    for (const line of [
      "import { readFileSync } from 'node:fs';",
      "import path from 'path';",
      "import { ipcRenderer } from 'electron';",
      "import Database from 'better-sqlite3';",
      "import { openApp } from '../../main/runtime.js';",
      "import { createDb } from '../../db/connection.js';",
    ]) {
      expect(await restrictedImports('renderer/src/orders/Probe.tsx', line), line).not.toEqual([]);
    }
    expect(await restrictedImports('renderer/src/orders/Probe.tsx', "import { api } from '../../../preload/api.js';")).toEqual([]);
  });

  it('services and the CLI cannot import electron; main/electron can', async () => {
    const line = "import { app } from 'electron';";
    expect(await restrictedImports('main/services/orders/Probe.ts', line)).not.toEqual([]);
    expect(await restrictedImports('main/cli/commands/probe.ts', line)).not.toEqual([]);
    expect(await restrictedImports('main/electron/probe.ts', line)).toEqual([]);
  });

  it('db/ imports nothing above it', async () => {
    expect(await restrictedImports('db/probe.ts', "import { openApp } from '../main/runtime.js';")).not.toEqual([]);
    expect(await restrictedImports('db/probe.ts', "import { App } from '../renderer/src/app/App.js';")).not.toEqual([]);
  });
});
