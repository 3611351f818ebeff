/**
 * The application menu, in Chinese. Built as a plain template (no electron import) so tests can
 * read every label; main.ts turns it into a Menu.
 */
import type { MenuItemConstructorOptions } from 'electron';

export const APP_NAME = '接诉台';

export interface MenuOptions {
  /** Packaged builds hide the developer tools entry (and the window disables DevTools). */
  isPackaged: boolean;
  platform: NodeJS.Platform;
  onAbout(): void;
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const about: MenuItemConstructorOptions = { label: `关于${APP_NAME}`, click: () => options.onAbout() };

  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: '重新加载' },
    { type: 'separator' },
    { role: 'resetZoom', label: '实际大小' },
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '全屏' },
  ];
  if (!options.isPackaged) view.push({ type: 'separator' }, { role: 'toggleDevTools', label: '开发者工具' });

  const template: MenuItemConstructorOptions[] = [
    { label: '文件', submenu: [{ role: 'quit', label: '退出' }] },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    { label: '视图', submenu: view },
    {
      label: '窗口',
      submenu: [
        { role: 'minimize', label: '最小化' },
        { role: 'close', label: '关闭窗口' },
      ],
    },
    { label: '帮助', submenu: [about] },
  ];
  // macOS puts the app's own menu first; Windows and Linux office PCs never see it.
  if (isMac) template.unshift({ label: APP_NAME, submenu: [about, { type: 'separator' }, { role: 'quit', label: `退出${APP_NAME}` }] });
  return template;
}

/** The text of the 关于 box. */
export function aboutText(version: string): { title: string; message: string; detail: string } {
  return {
    title: `关于${APP_NAME}`,
    message: `${APP_NAME} ${version}`,
    detail: '街道接诉即办工单管理桌面客户端。\n数据保存在本机，不连接互联网。',
  };
}
