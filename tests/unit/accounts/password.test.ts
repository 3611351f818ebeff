/** scrypt hashing: the right password matches, anything else does not, and no two hashes are alike. */
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../main/services/accounts/password.js';

describe('password hashing', () => {
  it('accepts the password it was made from and refuses others', async () => {
    const h = await hashPassword('正确的密码-1');
    expect(await verifyPassword('正确的密码-1', h)).toBe(true);
    expect(await verifyPassword('正确的密码-2', h)).toBe(false);
    expect(await verifyPassword('', h)).toBe(false);
    expect(h.hash).not.toContain('正确');
  });

  it('salts every hash, so one password never gives the same hash twice', async () => {
    const [a, b] = await Promise.all([hashPassword('same-password'), hashPassword('same-password')]);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
  });

  it('refuses a row whose cost parameters were tampered with, instead of hashing with them', async () => {
    const h = await hashPassword('pw-123456');
    expect(await verifyPassword('pw-123456', { ...h, params: JSON.stringify({ N: 2 ** 30, r: 8, p: 1, keylen: 64 }) })).toBe(false);
    expect(await verifyPassword('pw-123456', { ...h, params: 'not json' })).toBe(false);
  });
});
