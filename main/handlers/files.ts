/**
 * Handlers of the file-choosing methods for callers without a file dialog (the CLI, tests, any
 * in-process use). The desktop and browser transports answer these methods themselves before the
 * dispatcher is reached (main/electron/files.ts, main/web/upload.ts + download.ts); whoever gets here
 * names files directly instead.
 */
import { AppError } from '../../preload/contract/errors.js';
import type { Handlers } from '../dispatch.js';

const noDialog = () =>
  new AppError('FORBIDDEN', '此处没有文件对话框：请在桌面版中选择文件，或在浏览器页面中上传 / 下载；命令行请直接给出文件路径。');

export function fileHandlers() {
  return {
    'files.pickImport': () => {
      throw noDialog();
    },
    'files.pickExportTarget': () => {
      throw noDialog();
    },
  } satisfies Pick<Handlers, 'files.pickImport' | 'files.pickExportTarget'>;
}
