/**
 * The contract's zod schemas are imported for their types and constants; zod would otherwise probe
 * `new Function` on first use, which the page's CSP (no 'unsafe-eval') refuses with a console error.
 * Imported first by main.tsx, before any schema is built.
 */
import { config } from 'zod';

config({ jitless: true });
