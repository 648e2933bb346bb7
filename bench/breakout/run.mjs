// bench/breakout (issue 5): breakout group chat under load. 20 groups of 10 delegates
// post messages for 30 s; every member socket of a group must get each message of its
// group, the chair and both secretaries every message of every group, nobody any other
// group's messages. Measured on hopso (real HTTP post, database, event log, gateway) and,
// in the same run, on its raw baseline: a bare Socket.IO 4.8 server that broadcasts each
// POST to the group's room and the staff room at once (no database, no app logic).
//
// Processes: this one schedules and sends the posts (open loop: a post is sent at its
// time whether or not earlier ones were answered) over keep-alive HTTP (Node's fetch);
// clients.mjs holds the 203 sockets in a process of its own; the server under test is a
// third (hopso: plus its embedded PostgreSQL). Latency = time a socket got the message
// minus the time its POST was sent (one clock: performance.timeOrigin + now()).
import { fork } from 'node:child_process';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { login, startBenchServer, waitAllReady } from '../lib/server.mjs';
import { loadAverage, percentile as pct, treeCpuMs } from '../lib/stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const num = (name, dflt) => Number(process.env[name] || dflt);
const GROUPS = num('BENCH_GROUPS', 20);
const MEMBERS = num('BENCH_MEMBERS', 10);
const RATE_PER_GROUP = num('BENCH_RATE_PER_GROUP', 5); // messages per second per group (BENCH_RATE_PER_GROUP=50 for the literal reading)
const SECONDS = num('BENCH_SECONDS', 30);
const DRAIN_MS = 10_000; // a delivery later than this after the last post counts as lost
const STAFF = ['chutoa', 'thuky1', 'thuky2'];
const BOUND_MS = 295_000;

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : 'n/a');
const fmt = (n) => n.toLocaleString('en-US');

// ---- everything started is stopped, whatever happens ----
const cleanups = [];
let cleaning = null;
const cleanupAll = () =>
  (cleaning ??= (async () => {
    while (cleanups.length) {
      try {
        await cleanups.pop()();
      } catch (e) {
        console.error('bench/breakout cleanup:', e);
      }
    }
  })());
const watchdog = setTimeout(async () => {
  console.error(`bench/breakout: over its ${BOUND_MS / 1000} s bound, stopping everything`);
  await cleanupAll();
  process.exit(2);
}, BOUND_MS);
let interrupted = false;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, async () => {
    interrupted = true;
    console.error(`bench/breakout: ${sig}, stopping everything`);
    await cleanupAll();
    process.exit(130);
  });
}

function startReceiver() {
  const child = fork(path.join(here, 'clients.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
  const waiters = new Map();
  child.on('message', (m) => {
    const w = waiters.get(m.type);
    waiters.delete(m.type);
    w?.resolve(m);
  });
  child.on('exit', (code) => {
    for (const w of waiters.values()) w.reject(new Error(`socket process exited (${code})`));
    waiters.clear();
  });
  const ask = (msg, reply = msg.type, timeoutMs = 60_000) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`socket process: no '${reply}' in ${timeoutMs} ms`)), timeoutMs);
      waiters.set(reply, { resolve: (m) => (clearTimeout(timer), resolve(m)), reject: (e) => (clearTimeout(timer), reject(e)) });
      child.send(msg);
    });
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(3_000)]);
  };
  cleanups.push(kill);
  return { ask, kill, pid: child.pid };
}

/** Waits until the socket process has `expected` correct deliveries or the deadline passes; returns the count. */
async function waitDeliveries(rx, expected, deadline) {
  for (;;) {
    const { correct } = await rx.ask({ type: 'progress' });
    if (correct >= expected || now() > deadline) return correct;
    await sleep(50);
  }
}

/**
 * One measured run. `groups`: [{id, members:[{id, name, ...}]}]; `post(group, member, clientId, body)`
 * sends one message and resolves with the fetch Response. The sockets are already connected and in
 * their rooms (rx). Returns the numbers to print.
 */
async function measure({ rx, groups, post, serverPid }) {
  // warm-up: one message per group, every socket must see its group's (checks the wiring, warms JIT and caches)
  const warm0 = now();
  await Promise.all(groups.map(async (g, i) => (await post(g, g.members[0], crypto.randomUUID(), `Khởi động tổ ${i + 1}`)).arrayBuffer()));
  const warmExpected = groups.length * (MEMBERS + STAFF.length);
  const warmGot = await waitDeliveries(rx, warmExpected, now() + 10_000);
  const warmMs = now() - warm0;
  await sleep(500);
  await rx.ask({ type: 'reset' });

  const interval = 1000 / (groups.length * RATE_PER_GROUP);
  const total = groups.length * RATE_PER_GROUP * SECONDS;
  const msgs = [];
  const inflight = new Set();
  const cpu0 = process.cpuUsage();
  const srv0 = serverPid ? treeCpuMs(serverPid) : 0;
  const t0 = now() + 100;
  for (let i = 0; i < total; i++) {
    const due = t0 + i * interval;
    const wait = due - now();
    if (wait > 0.5) await sleep(wait);
    // group g posts every 1000/RATE ms, groups staggered evenly; its members take turns
    const g = i % groups.length;
    const k = Math.floor(i / groups.length);
    const group = groups[g];
    const member = group.members[k % group.members.length];
    const m = { clientId: crypto.randomUUID(), g, sentAt: now(), lag: 0, status: 0, doneAt: 0 };
    m.lag = m.sentAt - due;
    msgs.push(m);
    const body = `Tổ ${g + 1}, ý kiến ${k + 1}: đề nghị làm rõ phạm vi điều chỉnh của điều ${(k % 40) + 1} và nguồn kinh phí thực hiện.`;
    const p = post(group, member, m.clientId, body)
      .then(async (res) => {
        m.status = res.status;
        await res.arrayBuffer();
        m.doneAt = now();
      })
      .catch((e) => {
        m.status = -1;
        m.error = e.name === 'TimeoutError' ? 'no answer in 10 s' : `${e.message}${e.cause?.code ? ` (${e.cause.code})` : ''}`;
      })
      .finally(() => inflight.delete(p));
    inflight.add(p);
  }
  const endAt = now();
  const postCpu = process.cpuUsage(cpu0);
  const srvCpuMs = serverPid ? treeCpuMs(serverPid) - srv0 : 0;
  const sendWindowMs = endAt - t0;
  const deadline = endAt + DRAIN_MS;
  await Promise.race([Promise.all([...inflight]), sleep(DRAIN_MS + 1_000)]);
  const okMsgs = msgs.filter((m) => m.status === 201);
  const got = await waitDeliveries(rx, okMsgs.length * (MEMBERS + STAFF.length), deadline);
  const drainMs = Math.max(0, now() - endAt);
  const rec = await rx.ask({ type: 'collect' }, 'receipts', 60_000);

  // ---- what arrived where ----
  const byGroup = new Map();
  const staffSockets = [];
  for (const s of rec.sockets) {
    s.recv = new Map(s.recv);
    if (s.staff) staffSockets.push(s);
    else byGroup.set(s.groupId, [...(byGroup.get(s.groupId) ?? []), s]);
  }
  const memberLat = [];
  const staffLat = [];
  let lost = 0;
  let late = 0;
  const lostExamples = [];
  for (const m of okMsgs) {
    const gid = groups[m.g].id;
    const targets = [...(byGroup.get(gid) ?? []).map((s) => [s, memberLat]), ...staffSockets.map((s) => [s, staffLat])];
    if ((byGroup.get(gid)?.length ?? 0) !== groups[m.g].members.length) lost += groups[m.g].members.length - (byGroup.get(gid)?.length ?? 0);
    for (const [s, into] of targets) {
      const t = s.recv.get(m.clientId);
      if (t === undefined || t > deadline) {
        lost++;
        if (t !== undefined) late++;
        if (lostExamples.length < 3) lostExamples.push(`${m.clientId.slice(0, 8)} → ${s.label}`);
      } else into.push(t - m.sentAt);
    }
  }
  const sent = new Set(okMsgs.map((m) => m.clientId));
  const strays = new Set(rec.sockets.flatMap((s) => [...s.recv.keys()].filter((id) => !sent.has(id))));
  memberLat.sort((a, b) => a - b);
  staffLat.sort((a, b) => a - b);
  const httpLat = okMsgs.map((m) => m.doneAt - m.sentAt).sort((a, b) => a - b);
  // when the slow answers happened: a stall (a few seconds) or all along
  const slowSeconds = new Map();
  for (const m of okMsgs) {
    const answer = m.doneAt - m.sentAt;
    if (answer > 100) {
      const second = Math.floor((m.sentAt - t0) / 1000);
      slowSeconds.set(second, Math.max(slowSeconds.get(second) ?? 0, answer));
    }
  }
  const lags = msgs.map((m) => m.lag).sort((a, b) => a - b);
  const errors = new Map();
  for (const m of msgs) if (m.status !== 201) errors.set(m.error ?? `HTTP ${m.status}`, (errors.get(m.error ?? `HTTP ${m.status}`) ?? 0) + 1);
  return {
    warm: { got: warmGot, expected: warmExpected, ms: warmMs },
    window: { from: t0, to: endAt },
    total,
    ok: okMsgs.length,
    errors,
    sendRate: (msgs.length * 1000) / sendWindowMs,
    lagP99: pct(lags, 99),
    lagMax: lags.at(-1),
    http: { p50: pct(httpLat, 50), p99: pct(httpLat, 99), max: httpLat.at(-1) },
    slowSeconds: [...slowSeconds].sort((a, b) => a[0] - b[0]),
    members: { n: memberLat.length, p50: pct(memberLat, 50), p99: pct(memberLat, 99), max: memberLat.at(-1) },
    staff: { n: staffLat.length, p50: pct(staffLat, 50), p99: pct(staffLat, 99), max: staffLat.at(-1) },
    expected: okMsgs.length * (MEMBERS + STAFF.length),
    got,
    drainMs,
    lost,
    late,
    lostExamples,
    duplicated: rec.sockets.reduce((n, s) => n + s.dups.length, 0),
    leaked: rec.sockets.reduce((n, s) => n + s.leaks.length, 0),
    strays: strays.size,
    disconnects: rec.sockets.reduce((n, s) => n + s.disconnects, 0),
    cpu: {
      poster: ((postCpu.user + postCpu.system) / 1000 / sendWindowMs) * 100,
      sockets: (rec.cpuMs / rec.wallMs) * 100,
      server: serverPid ? (srvCpuMs / sendWindowMs) * 100 : null,
    },
  };
}

function print(name, r) {
  const errs = [...r.errors].map(([k, v]) => `${v}× ${k}`).join(', ');
  console.log(`  ${name}`);
  console.log(`    warm-up: ${r.warm.got}/${r.warm.expected} deliveries in ${r.warm.ms.toFixed(0)} ms`);
  console.log(
    `    posted ${fmt(r.ok)}/${fmt(r.total)} (201)${errs ? `, failed: ${errs}` : ''} at ${r.sendRate.toFixed(1)}/s; sender lag p99 ${ms(r.lagP99)} max ${ms(r.lagMax)}; HTTP answer p50 ${ms(r.http.p50)} p99 ${ms(r.http.p99)} max ${ms(r.http.max)}`,
  );
  if (r.slowSeconds.length) {
    console.log(`    seconds with an answer over 100 ms: ${r.slowSeconds.length} of ${SECONDS} (second: slowest) ${r.slowSeconds.map(([sec, worst]) => `${sec}: ${worst.toFixed(0)}`).join(', ')}`);
  }
  console.log(`    to group members: ${fmt(r.members.n)} deliveries, p50 ${ms(r.members.p50)}, p99 ${ms(r.members.p99)}, max ${ms(r.members.max)}`);
  console.log(`    to staff (chair + 2 secretaries): ${fmt(r.staff.n)} deliveries, p50 ${ms(r.staff.p50)}, p99 ${ms(r.staff.p99)}, max ${ms(r.staff.max)}`);
  console.log(
    `    lost ${r.lost}${r.late ? ` (${r.late} arrived after the 10 s drain)` : ''}${r.lostExamples.length ? ` e.g. ${r.lostExamples.join(', ')}` : ''}, duplicated ${r.duplicated}, leaked to another group ${r.leaked}, socket disconnects ${r.disconnects}${r.strays ? `, ${r.strays} messages delivered whose POST failed` : ''}; ${r.lost === 0 ? 'all in' : 'stopped waiting'} ${r.drainMs.toFixed(0)} ms after the last post`,
  );
  console.log(
    `    CPU over the send window: poster ${r.cpu.poster.toFixed(0)}% of a core, socket process ${r.cpu.sockets.toFixed(0)}%${r.cpu.server !== null ? `, server + its PostgreSQL ${r.cpu.server.toFixed(0)}%` : ''}`,
  );
}

/**
 * Watches the bench server's own PostgreSQL (loopback, the embedded server's fixed local
 * account) every 100 ms while the run goes: how many backends are busy, how many wait for the
 * meeting row's event_seq counter, and whether a COMMIT is waiting on the WAL flush.
 */
async function startPgSampler(pgPort) {
  const { Client } = require('pg');
  const c = new Client({ connectionString: `postgres://hopso:hopso@127.0.0.1:${pgPort}/hopso` });
  c.on('error', () => undefined);
  await c.connect();
  const st = { samples: 0, maxBusy: 0, sumBusy: 0, maxSeqWaiters: 0, sumSeqWaiters: 0, withSeqWaiters: 0, withWalSync: 0, withIdleTx: 0, seqs: [] };
  let running = true;
  const loop = (async () => {
    while (running) {
      const [r] = (
        await c.query(
          `SELECT count(*) FILTER (WHERE state <> 'idle')::int AS busy,
                  count(*) FILTER (WHERE wait_event_type = 'Lock' AND query LIKE '%UPDATE meetings SET event_seq%')::int AS seq_waiters,
                  count(*) FILTER (WHERE wait_event = 'WalSync')::int AS walsync,
                  count(*) FILTER (WHERE state = 'idle in transaction')::int AS idle_tx,
                  (SELECT sum(event_seq)::int FROM meetings) AS seq
             FROM pg_stat_activity WHERE datname = 'hopso' AND pid <> pg_backend_pid() AND query NOT LIKE '%pgboss%'`,
        )
      ).rows;
      st.seqs.push([now(), r.seq]);
      if (r.idle_tx) st.withIdleTx++;
      st.samples++;
      st.sumBusy += r.busy;
      st.maxBusy = Math.max(st.maxBusy, r.busy);
      st.sumSeqWaiters += r.seq_waiters;
      st.maxSeqWaiters = Math.max(st.maxSeqWaiters, r.seq_waiters);
      if (r.seq_waiters) st.withSeqWaiters++;
      if (r.walsync) st.withWalSync++;
      await sleep(100);
    }
  })().catch(() => undefined);
  const stop = async () => {
    running = false;
    await loop;
    await c.end().catch(() => undefined);
  };
  cleanups.push(stop);
  /** Events committed per second between two instants (the meeting event log's sequence numbers). */
  const rate = (from, to) => {
    const a = st.seqs.find(([t]) => t >= from);
    const b = st.seqs.findLast(([t]) => t <= to);
    return a && b && b[0] > a[0] ? ((b[1] - a[1]) * 1000) / (b[0] - a[0]) : NaN;
  };
  return { st, stop, rate };
}

// ---------------------------------------------------------------- the baseline
async function runBare() {
  const child = fork(path.join(here, 'bare-server.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  cleanups.push(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(3_000)]);
  });
  const port = await new Promise((resolve, reject) => {
    child.once('message', (m) => resolve(m.port));
    child.once('exit', (c) => reject(new Error(`bare server exited (${c})`)));
  });
  const url = `http://127.0.0.1:${port}`;
  const meetingId = crypto.randomUUID();
  const groups = Array.from({ length: GROUPS }, (_, g) => ({
    id: crypto.randomUUID(),
    members: Array.from({ length: MEMBERS }, (_, i) => ({ id: crypto.randomUUID(), name: `Đại biểu ${String(g * MEMBERS + i + 1).padStart(4, '0')}` })),
  }));
  const rx = startReceiver();
  const sockets = [
    ...groups.flatMap((g) => g.members.map((m) => ({ label: m.name, auth: { groupId: g.id }, staff: false, groupId: g.id }))),
    ...STAFF.map((s) => ({ label: s, auth: { staff: true }, staff: true, groupId: null })),
  ];
  const c = await rx.ask({ type: 'connect', url, sockets, meetingId }, 'connected', 120_000);
  if (c.failed) throw new Error(`bare: ${c.failed} sockets failed: ${c.errors.join('; ')}`);
  const post = (group, member, clientId, body) =>
    fetch(`${url}/groups/${group.id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientId, body, authorId: member.id, authorName: member.name, meetingId }),
      signal: AbortSignal.timeout(DRAIN_MS),
    });
  const r = await measure({ rx, groups, post, serverPid: child.pid });
  await rx.kill();
  child.kill('SIGTERM');
  return { r, connectMs: c.ms };
}

// ---------------------------------------------------------------- hopso
async function runHopso() {
  const t0 = now();
  const server = await startBenchServer({ port: 3997, pgPort: 54337, dataDirName: '.bench-data-breakout', env: { HOPSO_LOGIN_RATE_LIMIT: '100000' } });
  cleanups.push(server.stop);
  const { url } = server;
  const startMs = now() - t0;
  const sec = await login(url, 'thuky1');
  const [meeting] = await sec.api('/meetings');
  const detail = await sec.api(`/meetings/${meeting.id}`);
  const agendaItemId = detail.agenda[1].id;
  await waitAllReady(sec.fetch, meeting.id);

  // 200 delegates, imported as the secretariat does it, each logged in
  const n = GROUPS * MEMBERS;
  const csv = ['Họ và tên,Số điện thoại,Vai trò', ...Array.from({ length: n }, (_, i) => `Đại biểu ${String(i + 1).padStart(4, '0')},09${String(70000001 + i)},đại biểu`)].join('\n');
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'dai-bieu.csv');
  const imported = await sec.api(`/meetings/${meeting.id}/participants/import`, { method: 'POST', body: form });
  if (imported.createdAccounts.length !== n) throw new Error(`import: ${imported.createdAccounts.length} accounts created, errors ${JSON.stringify(imported.errors.slice(0, 3))}`);
  const delegates = [];
  const queue = [...imported.createdAccounts];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let a; (a = queue.shift()); ) {
        const s = await login(url, a.username, a.initialPassword);
        delegates.push({ id: s.user.id, name: a.fullName, token: s.token });
      }
    }),
  );
  const staff = [await login(url, 'chutoa'), sec, await login(url, 'thuky2')];
  const setupMs = now() - t0;

  // the delegates are online (sockets in the meeting) before the chair splits them, as in the hall
  const rx = startReceiver();
  const sockets = [
    ...delegates.map((d) => ({ label: d.name, auth: { token: d.token }, staff: false, groupId: null })),
    ...staff.map((s, i) => ({ label: STAFF[i], auth: { token: s.token }, staff: true, groupId: null })),
  ];
  const c = await rx.ask({ type: 'connect', url, sockets, meetingId: meeting.id }, 'connected', 120_000);
  if (c.failed) throw new Error(`hopso: ${c.failed} sockets failed: ${c.errors.join('; ')}`);

  const chair = staff[0];
  const breakout = await chair.api(`/meetings/${meeting.id}/breakouts/auto`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ agendaItemId, groupCount: GROUPS, presentUserIds: delegates.map((d) => d.id) }),
  });
  if (breakout.groups.length !== GROUPS || breakout.groups.some((g) => g.memberIds.length !== MEMBERS)) {
    throw new Error(`auto split: ${breakout.groups.map((g) => g.memberIds.length).join(',')}`);
  }
  await chair.api(`/meetings/${meeting.id}/breakouts/start`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ agendaItemId }) });
  const byId = new Map(delegates.map((d) => [d.id, d]));
  const groups = breakout.groups.map((g) => ({ id: g.id, members: g.memberIds.map((id) => byId.get(id)) }));
  await rx.ask({ type: 'assign', groups: Object.fromEntries(groups.flatMap((g) => g.members.map((m) => [m.name, g.id]))) });

  const post = (group, member, clientId, body) =>
    fetch(`${url}/api/breakout-groups/${group.id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${member.token}` },
      body: JSON.stringify({ clientId, body, citation: null }),
      signal: AbortSignal.timeout(DRAIN_MS),
    });
  const sampler = await startPgSampler(54337);
  const r = await measure({ rx, groups, post, serverPid: server.child.pid });
  await sampler.stop();
  await rx.kill();
  const ended = await chair.api(`/meetings/${meeting.id}/breakouts/end`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ agendaItemId }) });
  const stored = ended.groups.reduce((s, g) => s + g.messageCount, 0);
  const errorLines = server
    .logs()
    .split('\n')
    .filter((l) => /"level":(50|60)|ERROR/.test(l));
  return { r, pg: { ...sampler.st, committedRate: sampler.rate(r.window.from, r.window.to) }, startMs, setupMs, connectMs: c.ms, stored, serverErrors: errorLines.length, firstError: errorLines[0]?.slice(0, 300) };
}

// ---------------------------------------------------------------- main
let exitCode = 0;
try {
  const total = GROUPS * RATE_PER_GROUP * SECONDS;
  console.log(
    `bench/breakout: ${GROUPS} groups × ${MEMBERS} members + ${STAFF.length} staff sockets (chair, 2 secretaries), ${SECONDS} s of posting, delivery counted for ${DRAIN_MS / 1000} s after`,
  );
  console.log(
    `  load, as read: "${RATE_PER_GROUP} messages per second" is per GROUP, spread over its members taking turns (each member ${(RATE_PER_GROUP / MEMBERS).toFixed(1)}/s); ` +
      `${fmt(GROUPS * RATE_PER_GROUP)} messages/s in all, one every ${(1000 / (GROUPS * RATE_PER_GROUP)).toFixed(1)} ms, groups staggered, open loop = ${fmt(total)} messages, ` +
      `${fmt(total * (MEMBERS + STAFF.length))} socket deliveries (the literal "5/s per member" would be ${fmt(GROUPS * MEMBERS * 5)}/s: BENCH_RATE_PER_GROUP=${MEMBERS * 5})`,
  );
  console.log(`  processes: poster (this one, keep-alive fetch), sockets (clients.mjs, 203 sockets), server under test; latency = socket receipt − POST send`);
  const load = () => `load average ${loadAverage()} on ${os.cpus().length} cores`;
  console.log(`  machine before the baseline: ${load()}`);
  const bare = await runBare();
  print(`baseline: bare Socket.IO 4.8, POST → broadcast to group:{id} + staff rooms, no DB (sockets connected in ${bare.connectMs.toFixed(0)} ms)`, bare.r);
  console.log(`  machine after the baseline: ${load()}`);
  const hop = await runHopso();
  print(
    `hopso: POST /api/breakout-groups/:id/messages → DB + event log → gateway (server up in ${(hop.startMs / 1000).toFixed(1)} s, 200 delegates imported and logged in by ${(hop.setupMs / 1000).toFixed(1)} s, 203 sockets joined in ${hop.connectMs.toFixed(0)} ms)`,
    hop.r,
  );
  console.log(`    stored in the groups after the end: ${fmt(hop.stored)} messages (${fmt(hop.r.ok + GROUPS)} posted incl. warm-up); server error log lines: ${hop.serverErrors}${hop.firstError ? ` — ${hop.firstError}` : ''}`);
  const pg = hop.pg;
  console.log(
    `    its PostgreSQL, sampled every 100 ms during the run (${pg.samples} samples): busy backends mean ${(pg.sumBusy / pg.samples).toFixed(1)} max ${pg.maxBusy} (app pool: 20);`,
  );
  console.log(
    `      waiting for the meeting row's event_seq lock: mean ${(pg.sumSeqWaiters / pg.samples).toFixed(1)} max ${pg.maxSeqWaiters} (in ${((pg.withSeqWaiters / pg.samples) * 100).toFixed(0)}% of samples);`,
  );
  console.log(
    `      a backend idle in a transaction (waiting for the app) in ${((pg.withIdleTx / pg.samples) * 100).toFixed(0)}% of samples; a COMMIT in WAL sync in ${((pg.withWalSync / pg.samples) * 100).toFixed(0)}%`,
  );
  console.log(`    messages committed while posting: ${pg.committedRate.toFixed(1)}/s (offered ${fmt(GROUPS * RATE_PER_GROUP)}/s)`);
  const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(1)}×` : 'n/a');
  console.log(
    `  ratio hopso/bare: members p50 ${ratio(hop.r.members.p50, bare.r.members.p50)}, p99 ${ratio(hop.r.members.p99, bare.r.members.p99)}; staff p50 ${ratio(hop.r.staff.p50, bare.r.staff.p50)}, p99 ${ratio(hop.r.staff.p99, bare.r.staff.p99)}`,
  );
  console.log(`  machine after hopso: ${load()}`);
  const p99 = Math.max(hop.r.members.p99, hop.r.staff.p99);
  const pass = hop.r.ok === hop.r.total && hop.r.lost === 0 && hop.r.duplicated === 0 && hop.r.leaked === 0 && p99 < 100;
  console.log(
    `  target (none lost, none duplicated, none leaked, p99 < 100 ms): ${pass ? 'met' : 'NOT met'} — lost ${hop.r.lost}, duplicated ${hop.r.duplicated}, leaked ${hop.r.leaked}, failed posts ${hop.r.total - hop.r.ok}, p99 ${ms(p99)}`,
  );
} catch (e) {
  if (!interrupted) console.error('bench/breakout failed:', e);
  exitCode = 1;
} finally {
  await cleanupAll();
  clearTimeout(watchdog);
}
process.exit(exitCode);
