/**
 * The staging area of one import session: the file's rows as read and normalised, kept between the
 * preview and the commit so the commit replays exactly what the clerk previewed without reading the
 * spreadsheet again.
 *
 * A usual file (a week's export: hundreds to tens of thousands of rows) stays in memory, each row as
 * its JSON text — one flat string, so the row no longer pins the spreadsheet text its cells were cut
 * from. Past MEMORY_CHARS everything spills to a private scratch database (a temp file, never the
 * street's database), so a million-row import runs in bounded memory.
 *
 * Unique by 工单编号: a later row with the same number replaces the earlier one in its place (in-file
 * duplicates keep the last), so the staged count is the number of distinct orders.
 */
import { readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { ImportedOrder } from './record.js';

/**
 * How much staged text stays in memory (UTF-16 code units of the rows' JSON, about 2 bytes each)
 * before everything spills to disk: some 30,000 usual rows. Kept small on purpose: a large live set
 * makes V8 let its heap (and the process's RSS) grow far beyond it before collecting.
 */
export const MEMORY_CHARS = 16 * 1024 * 1024;
const BATCH = 5000;
/** Distinct categories remembered in memory; past this the disk store is asked. */
const MAX_TRACKED_CATEGORIES = 50_000;

export interface RejectedRow {
  row: number;
  reason: string;
}

/** Where a session's scratch file lives (the host removes it if a worker is stopped mid-way). */
export function stagingPathFor(token: string, dir = tmpdir()): string {
  return join(dir, `jiesu-import-${token}-${process.pid}.db`);
}

/** Where a session's xlsx shared-string table goes when it spills (see sharedStrings.ts). */
export function stringsPathFor(token: string, dir = tmpdir()): string {
  return join(dir, `jiesu-import-${token}-strings-${process.pid}.db`);
}

const SCRATCH_NAME = /^jiesu-import-.+-(\d+)\.db$/;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes scratch files left by a process that no longer runs (an app killed mid-import, a power cut):
 * each file's name carries its process id. Returns how many were removed. Never throws.
 */
export function sweepStaleScratch(dir = tmpdir()): number {
  let removed = 0;
  try {
    for (const name of readdirSync(dir)) {
      const pid = SCRATCH_NAME.exec(name)?.[1];
      if (pid === undefined || Number(pid) === process.pid || alive(Number(pid))) continue;
      rmSync(join(dir, name), { force: true });
      removed++;
    }
  } catch {
    // A temp folder we cannot list holds nothing of ours to clean.
  }
  return removed;
}

/** The on-disk store: a scratch SQLite file with neither journal nor fsync. */
class DiskStore {
  private readonly db: BetterSqlite3.Database;
  private readonly insertRow: BetterSqlite3.Statement;
  private readonly insertRejected: BetterSqlite3.Statement;
  private inBatch = 0;

  constructor(readonly path: string) {
    rmSync(path, { force: true });
    this.db = new BetterSqlite3(path);
    // Scratch data: losing it on a crash only loses the preview.
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    this.db.pragma('cache_size = -16384');
    this.db.exec(`
      CREATE TABLE staged (seq INTEGER PRIMARY KEY, order_no TEXT NOT NULL UNIQUE, row INTEGER NOT NULL, category TEXT, data TEXT NOT NULL);
      CREATE TABLE rejected (row INTEGER NOT NULL, reason TEXT NOT NULL);
    `);
    this.insertRow = this.db.prepare(
      'INSERT INTO staged (order_no, row, category, data) VALUES (?, ?, ?, ?) ' +
        'ON CONFLICT (order_no) DO UPDATE SET row = excluded.row, category = excluded.category, data = excluded.data',
    );
    this.insertRejected = this.db.prepare('INSERT INTO rejected (row, reason) VALUES (?, ?)');
  }

  private tick(): void {
    if (this.inBatch === 0) this.db.exec('BEGIN');
    if (++this.inBatch >= BATCH) this.flush();
  }

  flush(): void {
    if (this.inBatch > 0) {
      this.db.exec('COMMIT');
      this.inBatch = 0;
    }
  }

  add(orderNo: string, row: number, category: string | undefined, json: string): void {
    this.tick();
    this.insertRow.run(orderNo, row, category ?? null, json);
  }

  reject(r: RejectedRow): void {
    this.tick();
    this.insertRejected.run(r.row, r.reason);
  }

  count(table: 'staged' | 'rejected'): number {
    return (this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  }

  rejected(limit: number): RejectedRow[] {
    return this.db.prepare('SELECT row, reason FROM rejected ORDER BY row LIMIT ?').all(limit) as RejectedRow[];
  }

  categories(): string[] {
    return this.db.prepare('SELECT DISTINCT category FROM staged WHERE category IS NOT NULL').pluck().all() as string[];
  }

  *orders(): Generator<ImportedOrder> {
    for (const data of this.db.prepare('SELECT data FROM staged ORDER BY seq').pluck().iterate() as Iterable<string>) {
      yield JSON.parse(data) as ImportedOrder;
    }
  }

  close(): void {
    try {
      this.db.close();
    } finally {
      rmSync(this.path, { force: true });
    }
  }
}

export class StagingStore {
  /** In memory: each staged order as JSON (in first-appearance order). */
  private orderList: string[] = [];
  private memoryChars = 0;
  private positions = new Map<string, number>();
  private rejectedList: RejectedRow[] = [];
  private disk: DiskStore | null = null;
  private categorySet: Set<string> | null = new Set();
  private validRows = 0;
  private closed = false;

  constructor(
    private readonly token: string,
    private readonly dir = tmpdir(),
    private readonly memoryLimit = MEMORY_CHARS,
  ) {}

  /** True once the rows went to disk. */
  get onDisk(): boolean {
    return this.disk !== null;
  }

  private spill(): void {
    const disk = (this.disk = new DiskStore(stagingPathFor(this.token, this.dir)));
    for (const json of this.orderList) {
      const o = JSON.parse(json) as ImportedOrder;
      disk.add(o.orderNo, o.row, o.category, json);
    }
    for (const r of this.rejectedList) disk.reject(r);
    this.orderList = [];
    this.positions = new Map();
    this.rejectedList = [];
  }

  private noteCategory(category: string | undefined): void {
    if (category === undefined || !this.categorySet) return;
    this.categorySet.add(category);
    if (this.categorySet.size > MAX_TRACKED_CATEGORIES) this.categorySet = null;
  }

  add(order: ImportedOrder): void {
    this.validRows++;
    this.noteCategory(order.category);
    const json = JSON.stringify(order);
    if (this.disk) return this.disk.add(order.orderNo, order.row, order.category, json);
    const at = this.positions.get(order.orderNo);
    if (at !== undefined) {
      this.memoryChars += json.length - this.orderList[at]!.length;
      this.orderList[at] = json;
    } else {
      // The key is copied out of the JSON's own text so it pins nothing else either.
      this.positions.set(JSON.parse(`"${JSON.stringify(order.orderNo).slice(1, -1)}"`) as string, this.orderList.length);
      this.orderList.push(json);
      this.memoryChars += json.length + order.orderNo.length;
    }
    if (this.memoryChars > this.memoryLimit) this.spill();
  }

  reject(row: number, reason: string): void {
    if (this.disk) return this.disk.reject({ row, reason });
    this.rejectedList.push({ row, reason });
    this.memoryChars += reason.length + 16;
    if (this.memoryChars > this.memoryLimit) this.spill();
  }

  /** Loading is over. */
  finish(): void {
    this.disk?.flush();
  }

  get distinct(): number {
    return this.disk ? this.disk.count('staged') : this.orderList.length;
  }

  /** Rows with a 工单编号 seen before in the file (the earlier ones lose). */
  get duplicates(): number {
    return this.validRows - this.distinct;
  }

  get rejectedCount(): number {
    return this.disk ? this.disk.count('rejected') : this.rejectedList.length;
  }

  rejected(limit = Number.MAX_SAFE_INTEGER): RejectedRow[] {
    return this.disk ? this.disk.rejected(limit) : this.rejectedList.slice(0, limit);
  }

  categories(): string[] {
    return [...(this.categorySet ?? this.disk?.categories() ?? [])].sort();
  }

  /** The staged orders, in the order their numbers first appear in the file (always the same order). */
  *orders(): Generator<ImportedOrder> {
    if (this.disk) {
      yield* this.disk.orders();
      return;
    }
    for (const json of this.orderList) yield JSON.parse(json) as ImportedOrder;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.orderList = [];
    this.positions = new Map();
    this.rejectedList = [];
    this.disk?.close();
  }
}
