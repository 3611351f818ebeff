/**
 * A file too large to stage in memory spills to a scratch database on disk: the preview and the commit
 * come out the same, and the scratch file is gone afterwards.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportSession } from '../../../main/services/import/session.js';
import { SharedStringTable } from '../../../main/services/import/sharedStrings.js';
import { stagingPathFor } from '../../../main/services/import/stage.js';
import type { AppRuntime } from '../../../main/runtime.js';
import { createLedgerApp, orderByNo, PLATFORM_HEADER, platformRow, snapshot, tmpDir, writeCsv, type Row } from './support.js';

let app: AppRuntime;
let dir: string;
beforeEach(async () => {
  app = await createLedgerApp();
  dir = tmpDir();
});
afterEach(async () => {
  await app.close();
});

function fileRows(): Row[] {
  const rows: Row[] = [PLATFORM_HEADER];
  for (let i = 0; i < 300; i++) rows.push(platformRow({ no: `S${i % 250}`, content: `第${i}行`, levels: ['新分类', `二级${i % 3}`, '三级'] }));
  rows.push(platformRow({ no: '' }), platformRow({ no: 'BAD', received: '不详' }));
  return rows;
}

describe('staging on disk', () => {
  it('previews and commits a spilled file exactly like one kept in memory', async () => {
    const path = await writeCsv(join(dir, 'spill.csv'), fileRows());
    const results = [];
    for (const memoryChars of [Number.MAX_SAFE_INTEGER, 2000]) {
      const other = await createLedgerApp();
      try {
        const session = new ImportSession(other.services.ctx, `staging-${memoryChars}`, undefined, { memoryChars });
        const preview = await session.preview(path, null);
        const onDisk = existsSync(stagingPathFor(session.token));
        expect(onDisk).toBe(memoryChars === 2000);
        const { ms: _ms, ...result } = await session.commit(1, '测试员');
        expect(existsSync(stagingPathFor(session.token))).toBe(false);
        const { token: _token, ...rest } = preview;
        results.push({ preview: rest, result, last: (await other.handle.db.selectFrom('orders').select('content').where('order_no', '=', 'S10').executeTakeFirstOrThrow()).content });
      } finally {
        await other.close();
      }
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[0]).toMatchObject({
      preview: { new: 250, duplicatesInFile: 50, rejectedCount: 2, newCategories: ['新分类', '新分类/二级0', '新分类/二级1', '新分类/二级2', '新分类/二级0/三级', '新分类/二级1/三级', '新分类/二级2/三级'] },
      result: { new: 250 },
      // The last of S10's two rows (rows 12 and 262 of the file) won.
      last: '第260行',
    });
  });

  it('removes the scratch file when a spilled preview is cancelled', async () => {
    const before = await snapshot(app);
    const session = new ImportSession(app.services.ctx, 'staging-cancel', undefined, { memoryChars: 2000 });
    await session.preview(await writeCsv(join(dir, 'c.csv'), fileRows()), null);
    expect(existsSync(stagingPathFor(session.token))).toBe(true);
    session.cancel();
    expect(existsSync(stagingPathFor(session.token))).toBe(false);
    await expect(session.commit(1, '测试员')).rejects.toMatchObject({ code: 'IMPORT_SESSION' });
    expect(await snapshot(app)).toBe(before);
    await expect(orderByNo(app, 'S1')).rejects.toThrow();
  });
});

describe('the shared-string table of a big workbook', () => {
  it('moves to disk past its memory budget and still answers every index', () => {
    const table = new SharedStringTable(10_000, join(tmpDir(), 'strings.db'));
    const texts = Array.from({ length: 20_000 }, (_, i) => (i % 7 === 0 ? null : `第${i}条诉求内容`));
    for (const t of texts) table.push(t);
    table.finish();
    expect(table.onDisk).toBe(true);
    const view = table.asArray();
    // In order (as rows refer to it), then jumping back and forth.
    for (let i = 0; i < texts.length; i += 97) expect(view[i]).toBe(texts[i]);
    for (const i of [19_999, 0, 12_345, 4096, 4095, 8191]) expect(view[i]).toBe(texts[i]);
    table.close();
  });
});
