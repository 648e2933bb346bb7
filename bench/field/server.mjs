// Starts the built hopso server for the field benchmark: its own embedded PostgreSQL under
// .bench-data-field (so it never collides with the other benchmarks), the demo council seeded.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../lib/server.mjs';

export async function startFieldServer({ port = 3996, pgPort = 54336, dataDirName = '.bench-data-field', env = {} } = {}) {
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
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`field bench server did not start:\n${out}`);
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
