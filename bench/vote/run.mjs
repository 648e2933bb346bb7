// bench/vote (issue 11): 2,000 voting sockets cast their ballots within a few seconds over the
// socket ('vote:cast' with an ack); a share of them send the same ballot twice (a phone
// retrying). Prints ballots accepted, lost and duplicated (must be 0 and 0), ack p50/p99,
// and close → result on the last of the 2,000 sockets; then the same on the raw baseline — a
// bare Socket.IO server with a bare INSERT per ballot into the same PostgreSQL — as ratios,
// with the load average (the machine is shared).
//
// Processes: this one sets up and times the close; clients.mjs holds the sockets; the server
// under test is a third (hopso: with its embedded PostgreSQL, which the baseline also uses).
import { fork } from 'node:child_process';
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loginAs, startBenchServer, waitAllReady } from '../lib/server.mjs';
import { loadAverage, percentile as pct } from '../lib/stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const num = (name, dflt) => Number(process.env[name] || dflt);
const VOTERS = num('BENCH_VOTERS', 2000);
const SPREAD_MS = num('BENCH_SPREAD_MS', 5000);
const RETRY_SHARE = num('BENCH_RETRY_SHARE', 0.05);
const KINDS = (process.env.BENCH_KINDS || 'named,secret').split(',');
const PORT = num('BENCH_PORT', 3104);
const PG_PORT = num('BENCH_PG_PORT', 5444);

const now = () => performance.timeOrigin + performance.now();
const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : 'n/a');
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');
const load = loadAverage;

const cleanups = [];
const cleanupAll = async () => {
  while (cleanups.length) await cleanups.pop()().catch((e) => console.error('bench/vote cleanup:', e));
};
for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => void cleanupAll().then(() => process.exit(1)));

function ipc(child, type) {
  return new Promise((resolve, reject) => {
    const onMsg = (m) => {
      if (m.type === type) {
        child.off('message', onMsg);
        resolve(m);
      }
    };
    child.on('message', onMsg);
    child.once('exit', (code) => reject(new Error(`${path.basename(child.spawnargs.at(-1))} exited (${code}) waiting for ${type}`)));
  });
}

async function startClients() {
  const child = fork(path.join(here, 'clients.mjs'), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  cleanups.push(async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  });
  return child;
}

/** One vote on one server: cast, count, close, and the result's arrival at every socket. */
async function measure(clients, voteId, close, counted) {
  const cast = ipc(clients, 'cast-done');
  clients.send({ type: 'cast', voteId, spreadMs: SPREAD_MS, retryShare: RETRY_SHARE });
  const done = await cast;
  const okAcks = done.acks.filter((a) => a.ok);
  const sentChoices = { yes: 0, no: 0, abstain: 0 };
  for (const a of okAcks) sentChoices[a.choice]++;
  clients.send({ type: 'watch', voteId });
  await ipc(clients, 'watching');
  const results = ipc(clients, 'results');
  const t0 = now();
  const counts = await close().catch((e) => {
    console.error("close failed:", e);
    throw e;
  });
  clients.send({ type: 'results' });
  const r = await results;
  const server = counted ? await counted() : counts;
  const errors = {};
  for (const a of done.acks.filter((x) => !x.ok)) errors[a.code] = (errors[a.code] ?? 0) + 1;
  return {
    sent: done.sent,
    retries: done.retries,
    accepted: okAcks.length,
    lost: done.sent - okAcks.length,
    duplicated: server.cast - okAcks.length,
    // every accepted choice is in the count, none other
    countsMatch: server.yes === sentChoices.yes && server.no === sentChoices.no && server.abstain === sentChoices.abstain,
    retriesCountedOnce: done.acks.filter((a) => a.retryOk !== null).every((a) => a.retryOk),
    errors,
    castWindowMs: done.ms,
    p50: pct(okAcks.map((a) => a.ms), 50),
    p99: pct(okAcks.map((a) => a.ms), 99),
    closeToLast: r.arrivals.length ? Math.max(...r.arrivals) - t0 : NaN,
    missingResults: r.missing,
  };
}

function print(label, m) {
  console.log(
    `  ${label.padEnd(22)} accepted ${m.accepted}/${m.sent} · lost ${m.lost} · duplicated ${m.duplicated} · counts match ${m.countsMatch ? 'yes' : 'NO'} · ` +
      `${m.retries} retries counted once ${m.retriesCountedOnce ? 'yes' : 'NO'}${Object.keys(m.errors).length ? ` · errors ${JSON.stringify(m.errors)}` : ''}`,
  );
  console.log(
    `  ${''.padEnd(22)} all ballots answered in ${(m.castWindowMs / 1000).toFixed(2)} s · ack p50 ${ms(m.p50)} · p99 ${ms(m.p99)} · close → result on the last socket ${ms(m.closeToLast)}${m.missingResults ? ` (${m.missingResults} sockets got no result)` : ''}`,
  );
}

async function main() {
  console.log(`bench/vote: ${VOTERS} voting sockets, ballots spread over ${SPREAD_MS / 1000} s, ${RETRY_SHARE * 100}% sent twice · load average ${load()}`);
  const server = await startBenchServer({ port: PORT, pgPort: PG_PORT, dataDirName: '.bench-data-vote', env: { HOPSO_LOGIN_RATE_LIMIT: '100000' } });
  cleanups.push(() => server.stop());
  const databaseUrl = `postgres://hopso:hopso@127.0.0.1:${PG_PORT}/hopso`;
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  cleanups.push(() => db.end());

  // setup: 2,000 delegates in the demo meeting, each with a session (no argon2 per login), all present
  const chair = await loginAs(server.url, 'chutoa');
  const admin = await loginAs(server.url, 'admin');
  const json = async (res) => {
    if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
    return res.json();
  };
  const { rows: [meeting] } = await db.query('SELECT id, council_id FROM meetings LIMIT 1');
  await waitAllReady(chair, meeting.id);
  const voters = Array.from({ length: VOTERS }, (_, i) => ({ username: `bench${i}`, token: crypto.randomBytes(24).toString('base64url') }));
  const { rows: users } = await db.query(
    `INSERT INTO users (username, full_name, password_hash) SELECT u, 'Đại biểu ' || u, 'x' FROM unnest($1::text[]) AS u RETURNING id, username`,
    [voters.map((v) => v.username)],
  );
  const idOf = new Map(users.map((u) => [u.username, u.id]));
  await db.query(`INSERT INTO meeting_participants (meeting_id, user_id, role) SELECT $1, unnest($2::uuid[]), 'delegate'`, [meeting.id, users.map((u) => u.id)]);
  await db.query(
    `INSERT INTO sessions (token_hash, user_id, expires_at) SELECT encode(sha256(convert_to(t, 'UTF8')), 'hex'), u, now() + interval '1 day' FROM unnest($1::text[], $2::uuid[]) AS x(t, u)`,
    [voters.map((v) => v.token), voters.map((v) => idOf.get(v.username))],
  );
  await json(await admin(`/councils/${meeting.council_id}/voting-settings`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ seats: VOTERS + 23 }) }));
  const { rows: [sitting] } = await db.query('SELECT id FROM sittings WHERE meeting_id = $1 ORDER BY position LIMIT 1', [meeting.id]);
  await json(await chair(`/sittings/${sitting.id}/open`, { method: 'POST' }));
  for (let i = 0; i < users.length; i += 500) {
    await json(
      await chair(`/sittings/${sitting.id}/attendance`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ entries: users.slice(i, i + 500).map((u) => ({ userId: u.id, status: 'online' })) }),
      }),
    );
  }

  // hopso
  const clients = await startClients();
  const connected = ipc(clients, 'connected');
  clients.send({ type: 'connect', url: server.url, meetingId: meeting.id, sockets: voters.map((v) => ({ auth: { token: v.token } })) });
  const c = await connected;
  console.log(`hopso: ${c.ok} sockets connected and joined in ${(c.ms / 1000).toFixed(1)} s${c.failed ? `, ${c.failed} failed: ${c.errors.join('; ')}` : ''} · load average ${load()}`);
  const hopso = {};
  for (const kind of KINDS) {
    const vote = await json(await chair(`/meetings/${meeting.id}/votes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: `Bench ${kind}`, kind }) }));
    await json(await chair(`/votes/${vote.id}/open`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }));
    hopso[kind] = await measure(clients, vote.id, async () => (await json(await chair(`/votes/${vote.id}/close`, { method: 'POST' }))).result.counts);
    print(`hopso ${kind}`, hopso[kind]);
    console.log(`  ${''.padEnd(22)} load average ${load()}`);
  }
  clients.send({ type: 'close' });
  await new Promise((r) => clients.once('exit', r));

  // the raw baseline, against the same PostgreSQL
  const bare = fork(path.join(here, 'bare-server.mjs'), { env: { ...process.env, BARE_DATABASE_URL: databaseUrl }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  cleanups.push(async () => {
    if (bare.exitCode === null) bare.kill('SIGTERM');
  });
  const { port } = await ipc(bare, 'listening');
  const bareUrl = `http://127.0.0.1:${port}`;
  const bareClients = await startClients();
  const bareConnected = ipc(bareClients, 'connected');
  bareClients.send({ type: 'connect', url: bareUrl, meetingId: null, sockets: users.map((u) => ({ auth: { voter: u.id } })) });
  const bc = await bareConnected;
  console.log(`bare Socket.IO + INSERT: ${bc.ok} sockets connected in ${(bc.ms / 1000).toFixed(1)} s · load average ${load()}`);
  const bareVote = crypto.randomUUID();
  const baseline = await measure(bareClients, bareVote, async () => json(await fetch(`${bareUrl}/close/${bareVote}`, { method: 'POST' })));
  print('bare baseline', baseline);
  bareClients.send({ type: 'close' });

  console.log('ratios (hopso / bare):');
  for (const kind of KINDS) {
    const h = hopso[kind];
    console.log(`  ${kind.padEnd(8)} ack p50 ${ratio(h.p50, baseline.p50)} · ack p99 ${ratio(h.p99, baseline.p99)} · close → last result ${ratio(h.closeToLast, baseline.closeToLast)}`);
  }
  console.log(`targets: lost 0, duplicated 0, ack p99 < 100 ms, close → result on the last socket < 1 s · load average ${load()} (${os.cpus().length} cores)`);
  const bad = KINDS.some((k) => hopso[k].lost || hopso[k].duplicated || !hopso[k].countsMatch);
  process.exitCode = bad ? 1 : 0;
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(cleanupAll);
