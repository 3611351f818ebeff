/**
 * The renderer build: renderer/ → dist/renderer, with relative URLs (base './') so the same files load
 * from file:// in Electron and from the loopback web server. Everything is bundled: fonts and icons
 * become files next to the code, never CDN links or data: URLs, so a strict CSP (default-src 'self')
 * holds. TSX goes through Vite's built-in oxc transform with React's automatic runtime.
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

const EXTENSIONS: Record<string, string> = {
  'image/svg+xml': 'svg',
  'image/png': 'png',
  'image/gif': 'gif',
  'font/woff2': 'woff2',
  'font/woff': 'woff',
  'application/font-woff': 'woff',
  'font/ttf': 'ttf',
};

/**
 * Third-party CSS (AG Grid's theme) embeds icons and its icon font as data: URLs, which `img-src 'self'`
 * and `font-src 'self'` refuse. Move each one into its own asset file beside the stylesheet.
 */
function dataUrlsToFiles(): Plugin {
  const pattern = /url\(\s*(?:"(data:[^"]*)"|'(data:[^']*)'|(data:[^)'"\s]*))\s*\)/g;
  return {
    name: 'jiesu:data-urls-to-files',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const asset of Object.values(bundle)) {
        if (asset.type !== 'asset' || !asset.fileName.endsWith('.css')) continue;
        const css = typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
        asset.source = css.replace(pattern, (whole, dq?: string, sq?: string, bare?: string) => {
          const url = dq ?? sq ?? bare ?? '';
          const comma = url.indexOf(',');
          const header = url.slice(5, comma);
          const ext = EXTENSIONS[header.split(';')[0]!.trim().toLowerCase()];
          if (comma < 0 || !ext) {
            this.warn(`无法转换的 data: URL（${header}），保留原样`);
            return whole;
          }
          const payload = url.slice(comma + 1);
          const bytes = header.includes(';base64') ? Buffer.from(payload, 'base64') : Buffer.from(decodeURIComponent(payload), 'utf8');
          const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 10);
          const fileName = `assets/embedded-${hash}.${ext}`;
          if (!bundle[fileName]) this.emitFile({ type: 'asset', fileName, source: bytes });
          // The stylesheet itself lives in assets/, so the file is its sibling.
          return `url("./${fileName.slice('assets/'.length)}")`;
        });
      }
    },
  };
}

export default defineConfig({
  root: here('./renderer'),
  base: './',
  publicDir: false,
  plugins: [dataUrlsToFiles()],
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'react' },
  },
  build: {
    outDir: here('./dist/renderer'),
    emptyOutDir: true,
    // Never inline assets as data: URLs (CSP), fonts stay separate files the browser loads per subset.
    assetsInlineLimit: 0,
    // Electron 45 ships Chromium 140; the browser mode targets a current Chromium/Edge.
    target: 'chrome120',
    sourcemap: true,
    chunkSizeWarningLimit: 2500,
  },
});
