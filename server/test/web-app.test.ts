import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { startServer, type TestServer } from './support/server';

// The server serves the built web app (npm test builds it first): a phone on slow 4G gets the
// build's brotli copies, other browsers compressed on the fly, and client routes get index.html.
const DIST = path.resolve(__dirname, '..', '..', 'web', 'dist');

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A GET that sends exactly the Accept-Encoding given and keeps the body as it came over the wire. */
function rawGet(urlPath: string, acceptEncoding?: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${server.url}${urlPath}`, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
  });
}

const mainScript = () => {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const src = /<script type="module" crossorigin src="(\/assets\/index-[^"]+\.js)"/.exec(html)?.[1];
  if (!src) throw new Error('index.html names no main script');
  return { src, bytes: fs.readFileSync(path.join(DIST, src)) };
};

describe('the web app', () => {
  it("sends the build's brotli copy of a script to a browser that takes br, kept for good", async () => {
    const { src, bytes } = mainScript();
    const res = await rawGet(src, 'gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(zlib.brotliDecompressSync(res.body).equals(bytes)).toBe(true);
    // the build's copy, not one made on the fly: same bytes as the file beside the script
    expect(res.body.equals(fs.readFileSync(path.join(DIST, `${src}.br`)))).toBe(true);
  });

  it('compresses on the fly for a browser without br, and sends plain bytes to one that takes nothing', async () => {
    const { src, bytes } = mainScript();
    const gzip = await rawGet(src, 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.body).equals(bytes)).toBe(true);
    const plain = await rawGet(src);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(bytes)).toBe(true);
  });

  it('answers client routes with index.html, which starts the first API reads before the app loads', async () => {
    const res = await rawGet('/meetings/5b0c3a55-1f7e-4c57-9a4e-0d5a3b0f2a11', 'identity');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    const html = res.body.toString('utf8');
    expect(html).toContain('window.__hopsoEarly');
    expect(html).toContain("get('/api/auth/me')");
  });

  it('does not answer a missing script with index.html', async () => {
    const res = await rawGet('/assets/no-such-file.js', 'br');
    expect(res.status).toBe(404);
    expect(res.headers['content-type'] ?? '').not.toMatch(/html/);
  });
});
