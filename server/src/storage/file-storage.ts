import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { AppConfig } from '../config';
import { removeOlderFiles } from './remove-older-files';

/** A stored file's size and its store's entity tag (quoted, as HTTP has it). */
export interface FileStat {
  size: number;
  etag: string;
}

/**
 * Where uploaded files live. Disk by default; an S3-compatible store (s3-file-storage.ts)
 * implements the same calls when several machines serve one council.
 */
export interface FileStorage {
  put(key: string, data: Buffer): Promise<void>;
  read(key: string): Promise<Buffer>;
  /** A byte range, both ends inclusive (as in HTTP Range). */
  stream(key: string, range?: { start: number; end: number }): Readable;
  delete(key: string): Promise<void>;
  stat(key: string): Promise<FileStat>;
  /** Throws when the store cannot be used (the readiness probe). */
  ping(): Promise<void>;
  /** Removes temporary files a crash left mid-write, older than ageMs; returns how many (a store with atomic writes has none). */
  removeOrphans?(ageMs: number): Promise<number>;
}

export const FILE_STORAGE = Symbol('FILE_STORAGE');

export class DiskFileStorage implements FileStorage {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    const full = path.resolve(this.root, key);
    if (!full.startsWith(path.resolve(this.root) + path.sep)) throw new Error(`Storage key escapes the root: ${key}`);
    return full;
  }

  async put(key: string, data: Buffer): Promise<void> {
    const full = this.pathOf(key);
    await fsp.mkdir(path.dirname(full), { recursive: true });
    // write then rename, so a crash never leaves a half-written file under the real name
    const tmp = `${full}.${process.pid}.tmp`;
    await fsp.writeFile(tmp, data);
    await fsp.rename(tmp, full);
  }

  read(key: string): Promise<Buffer> {
    return fsp.readFile(this.pathOf(key));
  }

  stream(key: string, range?: { start: number; end: number }): Readable {
    return fs.createReadStream(this.pathOf(key), range);
  }

  async delete(key: string): Promise<void> {
    await fsp.rm(this.pathOf(key), { force: true });
  }

  async stat(key: string): Promise<FileStat> {
    const s = await fsp.stat(this.pathOf(key));
    // as Express's static files have it: size and modification time
    return { size: s.size, etag: `"${s.size.toString(16)}-${Math.floor(s.mtimeMs).toString(16)}"` };
  }

  async ping(): Promise<void> {
    await fsp.mkdir(this.root, { recursive: true });
    await fsp.access(this.root, fs.constants.R_OK | fs.constants.W_OK);
  }

  removeOrphans(ageMs: number): Promise<number> {
    return removeOlderFiles(this.root, ageMs, (name) => /\.\d+\.tmp$/.test(name));
  }
}

/** The store the configuration names: this machine's disk (the default) or an S3-compatible bucket. */
export function createFileStorage(config: AppConfig): FileStorage {
  if (config.storage.kind === 's3') {
    // loaded only when chosen: the AWS SDK is large
    const { S3FileStorage } = require('./s3-file-storage') as typeof import('./s3-file-storage');
    return new S3FileStorage(config.storage);
  }
  return new DiskFileStorage(path.join(config.dataDir, 'files'));
}
