import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { aboutText, buildMenuTemplate } from '../../../main/electron/menu.js';

vi.mock('electron', () => import('./fake-electron.js'));

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

const labels = (items: MenuItemConstructorOptions[]) => flatten(items).filter((i) => i.type !== 'separator').map((i) => i.label);

describe('application menu', () => {
  const dev = buildMenuTemplate({ isPackaged: false, platform: 'win32', onAbout: () => {} });

  it('has the five Chinese top-level menus on Windows and Linux', () => {
    expect(dev.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
    expect(buildMenuTemplate({ isPackaged: true, platform: 'linux', onAbout: () => {} }).map((m) => m.label)).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
  });

  it('labels every item in Chinese (no English role default shows through)', () => {
    for (const template of [dev, buildMenuTemplate({ isPackaged: false, platform: 'darwin', onAbout: () => {} })]) {
      for (const label of labels(template)) {
        expect(label, String(label)).toMatch(/^[\u4e00-\u9fff]+$/);
      }
    }
  });

  it('offers the expected commands', () => {
    const all = labels(dev);
    for (const l of ['退出', '撤销', '重做', '剪切', '复制', '粘贴', '全选', '重新加载', '实际大小', '放大', '缩小', '全屏', '关于接诉台']) {
      expect(all).toContain(l);
    }
    const byLabel = new Map(flatten(dev).map((i) => [i.label, i.role]));
    expect(byLabel.get('退出')).toBe('quit');
    expect(byLabel.get('复制')).toBe('copy');
    expect(byLabel.get('粘贴')).toBe('paste');
  });

  it('shows the developer tools only when not packaged', () => {
    expect(labels(dev)).toContain('开发者工具');
    const packaged = buildMenuTemplate({ isPackaged: true, platform: 'win32', onAbout: () => {} });
    expect(labels(packaged)).not.toContain('开发者工具');
    expect(flatten(packaged).some((i) => i.role === 'toggleDevTools' || i.role === 'forceReload')).toBe(false);
  });

  it('opens the about box with the version', () => {
    const onAbout = vi.fn();
    const about = flatten(buildMenuTemplate({ isPackaged: true, platform: 'win32', onAbout })).find((i) => i.label === '关于接诉台')!;
    (about.click as () => void)();
    expect(onAbout).toHaveBeenCalledOnce();
    const text = aboutText('1.2.3');
    expect(text.title).toBe('关于接诉台');
    expect(text.message).toContain('1.2.3');
  });
});
