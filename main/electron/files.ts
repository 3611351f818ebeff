/**
 * The desktop's file dialogs, behind the typed API: `files.pickImport` shows the system's 打开 dialog,
 * `files.pickExportTarget` its 另存为 dialog. They are answered here, in front of the shared dispatcher
 * (shell.ts wraps the dispatch it hands to ipc.ts), so the renderer still talks only to window.api.
 *
 * What the page may do with paths:
 *  - read: `import.preview` takes any path — the one the 打开 dialog returned, or a file the clerk dropped
 *    on the window (the preload's `pathForFile`). Reading a spreadsheet the clerk can open anyway gives
 *    the page nothing it could not already see.
 *  - write: `export.ledger` and `reports.save` write only to a path the clerk chose in the 另存为 dialog of this session
 *    (each choice is good for one export, within 30 minutes). So even a page gone wrong cannot overwrite
 *    an arbitrary file on the office PC.
 */
import { basename, dirname, extname, join } from 'node:path';
import type { BrowserWindow, Dialog, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { api, type ExportTarget, type PickedImport } from '../../preload/api.js';
import type { CallContext, Dispatch } from '../dispatch.js';

const GRANT_MS = 30 * 60_000;

type Format = 'xlsx' | 'csv' | 'pdf' | 'docx' | 'html';
/** Formats of the reports (reports.save); the others are the ledger's. */
const REPORT_FORMATS: ReadonlySet<Format> = new Set(['pdf', 'docx', 'html']);

const EXPORT_FILTERS: Record<Format, SaveDialogOptions['filters']> = {
  xlsx: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
  csv: [{ name: 'CSV 文件（UTF-8）', extensions: ['csv'] }],
  pdf: [{ name: 'PDF 文件', extensions: ['pdf'] }],
  docx: [{ name: 'Word 文档', extensions: ['docx'] }],
  html: [{ name: '网页文件', extensions: ['html'] }],
};

export interface DesktopFilesDeps {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  /** The window the dialog belongs to (modal to it); null shows a free-standing dialog. */
  parent(): BrowserWindow | null;
  /** Where the first dialog opens (the user's 文档 folder). */
  documentsDir(): string;
  now?: () => number;
}

export interface DesktopFiles {
  /** Answers the file methods and checks export targets; everything else goes to `dispatch` unchanged. */
  guard(dispatch: Dispatch): Dispatch;
}

/** The chosen save path, with the format's extension when the clerk typed none (or another). */
export function withExtension(path: string, format: Format): string {
  return extname(path).toLowerCase() === `.${format}` ? path : `${path}.${format}`;
}

export function createDesktopFiles(deps: DesktopFilesDeps): DesktopFiles {
  const now = deps.now ?? Date.now;
  /** Save paths chosen in the 另存为 dialog → until when they may be written. */
  const grants = new Map<string, number>();
  /** The folder of the last file chosen: the next dialog opens there. */
  let lastFolder: string | null = null;

  const openDialog = (options: OpenDialogOptions) => {
    const parent = deps.parent();
    return parent ? deps.dialog.showOpenDialog(parent, options) : deps.dialog.showOpenDialog(options);
  };
  const saveDialog = (options: SaveDialogOptions) => {
    const parent = deps.parent();
    return parent ? deps.dialog.showSaveDialog(parent, options) : deps.dialog.showSaveDialog(options);
  };

  async function pickImport(): Promise<PickedImport | null> {
    const result = await openDialog({
      title: '选择要导入的表格',
      buttonLabel: '导入',
      defaultPath: lastFolder ?? deps.documentsDir(),
      properties: ['openFile'],
      filters: [
        { name: '表格文件（xlsx、csv）', extensions: ['xlsx', 'csv', 'txt'] },
        { name: '所有文件', extensions: ['*'] },
      ],
    });
    const path = result.canceled ? undefined : result.filePaths[0];
    if (!path) return null;
    lastFolder = dirname(path);
    return { path, name: basename(path) };
  }

  async function pickExportTarget(name: string, format: Format): Promise<ExportTarget | null> {
    const result = await saveDialog({
      title: REPORT_FORMATS.has(format) ? '保存报表' : '导出台账',
      buttonLabel: REPORT_FORMATS.has(format) ? '保存' : '导出',
      defaultPath: join(lastFolder ?? deps.documentsDir(), name),
      filters: EXPORT_FILTERS[format],
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    });
    if (result.canceled || !result.filePath) return null;
    const path = withExtension(result.filePath, format);
    lastFolder = dirname(path);
    for (const [p, until] of grants) if (until < now()) grants.delete(p);
    grants.set(path, now() + GRANT_MS);
    return { path, name: basename(path), downloadUrl: null };
  }

  const parse = <K extends 'files.pickImport' | 'files.pickExportTarget' | 'export.ledger' | 'reports.save'>(name: K, args: unknown) => {
    const parsed = api[name].input.safeParse(args ?? {});
    return parsed.success ? (args as Record<string, unknown>) : null;
  };

  return {
    guard(dispatch: Dispatch): Dispatch {
      return async (name: string, args: unknown, ctx: CallContext) => {
        if (name !== 'files.pickImport' && name !== 'files.pickExportTarget' && name !== 'export.ledger' && name !== 'reports.save') return dispatch(name, args, ctx);
        // Invalid input: the dispatcher words the INVALID_INPUT answer, the same on every transport.
        const valid = parse(name, args);
        if (!valid) return dispatch(name, args, ctx);
        try {
          if (name === 'files.pickImport') return { reply: await pickImport() };
          if (name === 'files.pickExportTarget') return { reply: await pickExportTarget(String(valid['name']).trim(), valid['format'] as Format) };
        } catch {
          return { error: { code: 'INTERNAL', message: '无法打开文件对话框，请重试。' } };
        }
        const path = String(valid['path']).trim();
        const until = grants.get(path);
        if (until === undefined || until < now()) {
          return { error: { code: 'FORBIDDEN', message: '只能导出到在「另存为」对话框中选择的位置（选择后 30 分钟内有效），请重新点击「导出」。' } };
        }
        const result = await dispatch(name, { ...valid, path }, ctx);
        if ('reply' in result) grants.delete(path);
        return result;
      };
    },
  };
}
