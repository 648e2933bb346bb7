// bench/scale/idle.mjs (issue 15): a replica's idle memory on its own, without bench/scale's 5 minutes.
// A host (embedded PostgreSQL, the demo seeded and ingested) and then, as bench/scale starts its A and B,
// one fresh replica on the host's database (DATABASE_URL, HOPSO_SCALE_OUT=1, no migrations, no seed).
// Once it says it is running, nobody signed in: its VmRSS is sampled every second for --seconds (10)
// and the last sample printed beside the load average, with the Node heap it reports itself
// (/api/metrics, the token set here). Target: ≤ 150 MB.
//   node bench/scale/idle.mjs [--port 41410] [--pg-port 21455] [--seconds 10]
import path from 'node:path';
import { login, ROOT, startBenchServer, waitAllReady } from '../lib/server.mjs';
import { loadAverage, rssMb } from '../lib/stats.mjs';

const args = process.argv.slice(2);
const flag = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const PORT = flag('port', 3990);
const PG_PORT = flag('pg-port', 54330);
const SECONDS = flag('seconds', 10);
const TOKEN = 'bench-idle-metrics-token';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const limits = { HOPSO_SCALE_OUT: '1', HOPSO_TRUST_PROXY: 'loopback', HOPSO_METRICS_TOKEN: TOKEN };
const host = await startBenchServer({ port: PORT, pgPort: PG_PORT, dataDir: path.join(ROOT, '.bench-data-idle-host'), env: limits });
let replica = null;
try {
  const sec = await login(host.url, 'thuky1');
  const [demo] = await sec.api('/meetings');
  await waitAllReady(sec.fetch, demo.id);
  replica = await startBenchServer({
    port: PORT + 1,
    pgPort: PG_PORT + 1, // unused: DATABASE_URL is set
    dataDir: path.join(ROOT, '.bench-data-idle-replica'),
    env: { ...limits, DATABASE_URL: `postgres://hopso:hopso@127.0.0.1:${PG_PORT}/hopso`, HOPSO_MIGRATE_AT_START: '0', HOPSO_SEED_DEMO: '0' },
  });
  const samples = [];
  for (let s = 0; s < SECONDS; s++) {
    await sleep(1000);
    samples.push(rssMb(replica.child.pid));
  }
  const metrics = await (await fetch(`${replica.url}/api/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
  const gauge = (name) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)`, 'm').exec(metrics)?.[1] ?? NaN) / 2 ** 20;
  const spaces = [...metrics.matchAll(/^hopso_nodejs_heap_space_size_total_bytes\{space="(\w+)"\} (\S+)/gm)].map(([, space, bytes]) => `${space} ${(Number(bytes) / 2 ** 20).toFixed(1)}`);
  console.log(`bench/scale/idle: a fresh replica, started and idle (${process.version}), target ≤ 150 MB`);
  console.log(`  VmRSS ${samples.at(-1).toFixed(1)} MB (min ${Math.min(...samples).toFixed(1)}, max ${Math.max(...samples).toFixed(1)} over ${SECONDS} s); heap used ${gauge('hopso_nodejs_heap_size_used_bytes').toFixed(1)} MB of ${gauge('hopso_nodejs_heap_size_total_bytes').toFixed(1)} MB, external ${gauge('hopso_nodejs_external_memory_bytes').toFixed(1)} MB (load ${loadAverage()})`);
  console.log(`  heap spaces (MB): ${spaces.join(', ')}`);
} finally {
  await replica?.stop();
  await host.stop();
}
