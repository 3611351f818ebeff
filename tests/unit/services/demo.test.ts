import { describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '../../../db/connection.js';
import { migrate } from '../../../db/migrator.js';
import { seedDemo } from '../../../main/services/demo/seed.js';
import { beijingParts, fromBeijing } from '../../../preload/contract/time.js';

const UNTIL = fromBeijing(2026, 3, 31, 18); // a winter (heating season) into spring
async function seeded(seed: number, days = 120): Promise<DbHandle> {
  const h = createDb(':memory:');
  await migrate(h, { appVersion: 'test' });
  await seedDemo(h, { seed, days, until: UNTIL });
  return h;
}
const all = <T>(h: DbHandle, sql: string, ...p: unknown[]) => h.sqlite.prepare(sql).all(...p) as T[];
const one = <T>(h: DbHandle, sql: string, ...p: unknown[]) => h.sqlite.prepare(sql).get(...p) as T;

describe('demo data', () => {
  it('is deterministic for a seed and differs between seeds', async () => {
    const fingerprint = (h: DbHandle) => one<{ f: string }>(h, "SELECT group_concat(order_no || content || status, '|') AS f FROM (SELECT * FROM orders ORDER BY id LIMIT 300)").f;
    const [a, b, c] = await Promise.all([seeded(7, 30), seeded(7, 30), seeded(8, 30)]);
    expect(fingerprint(a)).toBe(fingerprint(b));
    expect(fingerprint(a)).not.toBe(fingerprint(c));
  });

  it('looks like a real street: ~35 a day, call peaks at 9–11 and 14–16, heating complaints in winter', async () => {
    const h = await seeded(1);
    const n = one<{ n: number }>(h, 'SELECT count(*) AS n FROM orders').n;
    expect(n).toBe(120 * 35);
    const hours = new Array(24).fill(0);
    for (const r of all<{ received_at: number }>(h, 'SELECT received_at FROM orders')) hours[beijingParts(r.received_at).hour]++;
    const peak = hours[9] + hours[10] + hours[14] + hours[15];
    const night = hours[1] + hours[2] + hours[3] + hours[4];
    expect(peak / n).toBeGreaterThan(0.25);
    expect(night / n).toBeLessThan(0.02);
    const heating = (month: number) =>
      all<{ received_at: number; category: string }>(h, 'SELECT received_at, category FROM orders').filter((r) => beijingParts(r.received_at).month === month);
    const janShare = heating(1).filter((r) => r.category.startsWith('供暖')).length / heating(1).length;
    expect(janShare).toBeGreaterThan(0.2);
    // 20 communities and 8 departments, each with a duty list.
    expect(one<{ n: number }>(h, "SELECT count(*) AS n FROM units WHERE kind = 'community'").n).toBe(20);
    expect(one<{ n: number }>(h, "SELECT count(*) AS n FROM units WHERE kind = 'department'").n).toBe(8);
    expect(one<{ n: number }>(h, 'SELECT count(DISTINCT unit_id) AS n FROM unit_duties').n).toBe(28);
  });

  it('has varied Chinese content, so searches are selective', async () => {
    const h = await seeded(2, 60);
    const r = one<{ distinct_content: number; n: number; leaves: number }>(
      h,
      'SELECT count(DISTINCT content) AS distinct_content, count(*) AS n, count(DISTINCT category) AS leaves FROM orders',
    );
    expect(r.distinct_content / r.n).toBeGreaterThan(0.98);
    expect(r.leaves).toBeGreaterThan(40);
    const withWord = (w: string) => one<{ n: number }>(h, 'SELECT count(*) AS n FROM orders WHERE content LIKE ?', `%${w}%`).n / r.n;
    expect(withWord('电梯')).toBeLessThan(0.1);
    expect(withWord('电梯')).toBeGreaterThan(0);
  });

  it('keeps every lifecycle consistent with its age and the deadlines', async () => {
    const h = await seeded(3);
    const bad = all(h, `
      SELECT id FROM orders WHERE
        (status = 'callback_done' AND (replied_at IS NULL OR closed_at IS NULL OR NOT EXISTS (SELECT 1 FROM callbacks c WHERE c.order_id = orders.id)))
        OR (status IN ('in_progress', 'replied', 'callback_done') AND accepted_at IS NULL)
        OR (first_contact_at IS NOT NULL AND first_contact_at < dispatched_at)
        OR (replied_at IS NOT NULL AND first_contact_at IS NULL)
        OR dispatched_at < received_at OR handle_due_at <= dispatched_at OR first_contact_due_at <= dispatched_at
        OR received_at > ?`, UNTIL);
    expect(bad).toEqual([]);
    // Nothing is dated after the end of the demo window.
    for (const [table, column] of [['events', 'at'], ['contacts', 'at'], ['callbacks', 'at'], ['orders', 'dispatched_at'], ['order_units', 'assigned_at']]) {
      expect(one<{ n: number }>(h, `SELECT count(*) AS n FROM ${table} WHERE ${column} > ?`, UNTIL).n, table).toBe(0);
    }
    // The timeline is the events: each order's first event is its import; events are in time order.
    const firstKinds = all<{ kind: string }>(h, 'SELECT kind FROM events WHERE id IN (SELECT min(id) FROM events GROUP BY order_id)');
    expect(new Set(firstKinds.map((k) => k.kind))).toEqual(new Set(['imported']));
    // Exactly one lead for every assigned order.
    expect(all(h, "SELECT order_id FROM order_units WHERE role = 'lead' GROUP BY order_id HAVING count(*) > 1")).toEqual([]);
    // Recent open work exists for the clerk to do.
    expect(one<{ n: number }>(h, "SELECT count(*) AS n FROM orders WHERE status IN ('received', 'in_progress', 'replied')").n).toBeGreaterThan(20);
  });

  it('gives recent 三率 of about 95–97%', async () => {
    const h = await seeded(4, 200);
    const r = one<{ response: number; resolution: number; satisfaction: number }>(h, `
      SELECT avg(contacted) AS response,
             avg(resolution = 'resolved') AS resolution,
             avg(CASE satisfaction WHEN 'satisfied' THEN 1.0 WHEN 'basic' THEN 0.9 ELSE 0 END) AS satisfaction
      FROM callbacks c JOIN orders o ON o.id = c.order_id
      WHERE c.valid = 1 AND o.appeal_type <> 'consult' AND c.at >= ?`, UNTIL - 90 * 86_400_000);
    for (const rate of [r.response, r.resolution, r.satisfaction]) {
      expect(rate).toBeGreaterThan(0.93);
      expect(rate).toBeLessThan(0.99);
    }
  });

  it('never seeds a database that already has orders', async () => {
    const h = await seeded(5, 5);
    await expect(seedDemo(h, { seed: 5, days: 5, until: UNTIL })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(one<{ v: string }>(h, "SELECT value AS v FROM app_meta WHERE key = 'demo'").v).toBe('1');
  });
});
