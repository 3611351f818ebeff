/**
 * Contract methods for choosing files (the ledger's import source and export target). The backend works
 * on file paths, but where a path may come from depends on the transport, so each transport answers
 * these itself before the shared dispatcher is reached:
 *  - desktop (Electron IPC, main/electron/files.ts): the system's 打开 / 另存为 dialogs; `path` is the
 *    real path the clerk chose, and only a path chosen here may be written by `export.ledger`;
 *  - browser mode (main/web/upload.ts, download.ts): the browser cannot name a path, so an import file is
 *    uploaded (POST /upload → an opaque `upload:…` reference) and an export target is an opaque
 *    `download:…` reference in the server's per-launch folder, fetched afterwards from `downloadUrl`;
 *  - in-process callers (the CLI, tests) name their files directly and get FORBIDDEN here.
 * A `path` returned by these methods is only ever passed back to `import.preview` / `export.ledger` /
 * `reports.save`.
 */
import { z } from 'zod';
import { method } from '../method.js';

/** Browser mode's upload endpoint (main/web/upload.ts): POST the file's bytes, its name in this header. */
export const UPLOAD_PATH = '/upload';
export const UPLOAD_NAME_HEADER = 'X-Jiesu-File-Name';
/** The largest import file browser mode accepts (a 1M-row platform export is well below it). */
export const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;

/** The file name a save dialog suggests (no folders): 台账-平台格式-20260301.xlsx. */
const suggestedName = z
  .string()
  .trim()
  .min(1, '请填写文件名')
  .max(120, '文件名最多 120 个字符')
  .refine((s) => !/[\\/:*?"<>|\u0000-\u001f]/.test(s), '文件名不能包含 \\ / : * ? " < > | 等字符');

export const PickedImport = z.object({
  /** What to pass to import.preview as `path`. */
  path: z.string(),
  /** The file's own name, for the clerk. */
  name: z.string(),
});
export type PickedImport = z.infer<typeof PickedImport>;

export const ExportTarget = z.object({
  /** What to pass to export.ledger as `path`. */
  path: z.string(),
  /** The file's name as saved (or as the browser will save it). */
  name: z.string(),
  /** Browser mode: where to fetch the file once exported (same origin); null on the desktop (it is saved in place). */
  downloadUrl: z.string().nullable(),
});
export type ExportTarget = z.infer<typeof ExportTarget>;

export const fileMethods = {
  'files.pickImport': method(z.object({}).strict(), PickedImport.nullable(), '选择要导入的表格（桌面版弹出系统对话框；null 表示已取消）'),
  'files.pickExportTarget': method(
    // pdf / docx / html: the reports (reports.save), besides the ledger's xlsx / csv.
    z.object({ name: suggestedName, format: z.enum(['xlsx', 'csv', 'pdf', 'docx', 'html']) }).strict(),
    ExportTarget.nullable(),
    '选择导出文件的保存位置（桌面版弹出另存为对话框，浏览器模式生成下载地址；null 表示已取消）',
  ),
} as const;
