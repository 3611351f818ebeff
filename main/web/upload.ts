/**
 * Browser mode's way in for an import file. A browser cannot tell the server a file's path, and the
 * server must never read a path a page names (anyone holding the token could read any file the
 * process can), so the page uploads the file instead:
 *
 *   POST /upload   body = the file's bytes (application/octet-stream), header X-Jiesu-File-Name = the
 *                  file's name, percent-encoded UTF-8. Answer 201 {path: "upload:<id>", name, size}.
 *
 * The bytes stream to a file in the server's per-launch folder (never held in memory) and stop at
 * the size limit. The answer's `path` is an opaque reference: `import.preview` over the WebSocket
 * accepts only such references (see `guard`), which this module maps to the stored file.
 *
 * Who may upload: the server has already checked Host and the token (cookie or ?token=). A POST also
 * needs our exact Origin (browsers always send it on POST), a same-origin Sec-Fetch-Site when the
 * browser sends one, and the non-form content type — so another page or local port cannot make the
 * clerk's browser upload anything, even though the cookie is shared by every port of 127.0.0.1.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { api, MAX_UPLOAD_BYTES, UPLOAD_NAME_HEADER, UPLOAD_PATH, type MethodName } from '../../preload/api.js';
import type { ErrorCode } from '../../preload/contract/errors.js';
import type { CallContext, Dispatch } from '../dispatch.js';
import { parseBackupName } from '../services/backup/names.js';

export { MAX_UPLOAD_BYTES, UPLOAD_PATH };
/** Uploads kept at once; the oldest is deleted to make room (an import only needs the latest). */
const MAX_UPLOADS = 8;
const UPLOAD_REF = /^upload:([A-Za-z0-9_-]{24})$/;

type DispatchResult = Awaited<ReturnType<Dispatch>>;

export function failure(code: ErrorCode, message: string): DispatchResult {
  return { error: { code, message } };
}

/**
 * The arguments of `name` as the contract reads them, or null when they are invalid — the caller then
 * lets the dispatcher answer, so a bad request gets the same INVALID_INPUT message on every transport.
 */
export function contractArgs<K extends MethodName>(name: K, args: unknown): Record<string, unknown> | null {
  const parsed = api[name].input.safeParse(args ?? {});
  return parsed.success ? (args as Record<string, unknown>) : null;
}

/** Server folders never reach the page, not even inside an error message. */
export function scrubPath(result: DispatchResult, realPath: string, shown: string): DispatchResult {
  if (!('error' in result) || !result.error.message.includes(realPath)) return result;
  return { error: { ...result.error, message: result.error.message.split(realPath).join(shown) } };
}

/**
 * A file name that is safe as one path segment on every OS and still recognisable to the clerk:
 * folders, control and reserved characters removed, at most 120 characters.
 */
export function safeFileName(raw: string, fallback: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f:*?"<>|]/g, '')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 120);
  return cleaned === '' ? fallback : cleaned;
}

export function newId(): string {
  return randomBytes(18).toString('base64url');
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

function refuse(res: ServerResponse, status: number, code: ErrorCode, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { error: { code, message } }, headers);
}

/** Browsers say where a request comes from; anything but our own page (or a typed address) is refused. */
export function fetchSiteOk(req: IncomingMessage, allowed: readonly string[]): boolean {
  const site = req.headers['sec-fetch-site'];
  return site === undefined || allowed.includes(String(site));
}

interface Upload {
  id: string;
  name: string;
  path: string;
  size: number;
}

class TooLarge extends Error {}

export interface UploadOptions {
  /** The per-launch folder; uploads go to <dir>/uploads/<id>/<name>. */
  dir: string;
  /** http://127.0.0.1:PORT, known once the server listens. */
  origin: () => string;
  maxBytes?: number;
  /** Tests that drive the ledger with their own files may name server paths; browser mode never does. */
  trustClientPaths?: boolean;
}

export class Uploads {
  private readonly files = new Map<string, Upload>();
  private readonly maxBytes: number;

  constructor(private readonly options: UploadOptions) {
    this.maxBytes = options.maxBytes ?? MAX_UPLOAD_BYTES;
  }

  /** POST /upload, from the first byte to the answer. */
  async receive(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return refuse(res, 405, 'INVALID_INPUT', '上传地址只接受 POST 请求。', { Allow: 'POST' });
    if (req.headers.origin !== this.options.origin() || !fetchSiteOk(req, ['same-origin'])) {
      return refuse(res, 403, 'FORBIDDEN', '拒绝来自其他来源的上传。请在接诉台自己的页面中选择文件。');
    }
    const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/octet-stream') return refuse(res, 415, 'INVALID_INPUT', '上传格式不正确：文件内容须以 application/octet-stream 发送。');
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > this.maxBytes) {
      // Not worth reading: answer, then drop the connection instead of swallowing the body.
      return this.tooLarge(res, () => req.destroy());
    }

    let rawName = '';
    try {
      rawName = decodeURIComponent(String(req.headers[UPLOAD_NAME_HEADER.toLowerCase()] ?? ''));
    } catch {
      rawName = '';
    }
    const id = newId();
    const name = safeFileName(rawName, '上传的表格');
    const folder = join(this.options.dir, 'uploads', id);
    const path = join(folder, name);
    await mkdir(folder, { recursive: true, mode: 0o700 });

    let size = 0;
    const limit = this.maxBytes;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        done(size > limit ? new TooLarge() : null, chunk);
      },
    });
    try {
      await pipeline(req, counter, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
    } catch (e) {
      await rm(folder, { recursive: true, force: true });
      if (e instanceof TooLarge) return this.tooLarge(res, () => req.destroy());
      // The page went away mid-upload: nobody is left to answer.
      if (req.destroyed || res.headersSent) return void res.destroy();
      return refuse(res, 500, 'INTERNAL', '保存上传的文件失败（可能磁盘空间不足），请重试。');
    }
    this.files.set(id, { id, name, path, size });
    await this.evict();
    sendJson(res, 201, { path: `upload:${id}`, name, size });
  }

  private tooLarge(res: ServerResponse, then: () => void): void {
    const gb = (this.maxBytes / 1024 ** 3).toFixed(this.maxBytes % 1024 ** 3 === 0 ? 0 : 2);
    const limit = this.maxBytes >= 1024 ** 3 ? `${gb} GB` : `${Math.max(1, Math.round(this.maxBytes / 1024))} KB`;
    refuse(res, 413, 'IMPORT_TOO_LARGE', `文件过大：浏览器模式最多上传 ${limit}。请把文件拆分后分批导入，或在桌面版中导入。`, { Connection: 'close' });
    res.once('finish', then);
  }

  private async evict(): Promise<void> {
    while (this.files.size > MAX_UPLOADS) {
      const oldest = this.files.values().next().value as Upload;
      this.files.delete(oldest.id);
      await rm(join(this.options.dir, 'uploads', oldest.id), { recursive: true, force: true });
    }
  }

  /** The stored file behind an `upload:<id>` reference; null for anything else. */
  resolve(ref: string): Upload | null {
    const m = UPLOAD_REF.exec(ref);
    return m ? (this.files.get(m[1]!) ?? null) : null;
  }

  /**
   * The WebSocket's view of checking and restoring a backup: the file is an uploaded one (`upload:<id>`,
   * mapped to the stored file; its server path never travels back) or a backup of the folder's list,
   * by its bare name (the backup service looks it up in the folder). A path is refused: restore reads the
   * file it is given, and the page must not choose which server file that is.
   */
  private async backupFile(name: 'backup.inspect' | 'backup.restore', args: unknown, ctx: CallContext, dispatch: Dispatch): Promise<DispatchResult> {
    const valid = contractArgs(name, args);
    if (!valid) return dispatch(name, args, ctx);
    const ref = String(valid['file']).trim();
    if (!ref.startsWith('upload:') && parseBackupName(ref) !== null) return dispatch(name, { ...valid, file: ref }, ctx);
    const file = this.resolve(ref);
    if (!file) {
      if (this.options.trustClientPaths && !ref.startsWith('upload:')) return dispatch(name, args, ctx);
      return failure(
        'FORBIDDEN',
        ref.startsWith('upload:')
          ? '上传的备份文件已过期或无效，请重新选择文件上传。'
          : '浏览器模式不接受服务器上的文件路径：请从备份列表中选择，或上传备份文件。',
      );
    }
    const result = scrubPath(await dispatch(name, { ...valid, file: file.path }, ctx), file.path, file.name);
    if (!('reply' in result)) return result;
    // What the backend says of the file names it by the clerk's upload, not the server's folder.
    const reply = result.reply as { path?: unknown; restored?: { path?: unknown } };
    if (name === 'backup.inspect') return { reply: { ...reply, path: file.name } };
    return { reply: { ...reply, restored: { ...reply.restored, path: file.name } } };
  }

  /**
   * The WebSocket's view of the import methods: `import.preview` reads only uploaded files (its `path`
   * is an upload reference, mapped here to the stored file), and `files.pickImport` — a desktop dialog —
   * tells the page to upload instead.
   */
  guard(dispatch: Dispatch): Dispatch {
    return async (name: string, args: unknown, ctx: CallContext) => {
      if (name === 'files.pickImport') {
        if (!contractArgs(name, args)) return dispatch(name, args, ctx);
        return failure('FORBIDDEN', '浏览器模式没有系统文件对话框：请把文件拖到导入页面，或点「选择文件」上传。');
      }
      if (name === 'backup.inspect' || name === 'backup.restore') return this.backupFile(name, args, ctx, dispatch);
      if (name !== 'import.preview') return dispatch(name, args, ctx);
      const valid = contractArgs(name, args);
      if (!valid) return dispatch(name, args, ctx);
      const ref = String(valid['path']).trim();
      const file = this.resolve(ref);
      if (!file) {
        if (this.options.trustClientPaths && !ref.startsWith('upload:')) return dispatch(name, args, ctx);
        return failure('FORBIDDEN', '浏览器模式只能导入在本页面上传的文件（上传已过期或无效），请重新选择文件。');
      }
      return scrubPath(await dispatch(name, { ...valid, path: file.path }, ctx), file.path, file.name);
    };
  }
}
