/**
 * Browser mode's way out for an exported ledger. The page cannot name a server path to write, so:
 *  1. `files.pickExportTarget` {name, format} (over the WebSocket) reserves a target in the server's
 *     per-launch folder and answers {path: "download:<id>", name, downloadUrl: "/download/<id>"};
 *  2. `export.ledger` accepts only such a `path` (see `guard`), writes the file there, and answers with
 *     the reference again — the server's folders never reach the page;
 *  3. the page fetches GET /download/<id> (token cookie), which streams the file as an attachment under
 *     its Chinese name (RFC 5987 `filename*`).
 * Ids are random and only ever looked up in a map (never joined into a path), so no request can reach
 * another file. Targets expire after an hour and go with the folder when the server stops.
 */
import { createReadStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ExportTarget } from '../../preload/api.js';
import type { CallContext, Dispatch } from '../dispatch.js';
import { contractArgs, failure, fetchSiteOk, newId, safeFileName, scrubPath } from './upload.js';

export const DOWNLOAD_PREFIX = '/download/';
const DOWNLOAD_PATH = /^\/download\/([A-Za-z0-9_-]{24})$/;
const DOWNLOAD_REF = /^download:([A-Za-z0-9_-]{24})$/;
const TARGET_TTL_MS = 60 * 60_000;
const MAX_TARGETS = 20;

type Format = 'xlsx' | 'csv' | 'pdf' | 'docx' | 'html';
/** The methods that write an export target: the ledger and the reports. */
const WRITERS: ReadonlySet<string> = new Set(['export.ledger', 'reports.save']);

const CONTENT_TYPE: Record<Format, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
};

interface Target {
  id: string;
  name: string;
  format: Format;
  path: string;
  createdAt: number;
  /** Set once export.ledger has written the file. */
  written: boolean;
}

/**
 * `attachment` with an ASCII fallback name (non-ASCII → _) and the real name in RFC 5987's `filename*`,
 * which every current browser prefers: 区考核台账-20260301.xlsx arrives under that name.
 */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The suggested name with the format's extension (added or corrected). */
export function targetName(suggested: string, format: Format): string {
  const base = safeFileName(suggested, '台账').replace(/\.(xlsx|csv|xls|pdf|docx|html?)$/i, '');
  return `${base || '台账'}.${format}`;
}

function plain(res: ServerResponse, status: number, message: string): void {
  const body = `${message}\n`;
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(Buffer.byteLength(body)), 'Cache-Control': 'no-store' });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

export interface DownloadOptions {
  /** The per-launch folder; targets live in <dir>/downloads/<id>/<name>. */
  dir: string;
  now?: () => number;
  trustClientPaths?: boolean;
}

export class Downloads {
  private readonly targets = new Map<string, Target>();
  private readonly now: () => number;

  constructor(private readonly options: DownloadOptions) {
    this.now = options.now ?? Date.now;
  }

  async reserve(suggested: string, format: Format): Promise<ExportTarget> {
    await this.sweep();
    const id = newId();
    const name = targetName(suggested, format);
    const folder = join(this.options.dir, 'downloads', id);
    await mkdir(folder, { recursive: true, mode: 0o700 });
    this.targets.set(id, { id, name, format, path: join(folder, name), createdAt: this.now(), written: false });
    return { path: `download:${id}`, name, downloadUrl: `${DOWNLOAD_PREFIX}${id}` };
  }

  /** Drops expired targets, and the oldest ones beyond the cap. */
  private async sweep(): Promise<void> {
    const cutoff = this.now() - TARGET_TTL_MS;
    const stale = [...this.targets.values()].filter((t, i) => t.createdAt < cutoff || i < this.targets.size - (MAX_TARGETS - 1));
    for (const t of stale) {
      this.targets.delete(t.id);
      await rm(join(this.options.dir, 'downloads', t.id), { recursive: true, force: true });
    }
  }

  private live(id: string): Target | null {
    const t = this.targets.get(id);
    return t && t.createdAt >= this.now() - TARGET_TTL_MS ? t : null;
  }

  resolve(ref: string): Target | null {
    const m = DOWNLOAD_REF.exec(ref);
    return m ? this.live(m[1]!) : null;
  }

  /** GET/HEAD /download/<id>. */
  async send(req: IncomingMessage, res: ServerResponse, rawPath: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return plain(res, 405, '下载地址只接受 GET 请求。');
    }
    // A link on our own page, or the address typed by the clerk; never another site or local port.
    if (!fetchSiteOk(req, ['same-origin', 'none'])) return plain(res, 403, '拒绝来自其他来源的下载请求。');
    const m = DOWNLOAD_PATH.exec(rawPath);
    const target = m ? this.live(m[1]!) : null;
    if (!target || !target.written) return plain(res, 404, '找不到该导出文件：可能尚未生成，或已过期（导出文件保留 1 小时）。请重新导出。');
    let size: number;
    try {
      size = (await stat(target.path)).size;
    } catch {
      return plain(res, 404, '找不到该导出文件，请重新导出。');
    }
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPE[target.format],
      'Content-Length': String(size),
      'Content-Disposition': contentDisposition(target.name),
      'Cache-Control': 'no-store',
    });
    if (req.method === 'HEAD') return void res.end();
    await pipeline(createReadStream(target.path), res);
  }

  /**
   * The WebSocket's view of exporting: `files.pickExportTarget` reserves a download target, and
   * `export.ledger` and `reports.save` write only to one (mapped here to its file), answering with the reference.
   */
  guard(dispatch: Dispatch): Dispatch {
    return async (name: string, args: unknown, ctx: CallContext) => {
      if (name === 'files.pickExportTarget') {
        const valid = contractArgs(name, args);
        if (!valid) return dispatch(name, args, ctx);
        return { reply: await this.reserve(String(valid['name']), valid['format'] as Format) };
      }
      if (!WRITERS.has(name)) return dispatch(name, args, ctx);
      const valid = contractArgs(name as 'export.ledger' | 'reports.save', args);
      if (!valid) return dispatch(name, args, ctx);
      const ref = String(valid['path']).trim();
      const target = this.resolve(ref);
      if (!target) {
        if (this.options.trustClientPaths && !ref.startsWith('download:')) return dispatch(name, args, ctx);
        return failure('FORBIDDEN', '浏览器模式只能导出到本页面生成的下载地址（可能已过期），请重新点击「导出」。');
      }
      if (target.format !== valid['format']) return failure('INVALID_INPUT', `导出格式与文件名「${target.name}」不一致，请重新点击「导出」。`);
      const result = scrubPath(await dispatch(name, { ...valid, path: target.path }, ctx), target.path, target.name);
      if ('error' in result) return result;
      target.written = true;
      return { reply: { ...(result.reply as Record<string, unknown>), path: ref } };
    };
  }
}
