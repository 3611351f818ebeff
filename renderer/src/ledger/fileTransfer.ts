/**
 * Getting a file to the backend and a ledger back to the clerk, the two ways the app runs:
 *  - desktop (Electron): the typed API's system dialogs (files.pickImport / files.pickExportTarget) and,
 *    for drag and drop, the preload's pathForFile — the backend reads and writes the files in place;
 *  - browser mode: the browser cannot hand over a path, so the file is uploaded (POST /upload, the one
 *    request besides the API socket, with the token cookie) and the export is fetched from its
 *    download address. The answers have the same shape as the desktop's, so the pages need not care.
 */
import { MAX_UPLOAD_BYTES, UPLOAD_NAME_HEADER, UPLOAD_PATH, type PickedImport } from '../../../preload/api.js';
import { AppError, ERROR_CODES, type ErrorCode } from '../../../preload/contract/errors.js';

export const isDesktop = (): boolean => window.api !== undefined;

/** The path of a file dropped on the desktop window ('' when there is none, e.g. a dragged link). */
export function droppedPath(file: File): string {
  return window.api?.pathForFile?.(file) ?? '';
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} 字节`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

export interface Upload {
  done: Promise<PickedImport>;
  /** Stops the upload; `done` rejects with IMPORT_CANCELLED. */
  abort(): void;
}

function uploadError(status: number, text: string): AppError {
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
    const code = body.error?.code;
    if (body.error?.message && code && (ERROR_CODES as readonly string[]).includes(code)) return new AppError(code as ErrorCode, body.error.message);
  } catch {
    // Not our JSON (e.g. the 401 page): described below.
  }
  if (status === 401) return new AppError('UNAUTHORIZED', '访问令牌无效或已过期：请使用启动「jiesu serve」时显示的完整地址重新打开接诉台。');
  return new AppError('TRANSPORT', `上传失败（HTTP ${status}），请重试。`);
}

/** Browser mode: streams the file to the local server, reporting progress; answers what import.preview takes. */
export function uploadFile(file: File, onProgress: (loaded: number, total: number) => void): Upload {
  const xhr = new XMLHttpRequest();
  const done = new Promise<PickedImport>((resolve, reject) => {
    if (file.size > MAX_UPLOAD_BYTES) {
      reject(new AppError('IMPORT_TOO_LARGE', `文件过大（${formatBytes(file.size)}）：浏览器模式最多上传 ${formatBytes(MAX_UPLOAD_BYTES)}。请把文件拆分后分批导入，或在桌面版中导入。`));
      return;
    }
    const token = new URLSearchParams(window.location.search).get('token');
    xhr.open('POST', `${UPLOAD_PATH}${token ? `?token=${encodeURIComponent(token)}` : ''}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader(UPLOAD_NAME_HEADER, encodeURIComponent(file.name));
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      if (xhr.status !== 201) return reject(uploadError(xhr.status, xhr.responseText));
      try {
        const body = JSON.parse(xhr.responseText) as PickedImport;
        resolve({ path: body.path, name: body.name });
      } catch {
        reject(new AppError('TRANSPORT', '上传失败：本机服务的回答无法识别，请重试。'));
      }
    };
    xhr.onerror = () => reject(new AppError('TRANSPORT', '上传失败：与本机服务的连接中断。请确认接诉台仍在运行，然后重试。'));
    xhr.onabort = () => reject(new AppError('IMPORT_CANCELLED', '已取消上传，未写入任何内容。'));
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}

/** Browser mode: lets the browser save an exported file (same origin, the token cookie goes along). */
export function startDownload(url: string, name: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
}

/** An import session id the page chooses, so it can follow the progress and cancel before the preview returns. */
export function newImportToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
