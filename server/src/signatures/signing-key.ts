import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '../config';
import { parseSigningKey } from '../config';
import { DomainError } from '../common/domain-error';

/** The key that seals signing certificates, with a short id stored beside what it sealed. */
export interface SigningKey {
  key: Buffer;
  /** Names the key without revealing it: a row sealed with another key is told apart from a damaged one. */
  id: string;
  source: 'HOPSO_SIGNING_KEY' | 'file';
}

export const SIGNING_KEY = Symbol('SIGNING_KEY');
export const SIGNING_KEY_FILE = 'signing.key';

export function signingKeyOf(key: Buffer, source: SigningKey['source']): SigningKey {
  return { key, source, id: crypto.createHash('sha256').update('hopso signing key id\0').update(key).digest('hex').slice(0, 16) };
}

/**
 * HOPSO_SIGNING_KEY when set. Without it, the embedded database's demo shape keeps a key in the data
 * directory (made once, mode 0600, announced in the log): the demo can sign, and nothing is derived
 * from a guessable value. With an external database and no key, signing is off (SIGNING_KEY_MISSING):
 * several servers each making their own key would seal what the others cannot open.
 */
export function resolveSigningKey(config: Pick<AppConfig, 'signingKey' | 'databaseUrl' | 'dataDir'>, log: (message: string) => void): SigningKey | null {
  if (config.signingKey) return signingKeyOf(config.signingKey, 'HOPSO_SIGNING_KEY');
  if (config.databaseUrl !== null) return null;
  const file = path.join(config.dataDir, SIGNING_KEY_FILE);
  if (fs.existsSync(file)) {
    const key = parseSigningKey(fs.readFileSync(file, 'utf8'));
    if (!key) throw new Error(`${file} does not hold a signing key (32 bytes in base64); move it away to make a new one, or set HOPSO_SIGNING_KEY`);
    return signingKeyOf(key, 'file');
  }
  const key = crypto.randomBytes(32);
  fs.mkdirSync(config.dataDir, { recursive: true });
  fs.writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  log(`made a signing key for certificates in ${file}: keep it with the data directory (set HOPSO_SIGNING_KEY in production)`);
  return signingKeyOf(key, 'file');
}

export function requireSigningKey(key: SigningKey | null): SigningKey {
  if (!key) throw new DomainError('SIGNING_KEY_MISSING', 'The server has no signing key (HOPSO_SIGNING_KEY), so certificates cannot be stored or used');
  return key;
}

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM: version byte, 12-byte nonce, 16-byte tag, ciphertext. `context` (the council and what
 * the value is) is bound as associated data, so a sealed value moved to another row does not open.
 */
export function seal(key: SigningKey, plain: Buffer, context: string): Buffer {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', key.key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
}

/** The sealed value, or a SIGNING_KEY_CHANGED error when it was sealed with another key or context. */
export function open(key: SigningKey, sealed: Buffer, context: string): Buffer {
  if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== VERSION) throw keyChanged();
  const iv = sealed.subarray(1, 1 + IV_BYTES);
  const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
  const decipher = crypto.createDecipheriv('aes-256-gcm', key.key, iv);
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    throw keyChanged();
  }
}

const keyChanged = () => new DomainError('SIGNING_KEY_CHANGED', "The stored certificate was sealed with another signing key: upload it again");
