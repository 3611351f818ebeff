/**
 * The contract suite's cases for the reports (spread into tests/unit/contract/suite.ts): the fixture's
 * week as A4 sheets, and the same report written as HTML to a file the test names.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { ApiClient } from '../../../preload/contract/client.js';
import type { reportsMethods } from '../../../preload/contract/methods/reports.js';
import { STREET_NAME } from '../contract/fixture.js';

export type ReportsMethodName = keyof typeof reportsMethods;
interface Case {
  happy: () => Promise<void>;
  invalid: unknown[];
}

export function reportsContractCases(client: () => ApiClient): Record<ReportsMethodName, Case> {
  const dir = mkdtempSync(join(tmpdir(), 'jiesu-reports-contract-'));
  return {
    'reports.build': {
      async happy() {
        const r = await client().send('reports.build', { kind: 'weekly', date: '2026-03-02' });
        expect(r.title).toBe(`${STREET_NAME}接诉即办工作周汇报`);
        expect(r.period).toMatchObject({ kind: 'week', firstDay: '2026-03-02', lastDay: '2026-03-08' });
        expect(r.body.match(/<section class="jr-sheet"/g)).toHaveLength(r.pageCount);
        expect(r.body).toContain(`第 ${r.pageCount} 页 / 共 ${r.pageCount} 页`);
        expect(r.css).toContain('210mm');
      },
      invalid: [{}, { kind: 'yearly', date: '2026-03-02' }, { kind: 'weekly', date: '2026-02-30' }, { kind: 'weekly', date: '2026-03-02', extra: 1 }],
    },
    'reports.save': {
      async happy() {
        const path = join(dir, `日通报-${Math.random().toString(36).slice(2)}.html`);
        const r = await client().send('reports.save', { kind: 'daily', date: '2026-03-02', format: 'html', path });
        expect(r).toMatchObject({ path, title: `${STREET_NAME}接诉即办工作日通报（2026年3月1日 12:00—3月2日 12:00）` });
        expect(r.pageCount).toBeGreaterThanOrEqual(1);
        expect(readFileSync(path, 'utf8')).toContain('<section class="jr-sheet"');
      },
      invalid: [
        { kind: 'daily', date: '2026-03-02', format: 'xlsx', path: 'x.xlsx' },
        { kind: 'daily', date: '2026-03-02', format: 'pdf', path: '' },
        { kind: 'daily', date: '2026-03-02', format: 'pdf' },
        { kind: 'hourly', date: '2026-03-02', format: 'pdf', path: 'x.pdf' },
      ],
    },
  };
}
