import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { DiskFileStorage, type FileStorage } from '../src/storage/file-storage';
import { S3FileStorage } from '../src/storage/s3-file-storage';
import type { UploadResult } from '@hopso/shared';
import { buildDraftResolutionPdf } from '../../fixtures';
import { buildMeetingWorld } from './support/api';
import { startS3Server, type TestS3Server } from './support/s3-server';
import { startServer } from './support/server';
import { TEST_DATA_DIR } from './support/test-env';

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

let s3: TestS3Server;
let diskRoot: string;
const stores: Record<string, () => FileStorage> = {};

beforeAll(async () => {
  s3 = await startS3Server();
  diskRoot = fs.mkdtempSync(path.join(fs.mkdirSync(TEST_DATA_DIR, { recursive: true }) ?? TEST_DATA_DIR, 'disk-store-'));
  stores.disk = () => new DiskFileStorage(diskRoot);
  stores.s3 = () => new S3FileStorage({ bucket: s3.bucket, endpoint: s3.endpoint, region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true });
});
afterAll(async () => {
  await s3?.close();
  if (diskRoot) fs.rmSync(diskRoot, { recursive: true, force: true });
});

describe.each(['disk', 's3'])('the %s storage', (kind) => {
  let store: FileStorage;
  beforeAll(() => {
    store = stores[kind]();
  });
  // every byte value, and more than one read chunk (64 KB)
  const data = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), crypto.randomBytes(200_000)]);

  it('reads back what was put, whole and as a stream', async () => {
    await store.put('documents/a/v1.pdf', data);
    expect((await store.read('documents/a/v1.pdf')).equals(data)).toBe(true);
    expect((await collect(store.stream('documents/a/v1.pdf'))).equals(data)).toBe(true);
  });

  it('streams a byte range with both ends inclusive, as HTTP Range has it', async () => {
    await store.put('documents/a/range.pdf', data);
    // (not bytes=0-0: s3rver answers that one with the whole object, which AWS S3 and MinIO do not)
    expect((await collect(store.stream('documents/a/range.pdf', { start: 0, end: 1 }))).equals(data.subarray(0, 2))).toBe(true);
    expect((await collect(store.stream('documents/a/range.pdf', { start: 5, end: 5 }))).equals(data.subarray(5, 6))).toBe(true);
    expect((await collect(store.stream('documents/a/range.pdf', { start: 100, end: 70_099 }))).equals(data.subarray(100, 70_100))).toBe(true);
    const last = data.length - 1;
    expect((await collect(store.stream('documents/a/range.pdf', { start: last - 9, end: last }))).equals(data.subarray(last - 9))).toBe(true);
  });

  it("gives a file's size and an entity tag that changes with its content", async () => {
    await store.put('documents/a/etag.pdf', data);
    const first = await store.stat('documents/a/etag.pdf');
    expect(first.size).toBe(data.length);
    expect(first.etag).toMatch(/^".+"$/);
    expect(await store.stat('documents/a/etag.pdf')).toEqual(first);
    const other = Buffer.concat([data.subarray(0, 1000), Buffer.from('changed')]);
    await store.put('documents/a/etag.pdf', other);
    const second = await store.stat('documents/a/etag.pdf');
    expect(second.size).toBe(other.length);
    expect(second.etag).not.toBe(first.etag);
    expect((await store.read('documents/a/etag.pdf')).equals(other)).toBe(true);
  });

  it('forgets a deleted file, and deleting a missing one is no error', async () => {
    await store.put('documents/a/gone.pdf', data.subarray(0, 10));
    await store.delete('documents/a/gone.pdf');
    await expect(store.read('documents/a/gone.pdf')).rejects.toThrow();
    await expect(collect(store.stream('documents/a/gone.pdf'))).rejects.toThrow();
    await expect(store.delete('documents/a/never-there.pdf')).resolves.toBeUndefined();
  });

  it('answers the readiness probe', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });
});

it('the S3 storage fails the readiness probe for a bucket that does not exist', async () => {
  const missing = new S3FileStorage({ bucket: 'no-such-bucket', endpoint: s3.endpoint, region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true });
  await expect(missing.ping()).rejects.toThrow();
});

describe('a server configured with HOPSO_STORAGE=s3', () => {
  it('keeps uploads in the bucket and serves them with ranges and the same ETag', async () => {
    const server = await startServer({ env: s3.env });
    try {
      const w = await buildMeetingWorld(server, { prefix: 's3' });
      const pdf = await buildDraftResolutionPdf({ title: 'Về dự toán', councilName: 'HĐND xã', articles: [{ heading: 'Điều 1', clauses: ['Nội dung.'] }] });
      const up = await w.secretary.upload(w.meeting.id, [{ name: 'du-thao.pdf', data: pdf }]);
      expect(up.status).toBe(201);
      const [doc] = (up.body as UploadResult).documents;
      const ready = await w.secretary.waitReady(doc.id);
      expect(ready.currentVersion.status).toBe('ready');
      // nothing on this machine's disk: the original and the viewer copy are in the bucket
      expect(fs.existsSync(path.join(server.dataDir, 'files'))).toBe(false);
      // the viewer copy is made just after the version is ready
      let row: { file_key: string; web_file_key: string | null; sha256: string };
      const deadline = Date.now() + 30_000;
      for (;;) {
        [row] = (await server.db.query(`SELECT file_key, web_file_key, sha256 FROM document_versions WHERE document_id = $1`, [doc.id])).rows;
        if (row.web_file_key || Date.now() > deadline) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const bucket = stores.s3();
      expect((await bucket.read(row.file_key)).equals(pdf)).toBe(true);
      expect(row.web_file_key).toMatch(/\.web\.pdf$/);
      expect((await bucket.stat(row.web_file_key!)).size).toBeGreaterThan(0);

      const auth = { authorization: `Bearer ${w.secretary.token}` };
      const whole = await fetch(`${server.url}/api/documents/${doc.id}/file?original=1`, { headers: auth });
      expect(whole.status).toBe(200);
      expect(whole.headers.get('etag')).toBe(`"${row.sha256}"`);
      expect(Buffer.from(await whole.arrayBuffer()).equals(pdf)).toBe(true);
      const part = await fetch(`${server.url}/api/documents/${doc.id}/file?original=1`, { headers: { ...auth, range: 'bytes=10-109', 'if-range': `"${row.sha256}"` } });
      expect(part.status).toBe(206);
      expect(part.headers.get('content-range')).toBe(`bytes 10-109/${pdf.length}`);
      expect(Buffer.from(await part.arrayBuffer()).equals(pdf.subarray(10, 110))).toBe(true);
    } finally {
      await server.stop();
    }
  });
});
