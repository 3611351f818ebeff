/**
 * Browser mode's way out for a report (main/web/download.ts): `files.pickExportTarget` reserves a pdf /
 * docx target, `reports.save` may write only there (never to a path the page names), and the file is
 * then served under its Chinese name with the right type.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Dispatch } from '../../../main/dispatch.js';
import { Downloads } from '../../../main/web/download.js';

const ctx = { actor: 'browser', transport: 'web' as const };

describe('browser mode report downloads', () => {
  it('writes a report only to a reserved target and answers with the reference', async () => {
    const downloads = new Downloads({ dir: mkdtempSync(join(tmpdir(), 'jiesu-dl-')) });
    const inner = vi.fn<Dispatch>(async (_name, args) => {
      writeFileSync((args as { path: string }).path, '%PDF-1.4');
      return { reply: { path: (args as { path: string }).path, bytes: 8, pageCount: 2, title: '周汇报' } };
    });
    const guard = downloads.guard(inner);
    const picked = await guard('files.pickExportTarget', { name: '周汇报-2026-11-23至2026-11-29', format: 'pdf' }, ctx);
    const target = (picked as { reply: { path: string; name: string; downloadUrl: string } }).reply;
    expect(target.name).toBe('周汇报-2026-11-23至2026-11-29.pdf');
    const args = { kind: 'weekly', date: '2026-11-25', format: 'pdf', path: target.path };
    const saved = await guard('reports.save', args, ctx);
    expect(saved).toEqual({ reply: { path: target.path, bytes: 8, pageCount: 2, title: '周汇报' } });
    // The real file lives in the server's folder; the page never sees it.
    expect((inner.mock.calls[0]![1] as { path: string }).path).toMatch(/downloads.+周汇报.+\.pdf$/);
    expect(downloads.resolve(target.path)).toMatchObject({ format: 'pdf', written: true });

    // A path of the page's own choosing, or a target of another format, is refused.
    expect(await guard('reports.save', { ...args, path: '/etc/passwd' }, ctx)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(await guard('reports.save', { ...args, format: 'docx' }, ctx)).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    expect(inner).toHaveBeenCalledTimes(1);
  });
});
