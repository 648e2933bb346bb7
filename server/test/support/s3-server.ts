import fs from 'node:fs';
import path from 'node:path';
import { TEST_DATA_DIR } from './test-env';

export interface TestS3Server {
  endpoint: string;
  bucket: string;
  /** The settings a hopso process needs to use this bucket. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * A real S3-API server (s3rver: the S3 REST protocol over HTTP, objects on this machine's disk)
 * on a free loopback port, with one bucket. Its credentials are the fixed pair it accepts.
 */
export async function startS3Server(bucket = 'hopso-files'): Promise<TestS3Server> {
  const S3rver = require('s3rver') as new (options: Record<string, unknown>) => { run(): Promise<{ address: string; port: number }>; close(): Promise<void> };
  const directory = fs.mkdtempSync(path.join(fs.mkdirSync(path.join(TEST_DATA_DIR, 's3'), { recursive: true }) ?? path.join(TEST_DATA_DIR, 's3'), 'run-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    env: {
      HOPSO_STORAGE: 's3',
      HOPSO_S3_BUCKET: bucket,
      HOPSO_S3_ENDPOINT: endpoint,
      HOPSO_S3_ACCESS_KEY_ID: 'S3RVER',
      HOPSO_S3_SECRET_ACCESS_KEY: 'S3RVER',
    },
    close: async () => {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
