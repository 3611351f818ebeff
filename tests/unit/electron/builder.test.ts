/**
 * electron-builder cannot package on this machine (no Electron binary, no network), so the
 * packaging config is checked statically: what ships, what is unpacked, what is turned off.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { APP_ID, appLayout } from '../../../main/electron/paths.js';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');

interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { output: string; buildResources: string };
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  publish: unknown;
  electronFuses: Record<string, boolean>;
  win: { target: Array<{ target: string; arch: string[] }>; icon: string };
  nsis: Record<string, unknown>;
  linux: { target: string[]; category: string; icon: string; maintainer: string };
  [key: string]: unknown;
}

let config: BuilderConfig;
beforeAll(() => {
  config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
});

/** Minimal glob → RegExp for electron-builder's file patterns: **, *, ?, {a,b}. */
function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const end = glob.indexOf('}', i);
      re += `(?:${glob
        .slice(i + 1, end)
        .split(',')
        .map((s) => s.replace(/[.+^$()|[\]\\]/g, '\\$&'))
        .join('|')})`;
      i = end;
    } else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Whether `path` ships, reading the patterns in order as electron-builder does (later wins). */
function ships(patterns: string[], path: string): boolean {
  let included = false;
  for (const p of patterns) {
    const negated = p.startsWith('!');
    if (globToRegExp(negated ? p.slice(1) : p).test(path)) included = !negated;
  }
  return included;
}

/** Whether a negated pattern removes `path` (production node_modules ship unless removed). */
function excludedBy(patterns: string[], path: string): boolean {
  return patterns.some((p) => p.startsWith('!') && globToRegExp(p.slice(1)).test(path));
}

/** The .ts files under `dir` (relative to the project root). */
function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name));
}

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own schema (a misspelt option fails the check)", async () => {
    await expect(validateConfiguration(structuredClone(config) as never, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...structuredClone(config), nsis: { ...config.nsis, perMachin: true } } as never, new DebugLogger(false))).rejects.toThrow(/configuration/);
  });

  it('names the app', () => {
    expect(config.appId).toBe('cn.gov.jiesu.desk');
    // The installer's shortcuts carry appId as AppUserModelID; the running app sets the same one.
    expect(APP_ID).toBe(config.appId);
    expect(config.productName).toBe('接诉台');
    expect(config.directories.output).toBe('release');
  });

  it('ships the main process, the preload bundle, the renderer and package.json', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string };
    const layout = appLayout(ROOT);
    const rel = (p: string) => relative(ROOT, p).split('\\').join('/');
    for (const path of [
      pkg.main,
      'package.json',
      'dist/main/runtime.js',
      'dist/db/connection.js',
      'dist/preload/api.js',
      rel(layout.preloadPath),
      `${rel(layout.rendererDir)}/index.html`,
      `${rel(layout.rendererDir)}/assets/index-abc123.js`,
    ]) {
      expect(ships(config.files, path), path).toBe(true);
    }
  });

  it('leaves out source maps, type declarations and anything outside dist/', () => {
    for (const path of [
      'dist/main/electron/main.js.map',
      'dist/main/runtime.d.ts',
      'dist/preload/index.js',
      'dist/tests/unit/x.test.js',
      'dist/tests/e2e/backup.spec.js',
      'main/electron/main.ts',
      'tests/unit/electron/builder.test.ts',
      'tsconfig.json',
      'README.md',
      'electron-builder.yml',
    ]) {
      expect(ships(config.files, path), path).toBe(false);
    }
    // better-sqlite3's C sources are for compiling, not for running.
    for (const path of ['node_modules/better-sqlite3/deps/sqlite3/sqlite3.c', 'node_modules/better-sqlite3/src/better_sqlite3.cpp', 'node_modules/better-sqlite3/build/Release/test_extension.node']) {
      expect(excludedBy(config.files, path), path).toBe(true);
    }
    for (const path of ['node_modules/better-sqlite3/lib/database.js', 'node_modules/better-sqlite3/build/Release/better_sqlite3.node']) {
      expect(excludedBy(config.files, path), path).toBe(false);
    }
  });

  it('every worker thread can start in the installed app: a shipped file inside the asar, or an eval worker', () => {
    // Electron ≥ 17 gives worker threads asar support (electron/electron#33216); ESM from app.asar needs ≥ 28.
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(Number(/\d+/.exec(pkg.devDependencies['electron'] ?? '')?.[0])).toBeGreaterThanOrEqual(28);
    const workers: string[] = [];
    for (const file of sources('main')) {
      const text = readFileSync(file, 'utf8');
      const rel = relative(ROOT, file).split('\\').join('/');
      for (const m of text.matchAll(/new Worker\(\s*([A-Za-z_$][\w$]*)/g)) {
        const arg = m[1]!;
        workers.push(rel);
        const url = new RegExp(`const ${arg} = new URL\\('([^']+)', import\\.meta\\.url\\)`).exec(text);
        if (url) {
          // A worker file next to its module: the compiled file must ship, and not be unpacked
          // (alone outside the asar, its own imports would not resolve).
          const shipped = join('dist', relative(ROOT, join(file, '..', url[1]!))).split('\\').join('/');
          expect(ships(config.files, shipped), shipped).toBe(true);
          expect(config.asarUnpack.some((p) => globToRegExp(p).test(shipped)), shipped).toBe(false);
          expect(existsSync(join(ROOT, shipped.replace(/^dist\//, '').replace(/\.js$/, '.ts'))), shipped).toBe(true);
        } else {
          // Otherwise it must be an eval worker that loads the native addon from outside the asar.
          expect(text, `${rel}: new Worker(${arg}) is neither a file URL nor an eval worker`).toMatch(/eval: true/);
          expect(text).toMatch(/app\.asar\.unpacked/);
        }
      }
    }
    expect(workers.sort()).toEqual(['main/services/backup/checkWorker.ts', 'main/services/import/jobs.ts']);
  });

  it('needs no network at install or run time: no web installer, no updater anywhere', () => {
    expect(config.win.target.map((t) => t.target)).not.toContain('nsis-web');
    expect(config.nsis).toMatchObject({ differentialPackage: false });
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies)).not.toContain('electron-updater');
    for (const file of sources('main')) {
      expect(readFileSync(file, 'utf8'), relative(ROOT, file)).not.toMatch(/autoUpdater|electron-updater/);
    }
  });

  it('leaves out renderer-only packages, which the main process must therefore never import', () => {
    const excluded = ['react', 'react-dom', 'ag-grid-community', 'ag-grid-react', '@fontsource/noto-sans-sc'];
    for (const name of excluded) expect(excludedBy(config.files, `node_modules/${name}/package.json`), name).toBe(true);
    for (const name of ['better-sqlite3', 'kysely', 'zod', 'chinese-days', 'ws']) {
      expect(excludedBy(config.files, `node_modules/${name}/package.json`), name).toBe(false);
    }

    for (const file of [...sources('main'), ...sources('db'), join(ROOT, 'preload', 'api.ts')]) {
      const text = readFileSync(file, 'utf8');
      for (const name of excluded) {
        expect(text, `${relative(ROOT, file)} imports ${name}`).not.toMatch(new RegExp(`from '${name}(/[^']*)?'|import\\('${name}`));
      }
    }
  });

  it('unpacks better-sqlite3 from the asar and rebuilds it for Electron', () => {
    // The whole package, not only the .node file: its loader looks for build/ next to package.json.
    for (const path of ['node_modules/better-sqlite3/build/Release/better_sqlite3.node', 'node_modules/better-sqlite3/package.json', 'node_modules/better-sqlite3/lib/database.js']) {
      expect(config.asarUnpack.some((p) => globToRegExp(p).test(path)), path).toBe(true);
    }
    expect(config.npmRebuild).toBe(true);
    // Prebuilt Electron binaries when they exist (faster, no compiler needed on the build PC).
    expect(config['buildDependenciesFromSource']).toBe(false);
    expect(config['nodeGypRebuild']).toBe(false);
    // The worker's addon path: the same file, outside the archive.
    expect(config.asarUnpack.some((p) => globToRegExp(p).test('node_modules/better-sqlite3/build/Release/better_sqlite3.node'))).toBe(true);
  });

  it('never checks for updates or publishes anywhere', () => {
    expect(config).toHaveProperty('publish', null);
    for (const section of ['win', 'nsis', 'linux'] as const) expect(config[section]).not.toHaveProperty('publish');
    for (const option of ['perMachine', 'oneClick']) expect(typeof config.nsis[option], option).toBe('boolean');
    // oneClick false + perMachine false = the install-mode page (all users / only me) is shown.
    expect([config.nsis['oneClick'], config.nsis['perMachine']]).toEqual([false, false]);
  });

  it('hardens the Electron binary with fuses', () => {
    expect(config.electronFuses).toMatchObject({ runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false, onlyLoadAppFromAsar: true });
  });

  it('builds a Chinese NSIS installer for Windows x64 that lets the installer choose per machine or per user', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      installerLanguages: ['zh_CN'],
      language: '2052',
      createDesktopShortcut: true,
      shortcutName: '接诉台',
      deleteAppDataOnUninstall: false,
    });
  });

  it('builds AppImage and deb for Linux, filed under Office', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer).toMatch(/<[^>]+@[^>]+>/);
  });

  it('has its icons on disk: a 512×512 PNG and an .ico with a 256 px image', () => {
    const png = readFileSync(join(ROOT, config.linux.icon));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);

    for (const icoPath of [config.win.icon, config.nsis.installerIcon as string, config.nsis.uninstallerIcon as string]) {
      const ico = readFileSync(join(ROOT, icoPath));
      expect(ico.readUInt16LE(2), `${icoPath} is an icon file`).toBe(1);
      const count = ico.readUInt16LE(4);
      const widths = Array.from({ length: count }, (_, k) => ico[6 + 16 * k] || 256);
      expect(widths).toContain(256);
      expect(widths).toContain(16);
    }
  });
});
