/**
 * THE module for the SQLite-only search SQL: the bigram full-text index over orders and how a search
 * box query becomes an FTS5 MATCH plus an exact re-check.
 *
 * Why bigrams: SQLite's trigram tokenizer cannot answer a 2-character term, and most Chinese words are
 * 2 characters. So each order's searchable text is turned into tokens here, in JS:
 *   - every run of Han characters gives its overlapping bigrams (西营小区 → 西营 营小 小区) plus its last
 *     character alone (区), so a 1-character search is a prefix query that sees every occurrence;
 *   - every run of other letters/digits is one lowercased word (d2026030013, 23, abc);
 *   - the phone gives its digits and its last four digits; a '保密' name or phone gives nothing.
 * The tokens (space-separated) go into `orders_search`, a contentless FTS5 table (rowid = order id,
 * detail=none: only which orders hold a token) with the `ascii` tokenizer, which keeps our tokens intact.
 * Triggers on `orders` (migration 005) call `search_tokens(...)`, registered on every connection by
 * db/connection.ts, so every writer — services, the importer's worker, the seeder — keeps it in sync in
 * the same transaction. A raw connection that writes orders must call registerSearchFunctions first.
 *
 * A query is the AND of its tokens. A 2-character Han term is one bigram: the index answers it exactly.
 * Longer or mixed terms may match tokens that are not adjacent in the text (西营，小区 has 西营 and 小区
 * but not 营小), so those candidates are re-checked against the real text with instr().
 * Letters and digits match from the start of a word: 2026 finds D2026030013's word d2026030013, and
 * 3号楼 does not find 23号楼.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { sql, type RawBuilder, type SqlBool } from 'kysely';

export const SEARCH_TABLE = 'orders_search';

/** The searchable fields of an order, in the order the SQL functions take them. */
export const SEARCH_COLUMNS = ['order_no', 'content', 'address', 'citizen_name', 'citizen_phone'] as const;
type Field = string | null | undefined;

const CONFIDENTIAL = '保密';
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Characters NFKC changes that clerks type or paste: full-width forms, ideographic space, circled digits. */
const NEEDS_NFKC = /[\u2150-\u218f\u2460-\u24ff\u3000\u3200-\u33ff\uf900-\ufaff\ufe30-\ufe6f\uff00-\uffef]/;

function normalize(text: string): string {
  return (NEEDS_NFKC.test(text) ? text.normalize('NFKC') : text).toLowerCase();
}

/** Width in UTF-16 units of the Han character at i (1, or 2 for the supplementary planes), else 0. */
function hanWidth(text: string, i: number): 0 | 1 | 2 {
  const c = text.charCodeAt(i);
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) return 1;
  if (c >= 0xd840 && c <= 0xd884 && i + 1 < text.length) {
    const cp = text.codePointAt(i)!;
    if (cp >= 0x20000 && cp <= 0x3134f) return 2;
  }
  return 0;
}

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 97 && c <= 122);
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return hanWidth(text, i) === 0 && WORD_CHAR.test(text[i]!);
}

export interface Run {
  kind: 'han' | 'word';
  /** Han: one entry per character; word: the whole word. */
  chars: string[];
  /** Index in the text just after the run. */
  end: number;
}

/** The Han and word runs of normalized text; everything else separates runs. */
export function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    let w = hanWidth(text, i);
    if (w > 0) {
      const chars: string[] = [];
      while (w > 0) {
        chars.push(text.slice(i, i + w));
        i += w;
        w = i < n ? hanWidth(text, i) : 0;
      }
      runs.push({ kind: 'han', chars, end: i });
    } else if (isWordChar(text, i)) {
      const start = i;
      while (i < n && isWordChar(text, i)) i++;
      runs.push({ kind: 'word', chars: [text.slice(start, i)], end: i });
    } else {
      i++;
    }
  }
  return runs;
}

function addTextTokens(out: string[], text: Field): void {
  if (!text) return;
  for (const run of runsOf(normalize(text))) {
    if (run.kind === 'word') {
      out.push(run.chars[0]!);
      continue;
    }
    const c = run.chars;
    for (let k = 0; k + 1 < c.length; k++) out.push(c[k]! + c[k + 1]!);
    out.push(c[c.length - 1]!);
  }
}

function phoneDigits(phone: Field): string {
  if (!phone || phone.trim() === CONFIDENTIAL) return '';
  return phone.replace(/\D/g, '');
}

/** The index tokens of one order (space-separated), as `search_tokens(...)` returns them. */
export function searchTokens(orderNo: Field, content: Field, address: Field, citizenName: Field, citizenPhone: Field): string {
  const out: string[] = [];
  addTextTokens(out, orderNo);
  addTextTokens(out, content);
  addTextTokens(out, address);
  if (citizenName && citizenName.trim() !== CONFIDENTIAL) addTextTokens(out, citizenName);
  const digits = phoneDigits(citizenPhone);
  if (digits.length >= 4) out.push(digits, digits.slice(-4));
  return [...new Set(out)].join(' ');
}

/** The same fields as one normalized text (fields apart), for the exact re-check of a candidate. */
export function searchHaystack(orderNo: Field, content: Field, address: Field, citizenName: Field, citizenPhone: Field): string {
  const name = citizenName && citizenName.trim() !== CONFIDENTIAL ? citizenName : '';
  return [orderNo ?? '', content ?? '', address ?? '', name, phoneDigits(citizenPhone)].map(normalize).join('\u0001');
}

/** Registers search_tokens() and search_haystack() on a connection (db/connection.ts does it on every one). */
export function registerSearchFunctions(sqlite: BetterSqlite3.Database): void {
  sqlite.function('search_tokens', { deterministic: true }, searchTokens as (...a: unknown[]) => string);
  sqlite.function('search_haystack', { deterministic: true }, searchHaystack as (...a: unknown[]) => string);
}

// ---- Queries -------------------------------------------------------------------------------------

export interface CompiledSearch {
  /** The normalized query: the cache key of its hits. */
  key: string;
  /** FTS5 MATCH expression: the AND of every term's tokens. */
  match: string;
  /** Terms the index cannot answer exactly: each candidate must contain each of them (instr). */
  rechecks: string[];
}

/** A phone written in groups (138-1234-5678, 138 1234 5678) is one number. */
const GROUPED_PHONE = /(?<!\d)(\d{3,4})[-\s](\d{3,4})[-\s](\d{4})(?!\d)/g;

/** The tokens a term needs, and whether the index alone answers it exactly. */
function termTokens(term: string): { tokens: string[]; exact: boolean } {
  const runs = runsOf(term);
  const tokens: string[] = [];
  for (const run of runs) {
    const atEnd = run.end === term.length;
    if (run.kind === 'word') {
      // Followed by something: the whole word; at the end: the start of a word.
      tokens.push(atEnd ? `"${run.chars[0]}"*` : `"${run.chars[0]}"`);
      continue;
    }
    const c = run.chars;
    if (c.length === 1) {
      // One Han character: as the last of its run in the text, or followed by another (a prefix query).
      tokens.push(atEnd ? `"${c[0]}"*` : `"${c[0]}"`);
      continue;
    }
    for (let k = 0; k + 1 < c.length; k++) tokens.push(`"${c[k]}${c[k + 1]}"`);
  }
  const unique = [...new Set(tokens)];
  // Exact: the whole term is one run giving one token (a Han bigram, a Han character, a word prefix).
  const only = runs.length === 1 ? runs[0]! : null;
  const exact = only !== null && unique.length === 1 && only.chars.join('').length === term.length;
  return { tokens: unique, exact };
}

/**
 * A search box query → MATCH + re-checks, or null when it holds nothing searchable (only punctuation).
 * Whitespace separates terms; every term must match.
 */
export function compileSearch(query: string): CompiledSearch | null {
  const normalized = normalize(query.trim()).replace(GROUPED_PHONE, '$1$2$3');
  const terms = [...new Set(normalized.split(/\s+/).filter((t) => t !== ''))];
  const tokens: string[] = [];
  const rechecks: string[] = [];
  const kept: string[] = [];
  for (const term of terms) {
    const t = termTokens(term);
    if (t.tokens.length === 0) continue;
    kept.push(term);
    tokens.push(...t.tokens);
    if (!t.exact) rechecks.push(term);
  }
  if (tokens.length === 0) return null;
  return { key: kept.join(' '), match: [...new Set(tokens)].join(' AND '), rechecks };
}

// ---- SQL fragments (Kysely raw builders; the caller's query names the orders table `orders`) -------

/** Ids of the orders whose tokens match (candidates: re-check when `rechecks` is not empty). */
export function matchIds(s: CompiledSearch): RawBuilder<{ id: number }> {
  return sql<{ id: number }>`SELECT rowid AS id FROM orders_search WHERE orders_search MATCH ${s.match}`;
}

/** How many orders' tokens match: read from the index alone. */
export function matchCount(s: CompiledSearch): RawBuilder<{ n: number }> {
  return sql<{ n: number }>`SELECT count(*) AS n FROM orders_search WHERE orders_search MATCH ${s.match}`;
}

/**
 * The order (a row of `orders`) holds every re-check term in its real text. The columns are tried as
 * they are first (cheap, and true for nearly every candidate); only when that fails is the normalized
 * haystack built (full-width characters, a phone written with dashes) — the haystack decides.
 */
export function recheck(s: CompiledSearch): RawBuilder<SqlBool> | null {
  if (s.rechecks.length === 0) return null;
  const hay = sql`search_haystack(orders.order_no, orders.content, orders.address, orders.citizen_name, orders.citizen_phone)`;
  const plain = (t: string) =>
    sql`instr(lower(orders.content), ${t}) > 0 OR instr(lower(orders.address), ${t}) > 0 OR instr(lower(orders.order_no), ${t}) > 0
      OR (trim(orders.citizen_name) <> ${CONFIDENTIAL} AND instr(lower(orders.citizen_name), ${t}) > 0)`;
  return sql<SqlBool>`(${sql.join(
    s.rechecks.map((t) => sql`(${plain(t)} OR instr(${hay}, ${t}) > 0)`),
    sql` AND `,
  )})`;
}

/** A seek of the index for one order: cheap only when most scanned orders match (see grid.ts). */
export function matchesOrder(s: CompiledSearch): RawBuilder<SqlBool> {
  return sql<SqlBool>`EXISTS (SELECT 1 FROM orders_search WHERE orders_search MATCH ${s.match} AND orders_search.rowid = orders.id)`;
}

// ---- Maintenance -----------------------------------------------------------------------------------

/** Merges the index's segments into one (after a bulk load): fewer segments, faster queries. */
export function optimizeSearchIndex(sqlite: BetterSqlite3.Database): void {
  sqlite.prepare(`INSERT INTO ${SEARCH_TABLE}(${SEARCH_TABLE}) VALUES ('optimize')`).run();
}

/** Rebuilds the whole index from the orders (a repair; migration 005 fills it the same way). */
export function rebuildSearchIndex(sqlite: BetterSqlite3.Database): void {
  sqlite.transaction(() => {
    sqlite.prepare(`INSERT INTO ${SEARCH_TABLE}(${SEARCH_TABLE}) VALUES ('delete-all')`).run();
    sqlite.prepare(`INSERT INTO ${SEARCH_TABLE}(rowid, tokens) SELECT id, search_tokens(${SEARCH_COLUMNS.join(', ')}) FROM orders`).run();
  }).immediate();
}

/**
 * Runs a bulk load that only INSERTs new orders (the demo seeder) with the index's triggers off, then
 * indexes the new orders in one statement and merges the segments: several times faster than a trigger
 * per row interleaving index pages with the load. The index is complete when this returns or throws.
 */
export async function withSearchIndexDeferred<T>(sqlite: BetterSqlite3.Database, load: () => Promise<T>): Promise<T> {
  const triggers = sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'orders' AND name LIKE '${SEARCH_TABLE}_%'`)
    .all() as Array<{ name: string; sql: string }>;
  const before = (sqlite.prepare('SELECT coalesce(max(id), 0) AS m FROM orders').get() as { m: number }).m;
  sqlite.transaction(() => {
    for (const t of triggers) sqlite.exec(`DROP TRIGGER "${t.name}"`);
  })();
  try {
    return await load();
  } finally {
    sqlite.transaction(() => {
      for (const t of triggers) sqlite.exec(t.sql);
      sqlite
        .prepare(`INSERT INTO ${SEARCH_TABLE}(rowid, tokens) SELECT id, search_tokens(${SEARCH_COLUMNS.join(', ')}) FROM orders WHERE id > ?`)
        .run(before);
    }).immediate();
    optimizeSearchIndex(sqlite);
  }
}

/**
 * For one large write transaction that inserts many orders (an import): the per-row insert trigger
 * flushes the full-text index on every statement, which makes each insert several times slower. Call
 * this INSIDE the transaction: it drops the insert trigger and returns `finish`, which (still inside
 * the same transaction) indexes every order inserted since in one statement and restores the trigger.
 * A rollback undoes the drop too, so no other connection ever sees the trigger missing.
 */
export function deferSearchInsertsInTransaction(sqlite: BetterSqlite3.Database): () => void {
  if (!sqlite.inTransaction) throw new Error('deferSearchInsertsInTransaction needs an open transaction');
  const trigger = sqlite
    .prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = '${SEARCH_TABLE}_insert'`)
    .get() as { sql: string } | undefined;
  if (!trigger) return () => {};
  const before = (sqlite.prepare('SELECT coalesce(max(id), 0) AS m FROM orders').get() as { m: number }).m;
  sqlite.exec(`DROP TRIGGER "${SEARCH_TABLE}_insert"`);
  return () => {
    sqlite
      .prepare(`INSERT INTO ${SEARCH_TABLE}(rowid, tokens) SELECT id, search_tokens(${SEARCH_COLUMNS.join(', ')}) FROM orders WHERE id > ?`)
      .run(before);
    sqlite.exec(trigger.sql);
  };
}
