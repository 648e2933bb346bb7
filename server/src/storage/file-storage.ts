import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { removeOlderFiles } from './remove-older-files';

/**
 * Where uploaded files live. Disk by default; an S3-compatible store can implement
 * the same four calls when several machines serve one council.
 */
export interface FileStorage {
  put(key: string, data: Buffer): Promise<void>;
  read(key: string): Promise<Buffer>;
  /** A byte range, both ends inclusive (as in HTTP Range). */
  stream(key: string, range?: { start: number; end: number }): Readable;
  delete(key: string): Promise<void>;
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

  removeOrphans(ageMs: number): Promise<number> {
    return removeOlderFiles(this.root, ageMs, (name) => /\.\d+\.tmp$/.test(name));
  }
}
