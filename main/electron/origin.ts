/**
 * The app's own origin. The renderer is served as app://jiesu/… (see protocol.ts); everything
 * security-related (navigation, IPC sender checks, pushes) asks isAppUrl() whether a URL is ours.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'jiesu';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True only for pages of our own origin (exact host: app://jiesu.evil/ or app://x@jiesu/ are foreign). */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}
