/**
 * The renderer's built files, served from one folder and nothing outside it. The raw request path is
 * checked before any normalisation (a `..` segment, encoded or not, is refused outright rather than
 * quietly resolved), hidden files are never served, and symlinks may not lead out of the folder.
 * Unknown paths without a file extension are the single-page app's own routes: they get index.html.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ServerResponse } from 'node:http';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export type StaticLookup =
  | { kind: 'file'; path: string; size: number }
  /** A malformed or hostile path: 400. */
  | { kind: 'bad' }
  /** No such asset: 404. */
  | { kind: 'missing' };

/** Finds the file for a raw URL path (without the query), or says why there is none. */
export async function lookupStatic(root: string, rawPath: string): Promise<StaticLookup> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { kind: 'bad' };
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return { kind: 'bad' };
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return { kind: 'bad' };
  if (segments.some((s) => s.startsWith('.'))) return { kind: 'missing' };

  const rootAbs = resolve(root);
  const rel = segments.length === 0 ? 'index.html' : segments.join('/');
  const direct = await fileInside(rootAbs, resolve(rootAbs, rel));
  if (direct) return direct;
  // The app's own routes (/orders/12) have no extension; real assets always do.
  const last = segments[segments.length - 1] ?? '';
  if (!last.includes('.')) {
    const index = await fileInside(rootAbs, resolve(rootAbs, 'index.html'));
    if (index) return index;
    return { kind: 'missing' };
  }
  // The build links its assets relatively (./assets/…, as Electron's file:// needs), so a page
  // served at a nested route asks for /orders/assets/x.js: look for the asset from the root too.
  for (let i = 1; i < segments.length; i++) {
    const nested = await fileInside(rootAbs, resolve(rootAbs, segments.slice(i).join('/')));
    if (nested) return nested;
  }
  return { kind: 'missing' };
}

async function fileInside(rootAbs: string, candidate: string): Promise<StaticLookup | null> {
  if (!candidate.startsWith(rootAbs + sep)) return null;
  try {
    const [realRoot, real] = await Promise.all([realpath(rootAbs), realpath(candidate)]);
    if (!real.startsWith(realRoot + sep)) return null;
    const st = await stat(real);
    return st.isFile() ? { kind: 'file', path: real, size: st.size } : null;
  } catch {
    return null;
  }
}

/** Streams a found file; headers common to every response are set by the caller. */
export async function sendFile(res: ServerResponse, file: { path: string; size: number }, headOnly: boolean): Promise<void> {
  res.statusCode = 200;
  res.setHeader('Content-Type', contentTypeOf(file.path));
  res.setHeader('Content-Length', String(file.size));
  // Loopback is fast and a rebuilt renderer must show at once: always revalidate.
  res.setHeader('Cache-Control', 'no-cache');
  if (headOnly) {
    res.end();
    return;
  }
  await pipeline(createReadStream(file.path), res);
}
