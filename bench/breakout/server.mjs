// Starts the built hopso server for bench/breakout, like bench/lib/server.mjs but with a
// data dir, port and embedded PostgreSQL port of its own (.bench-data-breakout, 3997,
// 54337), so it can run beside the other benchmarks without wiping their data.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function startBreakoutServer({ port = 3997, pgPort = 54337, env = {} } = {}) {
  const dataDir = path.join(ROOT, '.bench-data-breakout');
  fs.rmSync(dataDir, { recursive: true, force: true });
  // BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", to profile the server under test
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, path.join(ROOT, 'server/dist/server/src/main.js')], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      HOPSO_DATA_DIR: dataDir,
      HOPSO_EMBEDDED_PG_PORT: String(pgPort),
      HOPSO_SEED_DEMO: '1',
      HOPSO_LOGIN_RATE_LIMIT: '100000',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      if ((await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)])) === false) {
        child.kill('SIGKILL');
        await Promise.race([exited, sleep(2_000)]);
      }
    }
    // the server stops its PostgreSQL on exit; if it could not, stop that postmaster (by its pid)
    const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
    if (fs.existsSync(pidFile)) {
      const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
      try {
        process.kill(pid, 'SIGINT'); // fast shutdown
        for (let i = 0; i < 50 && alive(pid); i++) await sleep(100);
      } catch {
        /* already gone */
      }
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (!out.includes('hopso is running')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`bench server did not start:\n${out}`);
    }
    await sleep(200);
  }
  return { url, child, stop, logs: () => out };
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function login(url, loginName, password = 'hopso2026') {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: loginName, password }) });
  if (!res.ok) throw new Error(`login ${loginName}: ${res.status} ${await res.text()}`);
  const { token, user } = await res.json();
  const api = async (p, init = {}) => {
    const r = await fetch(`${url}/api${p}`, { ...init, headers: { ...(init.headers ?? {}), authorization: `Bearer ${token}` } });
    if (!r.ok) throw new Error(`${init.method ?? 'GET'} ${p}: ${r.status} ${await r.text()}`);
    return r.status === 204 ? undefined : r.json();
  };
  return { token, user, api };
}

/** The demo documents are ingested in the background after start: wait, so ingest does not share the measured window. */
export async function waitDocumentsIngested(api, meetingId, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const docs = await api(`/meetings/${meetingId}/documents`);
    if (docs.every((d) => d.currentVersion.status === 'ready' || d.currentVersion.status === 'failed')) return docs;
    if (Date.now() > deadline) throw new Error('demo documents not ingested in time');
    await sleep(200);
  }
}

/** CPU time (ms) used so far by a process and all its descendants (Linux /proc), e.g. the server and its PostgreSQL. */
export function treeCpuMs(rootPid) {
  const tick = 100; // USER_HZ on Linux
  const stats = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const s = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(entry), { ppid: Number(f[1]), cpu: Number(f[11]) + Number(f[12]) });
    } catch {
      /* gone */
    }
  }
  let total = 0;
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.pop();
    total += stats.get(pid)?.cpu ?? 0;
    for (const [p, s] of stats) if (s.ppid === pid) queue.push(p);
  }
  return (total * 1000) / tick;
}
