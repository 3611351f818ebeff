/**
 * The search box inside the grid's queries. How a search is best written depends on how many orders
 * its tokens hit (H, counted from the index alone in a few ms, cached per data generation):
 *
 *   H ≤ 20,000        an inline `orders.id IN (SELECT rowid … MATCH …)`: SQLite lists the hits
 *                     in well under a few ms per statement;
 *   otherwise         a TEMP id set of the exact hits, built once (idSets.ts), seeked per row —
 *   except            when scanning a sort index for the next rows of a huge exact search (H ≥ 150,000,
 *                     one order in seven or more), where seeking the index for each scanned row is
 *                     cheaper than building the set: a page reads a few hundred rows.
 *
 * Terms the index cannot answer exactly are re-checked against the real text (db/search.ts); a TEMP
 * set holds re-checked hits only.
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { matchCount, matchesOrder, matchIds, recheck, type CompiledSearch } from '../../../db/search.js';
import { and, type Cond } from './filters.js';
import type { IdSet, TempIdSets } from './idSets.js';

export const SMALL_HITS = 20_000;
export const HUGE_HITS = 150_000;

export class SearchHits {
  private readonly counts = new Map<string, number>();
  private readonly smallHits: number;
  private readonly hugeHits: number;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly sets: TempIdSets,
    tuning: { smallHits?: number; hugeHits?: number } = {},
  ) {
    this.smallHits = tuning.smallHits ?? SMALL_HITS;
    this.hugeHits = tuning.hugeHits ?? HUGE_HITS;
  }

  /** Data changed: counts are recounted (the sets are dropped by TempIdSets.invalidate). */
  invalidate(): void {
    this.counts.clear();
  }

  /** How many orders hold every token (before any re-check). */
  async candidates(s: CompiledSearch): Promise<number> {
    let n = this.counts.get(s.key);
    if (n === undefined) {
      const row = (await matchCount(s).execute(this.db)).rows[0];
      n = Number(row?.n ?? 0);
      this.counts.set(s.key, n);
    }
    return n;
  }

  exact(s: CompiledSearch): boolean {
    return s.rechecks.length === 0;
  }

  /** The TEMP set of the exact hits. */
  table(s: CompiledSearch): Promise<IdSet> {
    return this.sets.get(`search:${s.key}`, () => {
      const check = recheck(s);
      return check
        ? sql`SELECT orders.id FROM orders WHERE orders.id IN (${matchIds(s)}) AND ${check}`
        : sql`SELECT rowid FROM orders_search WHERE orders_search MATCH ${s.match}`;
    });
  }

  /** The exact number of hits. */
  async count(s: CompiledSearch): Promise<number> {
    if (this.exact(s)) return this.candidates(s);
    const built = this.sets.peek(`search:${s.key}`);
    if (built) return built.size;
    if ((await this.candidates(s)) > this.smallHits) return (await this.table(s)).size;
    const row = (await sql<{ n: number }>`SELECT count(*) AS n FROM orders WHERE ${this.inline(s, false)}`.execute(this.db)).rows[0];
    return Number(row?.n ?? 0);
  }

  /**
   * The search as a condition for counts, small lists and id sets. `leads`: SQLite should find the rows
   * through the search's hits; otherwise the hits are only looked up, and the other conditions' indexes
   * find the rows (grid.ts decides by comparing counts).
   */
  async drive(s: CompiledSearch, leads: boolean): Promise<Cond> {
    if ((await this.candidates(s)) <= this.smallHits) return this.inline(s, !leads);
    return this.sets.member(await this.table(s), !leads);
  }

  /** The search as a per-row test for a scan along a sort index. */
  async probe(s: CompiledSearch): Promise<Cond> {
    const h = await this.candidates(s);
    if (h <= this.smallHits) return this.inline(s, true);
    const built = this.sets.peek(`search:${s.key}`);
    if (built) return this.sets.member(built, true);
    // One exact token, not a prefix (a prefix query expands to many tokens on every seek).
    if (h >= this.hugeHits && this.exact(s) && !s.match.endsWith('*')) return matchesOrder(s);
    return this.sets.member(await this.table(s), true);
  }

  private inline(s: CompiledSearch, probe: boolean): Cond {
    const ids = sql<SqlBool>`${sql.raw(probe ? '+' : '')}orders.id IN (${matchIds(s)})`;
    const check = recheck(s);
    return and(check ? [ids, check] : [ids]);
  }
}
