/**
 * Before the e2e run: a 100,000-order demo database made by the real CLI (`jiesu seed`), served by
 * the real `jiesu serve`; the printed address reaches the tests through JIESU_E2E_URL. The returned
 * function stops the server and removes the database.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URL_ENV, assertBuilt, jiesu, startServer } from './support.js';

export const E2E_ORDERS = 100_000;

export default async function globalSetup(): Promise<() => Promise<void>> {
  assertBuilt();
  const dir = await mkdtemp(join(tmpdir(), 'jiesu-e2e-'));
  const db = join(dir, 'demo.db');
  await jiesu(['seed', '--orders', String(E2E_ORDERS), '--seed', '7', '--db', db]);
  const server = await startServer(db);
  process.env[URL_ENV] = server.url;
  return async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
