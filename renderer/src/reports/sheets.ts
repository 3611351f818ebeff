/**
 * Showing and printing the report's A4 sheets under the app's strict CSP (no inline styles, no style
 * attributes, no frames). The sheets come from the backend as markup without scripts or style
 * attributes, and their stylesheet as text: they go into a shadow root whose styles are a constructed
 * stylesheet (adoptedStyleSheets — not an inline <style>, so CSP allows it), which also keeps the
 * report's styles and the app's apart. Printing puts a copy of the sheets in a top-level shadow root
 * and hides everything else, so the paper shows exactly the sheets of the preview.
 */
import type { ReportPreview } from '../../../preload/api.js';

/** What a click on a figure asks for. */
export type SheetClick = { kind: 'drill'; json: string } | { kind: 'orders'; ids: number[]; title: string } | { kind: 'filter'; json: string; title: string };

function styleSheet(css: string): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  return sheet;
}

/** Fills `host`'s shadow root with the sheets; returns the cleanup. */
export function mountSheets(host: HTMLElement, preview: Pick<ReportPreview, 'css' | 'body'>, onClick: (c: SheetClick) => void): () => void {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [styleSheet(preview.css)];
  // The markup is the backend's own: every text escaped, no scripts, no event attributes.
  root.innerHTML = preview.body;
  const listener = (e: Event) => {
    const cell = (e.target as Element | null)?.closest?.('[data-drill], [data-orders], [data-filter]');
    if (!cell) return;
    const drill = cell.getAttribute('data-drill');
    if (drill) return onClick({ kind: 'drill', json: drill });
    const filter = cell.getAttribute('data-filter');
    if (filter) return onClick({ kind: 'filter', json: filter, title: cell.getAttribute('data-title') ?? '' });
    const ids = (cell.getAttribute('data-orders') ?? '').split(',').filter(Boolean).map(Number);
    onClick({ kind: 'orders', ids, title: cell.getAttribute('data-title') ?? '' });
  };
  root.addEventListener('click', listener);
  return () => root.removeEventListener('click', listener);
}

/** Prints the sheets alone (A4, no margins: the sheets carry them). */
export function printSheets(preview: Pick<ReportPreview, 'css' | 'body'>): void {
  const holder = document.createElement('div');
  holder.className = 'jr-print-root';
  const shadow = holder.attachShadow({ mode: 'open' });
  shadow.adoptedStyleSheets = [styleSheet(preview.css)];
  shadow.innerHTML = preview.body;
  // @page only works in the document's own styles, not in a shadow root's.
  const page = styleSheet('@page { size: A4; margin: 0; }');
  const before = document.adoptedStyleSheets;
  document.adoptedStyleSheets = [...before, page];
  document.body.append(holder);
  document.documentElement.classList.add('jr-printing');
  let done = false;
  const cleanup = () => {
    if (done) return;
    done = true;
    document.documentElement.classList.remove('jr-printing');
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== page);
    holder.remove();
  };
  window.addEventListener('afterprint', cleanup, { once: true });
  window.print();
  // Chromium's print() returns once the dialog closes; afterprint may already have run.
  setTimeout(cleanup, 10_000);
}
