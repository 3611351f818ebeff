/**
 * An xlsx's shared-string table (the workbook's text, which cells refer to by index) for the streaming
 * reader. exceljs keeps the whole table in memory; for a platform export of a million rows that table
 * alone is several hundred megabytes. Here it stays in memory up to a budget, then moves to a private
 * scratch database and is read back in blocks of consecutive indexes — cells refer to the table roughly
 * in order, and the few strings every row repeats (社区, 状态, 是/否) keep their blocks cached.
 */
import { rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

/** UTF-16 code units kept in memory before the table moves to disk (about 32 MB). */
export const SHARED_STRINGS_MEMORY_CHARS = 16 * 1024 * 1024;
const BLOCK_BITS = 12;
const CACHED_BLOCKS = 64;
const INSERT_BATCH = 10_000;

export class SharedStringTable {
  private memory: unknown[] = [];
  private chars = 0;
  private count = 0;
  private db: BetterSqlite3.Database | null = null;
  private insert: BetterSqlite3.Statement | null = null;
  private readBlock: BetterSqlite3.Statement | null = null;
  private pending = 0;
  private readonly blocks = new Map<number, unknown[]>();
  /** The scratch file used once the table spills (a session passes its own, so it can be cleaned up). */
  private readonly path: string;

  constructor(
    private readonly budget = SHARED_STRINGS_MEMORY_CHARS,
    path = join(tmpdir(), `jiesu-strings-${process.pid}-${randomBytes(6).toString('hex')}.db`),
  ) {
    this.path = path;
  }

  get onDisk(): boolean {
    return this.db !== null;
  }

  private spill(): void {
    rmSync(this.path, { force: true });
    const db = (this.db = new BetterSqlite3(this.path));
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.exec('CREATE TABLE s (i INTEGER PRIMARY KEY, v TEXT)');
    this.insert = db.prepare('INSERT INTO s (i, v) VALUES (?, ?)');
    this.readBlock = db.prepare('SELECT v FROM s WHERE i >= ? AND i < ? ORDER BY i').pluck();
    db.exec('BEGIN');
    this.memory.forEach((v, i) => this.insert!.run(i, v === null || v === undefined ? null : String(v)));
    this.memory = [];
  }

  push(value: unknown): void {
    const index = this.count++;
    if (this.db) {
      this.insert!.run(index, value === null || value === undefined ? null : String(value));
      if (++this.pending >= INSERT_BATCH) {
        this.db.exec('COMMIT; BEGIN');
        this.pending = 0;
      }
      return;
    }
    this.memory.push(value);
    this.chars += typeof value === 'string' ? value.length + 8 : 8;
    if (this.chars > this.budget) this.spill();
  }

  /** The table is complete: start reading. */
  finish(): void {
    if (this.db?.inTransaction) this.db.exec('COMMIT');
  }

  get(index: number): unknown {
    if (!this.db) return this.memory[index];
    const block = index >> BLOCK_BITS;
    let values = this.blocks.get(block);
    if (values) {
      // Most recently used last.
      this.blocks.delete(block);
      this.blocks.set(block, values);
    } else {
      const start = block << BLOCK_BITS;
      values = this.readBlock!.all(start, start + (1 << BLOCK_BITS));
      this.blocks.set(block, values);
      if (this.blocks.size > CACHED_BLOCKS) this.blocks.delete(this.blocks.keys().next().value as number);
    }
    return values[index & ((1 << BLOCK_BITS) - 1)];
  }

  /** What exceljs's worksheet reader indexes into (`sharedStrings[i]`). */
  asArray(): unknown[] {
    return new Proxy([] as unknown[], {
      get: (target, prop) => {
        if (typeof prop === 'string') {
          const n = Number(prop);
          if (Number.isInteger(n) && n >= 0) return this.get(n);
        }
        return Reflect.get(target, prop);
      },
    });
  }

  close(): void {
    this.memory = [];
    this.blocks.clear();
    if (this.db) {
      try {
        this.db.close();
      } finally {
        this.db = null;
        rmSync(this.path, { force: true });
      }
    }
  }
}
