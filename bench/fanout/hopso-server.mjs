// Starts the built hopso server for bench/fanout like bench/lib/server.mjs does, but in
// its own data folder (.bench-data-fanout), so it can run beside the other benchmarks,
// and with a stop that also ends the embedded PostgreSQL if the server itself hangs.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../lib/server.mjs';

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

export async function startFanoutServer({ port, pgPort, env = {}, dataDir = path.join(ROOT, '.bench-data-fanout') }) {
  const main = path.join(ROOT, 'server/dist/server/src/main.js');
  if (!fs.existsSync(main)) throw new Error(`${main} is missing: build first (npm run build -w shared -w server)`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', HOPSO_DATA_DIR: dataDir, HOPSO_EMBEDDED_PG_PORT: String(pgPort), HOPSO_SEED_DEMO: '1', LOG_LEVEL: 'warn', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const pgPid = () => {
    try {
      return Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]) || null;
    } catch {
      return null;
    }
  };
  let stopped = null;
  const stop = () =>
    (stopped ??= (async () => {
      const postmaster = pgPid();
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const ok = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 15_000))]);
        if (!ok) child.kill('SIGKILL');
      }
      // the server stops its PostgreSQL on SIGTERM; if it could not, stop it here (fast shutdown), then for good
      if (postmaster && alive(postmaster)) {
        process.kill(postmaster, 'SIGINT');
        for (let i = 0; i < 50 && alive(postmaster); i++) await new Promise((r) => setTimeout(r, 100));
        if (alive(postmaster)) process.kill(postmaster, 'SIGKILL');
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    })());
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  try {
    while (!out.includes('hopso is running')) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`bench server did not start:\n${out}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, child, stop, logs: () => out };
}
