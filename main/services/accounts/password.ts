/**
 * Password hashing with scrypt (node:crypto): a random 16-byte salt per password, the cost stored
 * next to the hash so it can be raised later, and a constant-time comparison.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
  keylen: number;
}

/** ~50 ms and 16 MB per hash on an office PC: slow for a guesser, unnoticeable at login. */
export const DEFAULT_PARAMS: ScryptParams = { N: 16384, r: 8, p: 1, keylen: 64 };

export interface PasswordHash {
  hash: string;
  salt: string;
  params: string;
}

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 128 * params.N * params.r * 2 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, params.keylen, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export async function hashPassword(password: string, params: ScryptParams = DEFAULT_PARAMS): Promise<PasswordHash> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return { hash: key.toString('base64'), salt: salt.toString('base64'), params: JSON.stringify(params) };
}

function parseParams(text: string): ScryptParams | null {
  try {
    const p = JSON.parse(text) as Partial<ScryptParams>;
    const ok = [p.N, p.r, p.p, p.keylen].every((v) => Number.isSafeInteger(v) && (v as number) > 0);
    // A tampered row must not make us allocate gigabytes.
    if (!ok || (p.N as number) > 1 << 20 || (p.keylen as number) > 256) return null;
    return p as ScryptParams;
  } catch {
    return null;
  }
}

export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const params = parseParams(stored.params);
  if (!params) return false;
  const expected = Buffer.from(stored.hash, 'base64');
  const actual = await derive(password, Buffer.from(stored.salt, 'base64'), params);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
