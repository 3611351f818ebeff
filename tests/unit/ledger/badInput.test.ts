/**
 * Files that cannot be imported: each gets a clear Chinese message with its own code, and nothing is
 * written (nor left behind in the temp folder). A corpus of truncated and corrupted files never crashes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRuntime } from '../../../main/runtime.js';
import { AppError, isAppError } from '../../../preload/contract/errors.js';
import { createLedgerApp, importFile, PLATFORM_HEADER, platformRow, previewFile, snapshot, tmpDir, writeCsv, writeXlsx, type Row } from './support.js';

const CHINESE = /[\u4e00-\u9fff]/;

let app: AppRuntime;
let dir: string;
let before: string;
beforeAll(async () => {
  app = await createLedgerApp();
  dir = tmpDir();
  // Something to protect.
  await importFile(app, await writeXlsx(join(dir, 'base.xlsx'), [PLATFORM_HEADER, platformRow({ no: 'BASE-1' })]));
  before = await snapshot(app);
});
afterAll(async () => {
  app.services.ledger.close();
  await app.close();
});

const leftovers = () => readdirSync(tmpdir()).filter((f) => (f.startsWith('jiesu-import-') || f.startsWith('jiesu-strings-')) && f.endsWith(`-${process.pid}.db`));

async function refused(path: string, code: string, text?: string | RegExp): Promise<AppError> {
  const e = await previewFile(app, path).then(
    () => {
      throw new Error(`expected ${code} for ${path}`);
    },
    (x: unknown) => x,
  );
  expect(isAppError(e), String(e)).toBe(true);
  expect((e as AppError).code).toBe(code);
  expect((e as AppError).message).toMatch(CHINESE);
  if (text) expect((e as AppError).message).toMatch(text);
  expect(await snapshot(app)).toBe(before);
  expect(leftovers()).toEqual([]);
  return e as AppError;
}

/** A minimal stored zip holding the given files (for "a zip, but not a workbook"). */
function zipOf(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const nameBuf = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const dirBuf = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(dirBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBuf, end]);
}

describe('bad input', () => {
  it('refuses things that are not spreadsheets', async () => {
    const png = join(dir, 'photo.xlsx');
    await writeFile(png, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]));
    await refused(png, 'IMPORT_UNREADABLE', /PNG 图片/);
    const bin = join(dir, 'random.csv');
    await writeFile(bin, Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)));
    await refused(bin, 'IMPORT_UNREADABLE', /二进制/);
    const html = join(dir, 'platform.xls');
    await writeFile(html, '<html><body><table><tr><td>工单编号</td></tr></table></body></html>');
    await refused(html, 'IMPORT_UNREADABLE', /HTML/);
    const docx = join(dir, 'report.xlsx');
    await writeFile(docx, zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }));
    await refused(docx, 'IMPORT_UNREADABLE', /没有工作表/);
    await refused(join(dir, 'no-such-file.xlsx'), 'IMPORT_UNREADABLE', /不存在/);
  });

  it('tells a legacy .xls from a password-protected workbook', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const xls = join(dir, 'old.xls');
    await writeFile(xls, Buffer.concat([ole, Buffer.alloc(2048), Buffer.from('Workbook', 'utf16le')]));
    await refused(xls, 'IMPORT_UNREADABLE', /97-2003/);
    const enc = join(dir, 'locked.xlsx');
    await writeFile(enc, Buffer.concat([ole, Buffer.alloc(2048), Buffer.from('EncryptedInfo', 'utf16le'), Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(4096)]));
    await refused(enc, 'IMPORT_ENCRYPTED', /密码/);
  });

  it('refuses a broken xlsx: cut short, or damaged inside', async () => {
    const good = readFileSync(await writeXlsx(join(dir, 'good.xlsx'), [PLATFORM_HEADER, ...Array.from({ length: 50 }, (_, i) => platformRow({ no: `G${i}` }))]));
    const cut = join(dir, 'cut.xlsx');
    await writeFile(cut, good.subarray(0, Math.floor(good.length * 0.6)));
    await refused(cut, 'IMPORT_UNREADABLE', /不完整/);
    const damaged = Buffer.from(good);
    // Flip bytes in the middle of the compressed sheet data.
    for (let i = 0; i < 8; i++) {
      const at = Math.floor(good.length * 0.3) + i * 13;
      damaged[at] = damaged[at]! ^ 0x5a;
    }
    const bad = join(dir, 'damaged.xlsx');
    await writeFile(bad, damaged);
    await refused(bad, 'IMPORT_UNREADABLE', /损坏/);
  });

  it('refuses empty files', async () => {
    for (const [name, body] of [['zero.csv', Buffer.alloc(0)], ['bom.csv', Buffer.from([0xef, 0xbb, 0xbf])], ['blank.csv', Buffer.from('\r\n  \r\n,,,\r\n')]] as const) {
      const p = join(dir, name);
      await writeFile(p, body);
      await refused(p, 'IMPORT_EMPTY');
    }
    await refused(await writeXlsx(join(dir, 'empty.xlsx'), []), 'IMPORT_EMPTY');
  });

  it('refuses a file without a recognisable header, and names a missing 受理时间 column', async () => {
    const rows: Row[] = [['姓名', '电话'], ['张三', '138']];
    await refused(await writeCsv(join(dir, 'contacts.csv'), rows), 'IMPORT_NO_HEADER', /工单编号/);
    const noTime = await refused(await writeCsv(join(dir, 'notime.csv'), [['工单编号', '诉求内容', '所属社区'], ['X1', '内容', '南街']]), 'IMPORT_NO_HEADER');
    expect(noTime.message).toContain('找不到「受理时间」');
  });

  it('accepts a header with no rows below it as an empty preview', async () => {
    const p = await previewFile(app, await writeCsv(join(dir, 'header-only.csv'), [PLATFORM_HEADER]));
    expect(p).toMatchObject({ new: 0, updated: 0, unchanged: 0, rejectedCount: 0 });
    app.services.ledger.cancel(p.token);
  });

  it('refuses a 10 MB cell (xlsx and csv) and an unclosed quote that swallows the file', async () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    await refused(await writeCsv(join(dir, 'huge.csv'), [PLATFORM_HEADER, platformRow({ no: 'H1', content: huge })]), 'IMPORT_TOO_LARGE', /第 2 行/);
    await refused(await writeXlsx(join(dir, 'huge.xlsx'), [PLATFORM_HEADER, platformRow({ no: 'H1' }), platformRow({ no: 'H2', content: huge })]), 'IMPORT_TOO_LARGE', /第 3 行/);
    const rows = Array.from({ length: 3000 }, (_, i) => platformRow({ no: `Q${i}`, content: '内容'.repeat(10) }));
    const text = `${PLATFORM_HEADER.join(',')}\r\nQX,2026-03-02 09:00,"未闭合的引号\r\n${rows.map((r) => r.join(',')).join('\r\n')}`;
    const unclosed = join(dir, 'unclosed.csv');
    await writeFile(unclosed, text);
    await refused(unclosed, 'IMPORT_TOO_LARGE', /引号/);
  });

  it('refuses the wrong encoding: neither UTF-8 nor GBK, or a file whose encoding changes part-way', async () => {
    const latin = join(dir, 'latin.csv');
    await writeFile(latin, Buffer.concat([Buffer.from('工单编号,受理时间\r\n'), Buffer.from([0xff, 0xfe, 0x80, 0xff, 0x41, 0xff, 0x0d, 0x0a])]));
    await refused(latin, 'IMPORT_ENCODING', /UTF-8/);
    const header = Buffer.from(`${PLATFORM_HEADER.join(',')}\r\n`);
    const utf8Rows = Buffer.from(Array.from({ length: 800 }, (_, i) => platformRow({ no: `M${i}` }).join(',')).join('\r\n') + '\r\n');
    const mixed = join(dir, 'mixed.csv');
    // UTF-8 for well past the part that is sniffed, then GBK bytes (not valid UTF-8).
    await writeFile(mixed, Buffer.concat([header, utf8Rows, Buffer.from([0xb9, 0xa4, 0xb5, 0xa5, 0x2c, 0x0d, 0x0a])]));
    await refused(mixed, 'IMPORT_ENCODING', /编码不一致/);
  });
});

describe('a corpus of truncated and corrupted files', () => {
  /** A deterministic byte generator, so a failure can be replayed. */
  function lcg(seed: number) {
    let s = seed >>> 0;
    return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  }

  it('never crashes and never writes: each file is refused with an IMPORT_ code or previews cleanly', async () => {
    const rows = [['工单导出'], PLATFORM_HEADER, ...Array.from({ length: 120 }, (_, i) => platformRow({ no: `C${i}`, content: `第${i}条诉求，含中文和"引号"，以及逗号,` }))];
    const sources = [
      readFileSync(await writeXlsx(join(dir, 'corpus.xlsx'), rows)),
      readFileSync(await writeCsv(join(dir, 'corpus.csv'), rows)),
      readFileSync(await writeCsv(join(dir, 'corpus-gbk.csv'), rows, { encoding: 'gbk' })),
    ];
    const rand = lcg(20260302);
    const variants: Array<[string, Buffer]> = [];
    sources.forEach((src, k) => {
      const ext = k === 0 ? 'xlsx' : 'csv';
      for (let i = 1; i <= 12; i++) variants.push([`cut-${k}-${i}.${ext}`, src.subarray(0, Math.floor((src.length * i) / 13))]);
      for (let i = 0; i < 12; i++) {
        const b = Buffer.from(src);
        const flips = 1 + Math.floor(rand() * 20);
        for (let f = 0; f < flips; f++) b[Math.floor(rand() * b.length)] = Math.floor(rand() * 256);
        variants.push([`flip-${k}-${i}.${ext}`, b]);
      }
      const zeroed = Buffer.from(src);
      zeroed.fill(0, Math.floor(src.length / 3), Math.floor(src.length / 3) + 64);
      variants.push([`zero-${k}.${ext}`, zeroed]);
    });
    let refusedCount = 0;
    for (const [name, bytes] of variants) {
      const path = join(dir, name);
      await writeFile(path, bytes);
      try {
        const p = await previewFile(app, path);
        app.services.ledger.cancel(p.token);
        // A damaged workbook is never read half-way: every readable xlsx variant is a complete one.
        if (name.endsWith('.xlsx')) expect(p.new + p.unchanged + p.updated + p.rejectedCount, name).toBe(120);
      } catch (e) {
        expect(isAppError(e), `${name}: ${String(e)}`).toBe(true);
        expect((e as AppError).code, name).toMatch(/^IMPORT_/);
        expect((e as AppError).message, name).toMatch(CHINESE);
        refusedCount++;
      }
    }
    expect(refusedCount).toBeGreaterThan(12);
    expect(await snapshot(app)).toBe(before);
    expect(leftovers()).toEqual([]);
    expect(existsSync(dir)).toBe(true);
  }, 60_000);
});
