// Starts the built hopso server for a benchmark: its own embedded PostgreSQL under
// .bench-data (or another folder, so benchmarks never collide), the demo council seeded.
// waitAllReady() waits until a meeting's documents are ingested.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function startBenchServer({ port = 3999, pgPort = 54339, dataDirName = '.bench-data', env = {} } = {}) {
  const dataDir = path.join(ROOT, dataDirName);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const child = spawn(process.execPath, [path.join(ROOT, 'server/dist/server/src/main.js')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', HOPSO_DATA_DIR: dataDir, HOPSO_EMBEDDED_PG_PORT: String(pgPort), HOPSO_SEED_DEMO: '1', LOG_LEVEL: 'warn', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  while (!out.includes('hopso is running')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`bench server did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = async () => {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { url, child, stop, logs: () => out };
}

export async function loginAs(url, login, password = 'hopso2026') {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }) });
  if (!res.ok) throw new Error(`login ${login}: ${res.status}`);
  const { token } = await res.json();
  return (p, init = {}) => fetch(`${url}/api${p}`, { ...init, headers: { ...(init.headers ?? {}), authorization: `Bearer ${token}` } });
}

export async function waitAllReady(api, meetingId, timeoutMs = 300_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const docs = await (await api(`/meetings/${meetingId}/documents`)).json();
    if (docs.every((d) => d.currentVersion.status === 'ready' || d.currentVersion.status === 'failed')) return docs;
    if (Date.now() > deadline) throw new Error('documents not ingested in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Until the file served to the viewer is no longer the upload itself (its viewer copy is made; a copy that failed: until the timeout). */
export async function waitViewerCopy(api, doc, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  // one byte of each is enough for its ETag (a range request is no new view in the audit log)
  const etagOf = async (p) => {
    const res = await api(p, { headers: { range: 'bytes=0-0' } });
    await res.arrayBuffer();
    return res.headers.get('etag');
  };
  const uploaded = await etagOf(`/documents/${doc.id}/file?original=1`);
  while (Date.now() < deadline) {
    const served = await etagOf(`/documents/${doc.id}/file`);
    if (served !== uploaded) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}
