import { PassThrough, Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { FileStat, FileStorage } from './file-storage';

export interface S3StorageOptions {
  bucket: string;
  endpoint: string | null;
  region: string;
  accessKeyId: string | null;
  secretAccessKey: string | null;
  forcePathStyle: boolean;
}

/**
 * Uploaded files in an S3-compatible bucket (AWS S3, MinIO), so that every server process reads the
 * same files. A put is one PutObject (atomic: no half-written object is ever visible); a range read
 * is a ranged GetObject, so a viewer's 64 KB request fetches 64 KB from the bucket, not the file.
 */
export class S3FileStorage implements FileStorage {
  private readonly client: S3Client;

  constructor(private readonly options: S3StorageOptions) {
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint ?? undefined,
      forcePathStyle: options.forcePathStyle,
      credentials: options.accessKeyId && options.secretAccessKey ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey } : undefined,
      // the SDK's own checksums (CRC32 on every put) are for AWS; S3-compatible servers differ in what they accept
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(key: string, data: Buffer): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.options.bucket, Key: key, Body: data, ContentLength: data.length, ContentType: key.endsWith('.pdf') ? 'application/pdf' : 'application/octet-stream' }));
  }

  async read(key: string): Promise<Buffer> {
    const out = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: key }));
    return Buffer.from(await out.Body!.transformToByteArray());
  }

  stream(key: string, range?: { start: number; end: number }): Readable {
    const out = new PassThrough();
    this.client
      .send(new GetObjectCommand({ Bucket: this.options.bucket, Key: key, Range: range ? `bytes=${range.start}-${range.end}` : undefined }))
      .then((res) => {
        const body = res.Body as Readable;
        body.on('error', (e) => out.destroy(e));
        body.pipe(out);
      })
      .catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
    return out;
  }

  async stat(key: string): Promise<FileStat> {
    const res = await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: key }));
    return { size: Number(res.ContentLength ?? 0), etag: res.ETag ?? '' };
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: key }));
  }

  async ping(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.options.bucket }));
  }

  close(): void {
    this.client.destroy();
  }
}
