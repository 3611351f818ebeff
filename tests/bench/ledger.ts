/**
 * Ledger benchmarks (issue 5), called from tests/bench/run.ts as `await benchLedger()` (returns whether
 * every target was met). Runs from the compiled tree so the import uses its worker thread, as in the app;
 * each measured phase runs in a fresh child process so its peak RSS is its own.
 *
 *   import of a generated 100k-row platform xlsx, end to end (preview + commit)  ≤ 15 s and ≤ 2× raw
 *     raw = exceljs's streaming read of the same file + one prepared INSERT per row, one transaction
 *   export of 100k orders to xlsx                                                ≤ 10 s, peak RSS ≤ 400 MB
 *   export of 100k orders to csv                                                 ≤ 2 s
 *
 *   BENCH_LEDGER_ROWS=20000   a smaller run
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { createDb } from '../../db/connection.js';
import { openApp } from '../../main/runtime.js';
import { BEIJING_OFFSET_MS, fromBeijing } from '../../preload/contract/time.js';
import { printTable, type Row } from './measure.js';

const HEADER = [
  '工单编号', '受理时间', '派单时间', '诉求人', '联系电话', '诉求类型', '一级分类', '二级分类', '三级分类', '诉求内容', '诉求地址',
  '所属社区', '承办单位', '办理时限', '工单状态', '回访时间', '是否有效回访', '是否联系', '是否解决', '满意度',
];
const TYPES = ['咨询', '求助', '投诉', '举报', '建议'];
const CATEGORIES = [['市政设施', '排水', '污水外溢'], ['环境保护', '噪声污染', '商业噪声'], ['住房', '物业管理', '物业服务质量'], ['公共服务', '供暖', '暖气不热']];
const DUES = ['2小时', '24小时', '7个工作日', '15个工作日'];
const COMMUNITIES = ['西洼地社区', '东高地东里社区', '万源南里社区'];

/** A platform export of n orders, written with exceljs's streaming writer (title row, real date cells). */
export async function writePlatformXlsx(path: string, n: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('工单');
  ws.addRow(['12345市民服务热线工单导出']).commit();
  ws.addRow(HEADER).commit();
  const start = fromBeijing(2026, 1, 1, 8);
  const date = (ms: number) => new Date(ms + BEIJING_OFFSET_MS);
  for (let i = 0; i < n; i++) {
    const received = start + i * 60_000;
    const done = i % 3 !== 0;
    const [l1, l2, l3] = CATEGORIES[i % CATEGORIES.length]!;
    ws.addRow([
      `FT26${String(i).padStart(8, '0')}`, date(received), date(received + 900_000), i % 2 ? '王女士' : '李先生', i % 10 ? `138${String(i).padStart(8, '0')}` : '保密',
      TYPES[i % TYPES.length], l1, l2, l3, `市民反映${COMMUNITIES[i % 3]}${i % 50}号楼${l3}问题，多次反映未解决，希望尽快处理。`, `丰台区东高地街道${i % 50}号楼`,
      COMMUNITIES[i % 3], i % 2 ? '社区建设办公室' : '城市管理办公室', DUES[i % 4], done ? '已办结' : '办理中',
      done ? date(received + 8 * 86_400_000) : null, done ? '是' : null, done ? '是' : null, done ? (i % 5 ? '是' : '否') : null, done ? '满意' : null,
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}

/** The floor: exceljs's streaming read + a prepared INSERT per row, in one transaction, into the same schema. */
async function rawImport(xlsx: string, dbPath: string): Promise<number> {
  // The app's own connection factory: same pragmas, same SQL functions the schema's triggers call.
  const handle = createDb(dbPath);
  const db = handle.sqlite;
  const insert = db.prepare(
    'INSERT INTO orders (order_no, received_at, dispatched_at, source, appeal_type, category, content, citizen_name, citizen_phone, address, status, tier, first_contact_due_at, handle_due_at, created_at, updated_at) ' +
      "VALUES (?, ?, ?, 'hotline', ?, ?, ?, ?, ?, ?, 'received', 'general', ?, ?, ?, ?)",
  );
  const serial = (v: unknown) => (typeof v === 'number' ? Math.round((v - 25569) * 86_400) * 1000 - BEIJING_OFFSET_MS : 0);
  const t = performance.now();
  db.exec('BEGIN IMMEDIATE');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(xlsx, { worksheets: 'emit', sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', entries: 'ignore' });
  for await (const ws of reader) {
    for await (const row of ws) {
      if (row.number <= 2) continue;
      const v = row.values as unknown[];
      const received = serial(v[2]);
      insert.run(v[1], received, serial(v[3]), v[6], `${v[7]}/${v[8]}/${v[9]}`, v[10], v[4], String(v[5]), v[11], received + 86_400_000, received + 7 * 86_400_000, received, received);
    }
  }
  db.exec('COMMIT');
  const ms = performance.now() - t;
  await handle.close();
  return ms;
}

type Phase = 'raw' | 'import' | 'reimport' | 'export-xlsx' | 'export-csv';
interface PhaseResult {
  ms: number;
  /** Peak resident memory of the whole process (worker threads included), in MB. */
  peakMb: number;
  rows: number;
}

/** One measured phase, in this (fresh) process: its peak RSS is the phase's own. */
async function runPhase(phase: Phase, dir: string): Promise<PhaseResult> {
  const xlsx = join(dir, 'platform.xlsx');
  if (phase === 'raw') {
    const rawPath = join(dir, 'raw.db');
    // The same schema, migrated and empty.
    await (await openApp(rawPath)).close();
    const ms = await rawImport(xlsx, rawPath);
    return { ms, peakMb: Math.round(process.resourceUsage().maxRSS / 1024), rows: 0 };
  }
  const app = await openApp(join(dir, 'ours.db'));
  try {
    if (!app.services.ledger.runsInWorker) console.error('  (running inline — build with `npx tsc -b` to use the worker)');
    const t = performance.now();
    let rows: number;
    if (phase === 'import' || phase === 'reimport') {
      const preview = await app.services.ledger.preview({ path: xlsx });
      const result = await app.services.ledger.commit(preview.token, 'bench');
      rows = phase === 'import' ? result.new : result.unchanged;
    } else {
      const format = phase === 'export-xlsx' ? 'xlsx' : 'csv';
      rows = (await app.services.ledger.exportLedger({ preset: 'district', withPhones: false, format, path: join(dir, `ledger.${format}`) }, 'bench')).rows;
    }
    return { ms: performance.now() - t, peakMb: Math.round(process.resourceUsage().maxRSS / 1024), rows };
  } finally {
    app.services.ledger.close();
    await app.close();
  }
}

function inChild(phase: Phase, dir: string): Promise<PhaseResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url)], {
      env: { ...process.env, LEDGER_BENCH_PHASE: phase, LEDGER_BENCH_DIR: dir },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as PhaseResult) : reject(new Error(`bench phase ${phase} exited with ${code}`))));
  });
}

export async function benchLedger(): Promise<boolean> {
  const n = Number(process.env.BENCH_LEDGER_ROWS ?? 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'jiesu-bench-ledger-'));
  try {
    console.log(`\nwriting a ${n}-row platform xlsx …`);
    await writePlatformXlsx(join(dir, 'platform.xlsx'), n);
    const raw = await inChild('raw', dir);
    const ours = await inChild('import', dir);
    if (ours.rows !== n) throw new Error(`imported ${ours.rows} of ${n}`);
    const again = await inChild('reimport', dir);
    const xlsxOut = await inChild('export-xlsx', dir);
    const csvOut = await inChild('export-csv', dir);
    const rows: Row[] = [
      { what: `import ${n}-row xlsx, preview+commit (peak ${ours.peakMb} MB)`, ms: ours.ms, rawMs: raw.ms, target: { ms: 15_000, ratio: 2 } },
      { what: `re-import, all unchanged (peak ${again.peakMb} MB)`, ms: again.ms },
      { what: `export ${xlsxOut.rows} to xlsx (peak ${xlsxOut.peakMb} MB)`, ms: xlsxOut.ms, target: { ms: 10_000 } },
      { what: `export ${csvOut.rows} to csv (peak ${csvOut.peakMb} MB)`, ms: csvOut.ms, target: { ms: 2_000 } },
    ];
    const ok = printTable('Ledger import / export (each phase in a fresh process; peak = that process\'s max RSS)', rows);
    const rssOk = xlsxOut.peakMb <= 400;
    if (!rssOk) console.log(`  MISS: xlsx export peak RSS ${xlsxOut.peakMb} MB > 400 MB`);
    return ok && rssOk;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const phase = process.env.LEDGER_BENCH_PHASE as Phase | undefined;
if (phase && process.argv[1] === fileURLToPath(import.meta.url)) {
  runPhase(phase, process.env.LEDGER_BENCH_DIR!).then(
    (r) => process.stdout.write(JSON.stringify(r)),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
