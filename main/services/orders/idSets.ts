/**
 * Materialized id sets: the ids of a filter's (or a search's) orders in a TEMP table with an integer
 * primary key, so that a scan of a sort index can test "is this order in the set" with one cheap seek.
 * Built once per data generation and reused by every page, jump, position and count of that filter.
 *
 * TEMP tables belong to this connection only and are never written to the database file. Everything
 * runs through Kysely (its connection mutex), never around it: a grid query must not land inside
 * another service's open transaction. Sets of a past generation are dropped when the next grid
 * operation starts (grid.ts runs one at a time), never under a query that may still name them.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { Cond } from './filters.js';

export interface IdSet {
  /** The TEMP table's name (safe identifier: id_set_<n>). */
  name: string;
  size: number;
}

export class TempIdSets {
  private seq = 0;
  private live = new Map<string, IdSet>();
  private stale: string[] = [];

  constructor(
    private readonly db: Kysely<Database>,
    private readonly capacity = 8,
  ) {}

  /** Forgets every set (data changed); the tables are dropped on next use. */
  invalidate(): void {
    for (const s of this.live.values()) this.stale.push(s.name);
    this.live.clear();
  }

  peek(key: string): IdSet | undefined {
    return this.live.get(key);
  }

  /** The set for `key`, filled from `select` (one column of order ids) when not built yet. */
  async get(key: string, select: () => RawBuilder<unknown> | Promise<RawBuilder<unknown>>): Promise<IdSet> {
    const known = this.live.get(key);
    if (known) {
      this.live.delete(key);
      this.live.set(key, known);
      return known;
    }
    const name = `id_set_${++this.seq}`;
    const query = await select();
    await sql`CREATE TEMP TABLE ${sql.id(name)} (id INTEGER PRIMARY KEY)`.execute(this.db);
    let result;
    try {
      result = await sql`INSERT INTO temp.${sql.id(name)} (id) ${query}`.execute(this.db);
    } catch (e) {
      this.stale.push(name);
      throw e;
    }
    const set = { name, size: Number(result.numAffectedRows ?? 0) };
    this.live.set(key, set);
    while (this.live.size > this.capacity) {
      const oldest = this.live.keys().next().value as string;
      this.stale.push(this.live.get(oldest)!.name);
      this.live.delete(oldest);
    }
    return set;
  }

  /** `orders.id IN temp.<set>`; `probe` disables it as an index so a sort index drives the scan. */
  member(set: IdSet, probe: boolean): Cond {
    return sql<SqlBool>`${sql.raw(probe ? '+' : '')}orders.id IN temp.${sql.id(set.name)}`;
  }

  /** Drops the tables of forgotten sets: call only between operations, never while one may still use them. */
  async dropStale(): Promise<void> {
    const names = this.stale;
    this.stale = [];
    for (const name of names) await sql`DROP TABLE IF EXISTS temp.${sql.id(name)}`.execute(this.db);
  }
}
