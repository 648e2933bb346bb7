import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { open, requireSigningKey, resolveSigningKey, seal, signingKeyOf, SIGNING_KEY_FILE } from './signing-key';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'hopso-key-'));

describe('the signing key', () => {
  it('comes from HOPSO_SIGNING_KEY when set', () => {
    const key = crypto.randomBytes(32);
    expect(resolveSigningKey({ signingKey: key, databaseUrl: 'postgres://x/y', dataDir: tmp() }, () => undefined)).toMatchObject({ key, source: 'HOPSO_SIGNING_KEY' });
  });

  it('is made once in the data directory for the embedded database, said in the log, and read back at the next start', () => {
    const dataDir = tmp();
    const said: string[] = [];
    const first = resolveSigningKey({ signingKey: null, databaseUrl: null, dataDir }, (m) => said.push(m))!;
    expect(said).toEqual([expect.stringContaining(path.join(dataDir, SIGNING_KEY_FILE))]);
    expect(fs.statSync(path.join(dataDir, SIGNING_KEY_FILE)).mode & 0o777).toBe(0o600);
    const again = resolveSigningKey({ signingKey: null, databaseUrl: null, dataDir }, (m) => said.push(m))!;
    expect(again.key.equals(first.key)).toBe(true);
    expect(said).toHaveLength(1);
  });

  it('is absent with an external database and no setting: signing is off with its own code', () => {
    const dataDir = tmp();
    expect(resolveSigningKey({ signingKey: null, databaseUrl: 'postgres://x/y', dataDir }, () => undefined)).toBeNull();
    expect(fs.existsSync(path.join(dataDir, SIGNING_KEY_FILE))).toBe(false);
    expect(() => requireSigningKey(null)).toThrow(expect.objectContaining({ code: 'SIGNING_KEY_MISSING' }));
  });
});

describe('sealing', () => {
  const key = signingKeyOf(crypto.randomBytes(32), 'HOPSO_SIGNING_KEY');

  it('opens what it sealed, and never leaves the plain text in the sealed bytes', () => {
    const secret = Buffer.from('mật khẩu của tệp .p12');
    const sealed = seal(key, secret, 'council A password');
    expect(sealed.includes(secret)).toBe(false);
    expect(open(key, sealed, 'council A password').equals(secret)).toBe(true);
    expect(seal(key, secret, 'council A password').equals(sealed)).toBe(false);
  });

  it.each([
    ['another key', () => open(signingKeyOf(crypto.randomBytes(32), 'file'), seal(key, Buffer.from('x'), 'c'), 'c')],
    ['another row (context)', () => open(key, seal(key, Buffer.from('x'), 'council A'), 'council B')],
    ['a changed byte', () => {
      const sealed = seal(key, Buffer.from('secret value'), 'c');
      sealed[sealed.length - 1] ^= 1;
      return open(key, sealed, 'c');
    }],
    ['a truncated value', () => open(key, Buffer.from([1, 2, 3]), 'c')],
  ])('refuses to open under %s', (_what, attempt) => {
    expect(attempt).toThrow(expect.objectContaining({ code: 'SIGNING_KEY_CHANGED' }));
  });
});
