// Starts the built hopso server for a benchmark: its own embedded PostgreSQL in its own data folder
// (so benchmarks never collide), the demo council seeded. login() signs a demo account in;
// waitAllReady() waits until a meeting's documents are ingested.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * `dataDir` (or `dataDirName` under the repository) is wiped before and after. BENCH_SERVER_NODE_ARGS,
 * e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the server under test.
 */
export async function startBenchServer({ port = 3999, pgPort = 54339, dataDirName = '.bench-data', dataDir = path.join(ROOT, dataDirName), env = {} } = {}) {
  // BENCH_SERVER_MAIN: another build's main.js (e.g. tsc --outDir elsewhere while a test run uses server/dist)
  const main = process.env.BENCH_SERVER_MAIN || path.join(ROOT, 'server/dist/server/src/main.js');
  if (!fs.existsSync(main)) throw new Error(`${main} is missing: build first (npm run build)`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, main], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', HOPSO_DATA_DIR: dataDir, HOPSO_EMBEDDED_PG_PORT: String(pgPort), HOPSO_SEED_DEMO: '1', LOG_LEVEL: 'warn', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const postmasterPid = () => {
    try {
      return Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]) || null;
    } catch {
      return null;
    }
  };
  let stopped = null;
  const stop = () =>
    (stopped ??= (async () => {
      const postmaster = postmasterPid();
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        if (!(await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)]))) child.kill('SIGKILL');
      }
      // the server stops its PostgreSQL on SIGTERM; if it could not, stop that postmaster (fast shutdown), then for good
      if (postmaster && alive(postmaster)) {
        process.kill(postmaster, 'SIGINT');
        for (let i = 0; i < 50 && alive(postmaster); i++) await sleep(100);
        if (alive(postmaster)) process.kill(postmaster, 'SIGKILL');
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    })());
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  while (!out.includes('hopso is running')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`bench server did not start:\n${out}`);
    }
    await sleep(200);
  }
  return { url, pgPort, child, stop, logs: () => out };
}

/**
 * Signs a demo account in. `fetch` is a raw fetch with its token (a Response back); `api` answers the
 * parsed JSON and throws on an error status.
 */
export async function login(url, loginName, password = 'hopso2026') {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: loginName, password }) });
  if (!res.ok) throw new Error(`login ${loginName}: ${res.status} ${await res.text()}`);
  const { token, user } = await res.json();
  const authorized = (p, init = {}) => fetch(`${url}/api${p}`, { ...init, headers: { ...(init.headers ?? {}), authorization: `Bearer ${token}` } });
  const api = async (p, init = {}) => {
    const r = await authorized(p, init);
    if (!r.ok) throw new Error(`${init.method ?? 'GET'} ${p}: ${r.status} ${await r.text()}`);
    return r.status === 204 ? undefined : r.json();
  };
  return { token, user, fetch: authorized, api };
}

/** The raw fetch of login(), for the benchmarks that read responses themselves. */
export const loginAs = async (url, loginName, password) => (await login(url, loginName, password)).fetch;

/** The demo documents are ingested in the background after start: wait, so ingest does not share the measured window. */
export async function waitAllReady(fetchWithToken, meetingId, timeoutMs = 300_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const docs = await (await fetchWithToken(`/meetings/${meetingId}/documents`)).json();
    if (docs.every((d) => d.currentVersion.status === 'ready' || d.currentVersion.status === 'failed')) return docs;
    if (Date.now() > deadline) throw new Error('documents not ingested in time');
    await sleep(100);
  }
}

/**
 * Until hopso has no work left on any file: every version ingested (ready or failed) and every ready
 * one's viewer copy made or given up on. Read from its database, a positive signal, so a baseline timed
 * after it shares the machine with nothing of hopso's (a viewer copy not used, or one that failed, ends
 * the wait as well; the served file's ETag could not tell those from one still being made).
 */
export async function waitHopsoIdle(server, timeoutMs = 300_000) {
  const pg = createRequire(path.join(ROOT, 'server/package.json'))('pg');
  const client = new pg.Client({ connectionString: `postgres://hopso:hopso@127.0.0.1:${server.pgPort}/hopso` });
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await client.query(
        `SELECT count(*)::int AS busy FROM document_versions
          WHERE status NOT IN ('ready', 'failed') OR (status = 'ready' AND web_file_key IS NULL AND NOT web_copy_failed)`,
      );
      if (rows[0].busy === 0) return;
      if (Date.now() > deadline) throw new Error(`hopso still busy with ${rows[0].busy} versions after ${timeoutMs} ms`);
      await sleep(100);
    }
  } finally {
    await client.end();
  }
}

/**
 * The path both ingest benchmarks time: uploads `bytes` as one document, polls it until ready (`ms` is
 * upload → ready), then waits until hopso is idle again (viewer copy included) outside the timed window.
 * Throws on a refused upload or a failed ingest.
 */
export async function uploadUntilReady(server, fetchWithToken, meetingId, bytes, name, { pollMs = 50 } = {}) {
  const start = performance.now();
  const form = new FormData();
  form.append('files', new Blob([bytes], { type: 'application/pdf' }), name);
  const up = await fetchWithToken(`/meetings/${meetingId}/documents`, { method: 'POST', body: form });
  if (up.status !== 201) throw new Error(`upload: ${up.status} ${await up.text()}`);
  const { documents } = await up.json();
  let doc;
  for (;;) {
    doc = await (await fetchWithToken(`/documents/${documents[0].id}`)).json();
    if (doc.currentVersion.status === 'failed') throw new Error(doc.currentVersion.failureReason);
    if (doc.currentVersion.status === 'ready') break;
    await sleep(pollMs);
  }
  const ms = performance.now() - start;
  await waitHopsoIdle(server);
  return { doc, ms };
}
