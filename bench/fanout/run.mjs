// bench/fanout: live updates to a full hall. 1,000 delegates and 3 staff (two
// secretaries, the chair) hold Socket.IO connections to the real server; measured:
//  (a) a delegate's comment (HTTP POST, validation, database transaction, event log)
//      until every staff socket has the comment.created event;
//  (b) the chair's agenda change (HTTP POST /current-item) until the last of the
//      1,000 delegate sockets has the meeting.updated event;
//  (c) 40 comments in flight at once, from 40 different delegates, 5 rounds: what each
//      staff socket applies of them after the web client's own ordering (EventOrder,
//      shared/src/event-order.ts): delivered, lost, out of order, duplicated,
//      and the p99 from POST to the last staff socket. The bare server broadcasts in the
//      order it handles the requests, numbered as they were sent: what ordering costs it.
// Beside each, in the same run and with the same clients, the raw baseline: a bare
// Socket.IO 4.8 server (no application logic, no database) whose HTTP POST broadcasts
// the same event at once to the same rooms. Rounds alternate hopso / bare, so load
// from anything else on the machine falls on both alike.
//
// The delegate sockets live in child processes (BENCH_CLIENT_PROCS, default 2), each
// holding its share of sockets to both servers; the 3 staff sockets live in this
// process, which also sends the HTTP requests. Times are process.hrtime
// (CLOCK_MONOTONIC), comparable across processes on one machine.
import { fork } from 'node:child_process';
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { io } from 'socket.io-client';
import { login as signIn, startBenchServer, waitAllReady } from '../lib/server.mjs';
import { mapLimit } from '../lib/connect-all.mjs';
import { loadAverage, percentile as pct, processCpuMs as cpuMs, rssMb } from '../lib/stats.mjs';
import { createRequire } from 'node:module';

const here = path.dirname(fileURLToPath(import.meta.url));
const DELEGATES = Number(process.env.BENCH_DELEGATES || 1000);
const COMMENTS = Number(process.env.BENCH_COMMENTS || 200);
const CHANGES = Number(process.env.BENCH_AGENDA_CHANGES || 20);
const CLIENT_PROCS = Number(process.env.BENCH_CLIENT_PROCS || 2);
const PORT = Number(process.env.BENCH_FANOUT_PORT || 3998);
const PG_PORT = Number(process.env.BENCH_FANOUT_PG_PORT || 54338);
const CONCURRENT = Number(process.env.BENCH_CONCURRENT || 40);
const CONCURRENT_ROUNDS = Number(process.env.BENCH_CONCURRENT_ROUNDS || 5);
const WARMUP = 5;
const TIME_LIMIT_MS = 300_000;
const PASSWORD = 'hopso2026';
const STAFF = ['thuky1', 'thuky2', 'chutoa'];

// ---------- small helpers ----------
const hr = () => process.hrtime.bigint();
const msBetween = (a, b) => Number(b - a) / 1e6;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const f1 = (x) => x.toFixed(1);
// a fixed seed: the same delegates and paragraphs every run
let seed = 0x5eed;
const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];

// ---------- everything this bench starts, stopped in reverse order, also on failure ----------
const cleanups = [];
let shuttingDown = null;
const shutdown = () =>
  (shuttingDown ??= (async () => {
    for (const c of cleanups.reverse()) {
      try {
        await c();
      } catch (e) {
        console.error('  cleanup:', e instanceof Error ? e.message : e);
      }
    }
  })());
for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => shutdown().finally(() => process.exit(130)));
for (const ev of ['uncaughtException', 'unhandledRejection']) {
  process.on(ev, (e) => {
    console.error('bench/fanout failed:', e instanceof Error ? (e.stack ?? e.message) : e);
    shutdown().finally(() => process.exit(1));
  });
}
const watchdog = setTimeout(() => {
  console.error(`bench/fanout: not finished within ${TIME_LIMIT_MS / 1000 - 30} s, stopping`);
  shutdown().finally(() => process.exit(1));
}, TIME_LIMIT_MS - 30_000);
watchdog.unref();

/** Resolves with the first message of `child` that `pred` accepts; rejects on a reported error, exit or timeout. */
function waitMsg(child, pred, timeoutMs, what) {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      child.off('message', onMsg);
      child.off('exit', onExit);
    };
    const onMsg = (m) => {
      if (m.type === 'error') {
        done();
        reject(new Error(`client process: ${m.message}`));
      } else if (pred(m)) {
        done();
        resolve(m);
      }
    };
    const onExit = (code) => {
      done();
      reject(new Error(`client process exited (${code}) while waiting for ${what}`));
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
    child.on('message', onMsg);
    child.once('exit', onExit);
    if (child.exitCode !== null || child.signalCode !== null) onExit(child.exitCode ?? child.signalCode);
  });
}

const login = async (url, loginName, password = PASSWORD) => (await signIn(url, loginName, password)).token;
const apiWith = (url, token) => (p, init = {}) => fetch(`${url}/api${p}`, { ...init, headers: { ...(init.headers ?? {}), authorization: `Bearer ${token}` } });


// ---------- the staff sockets (in this process) ----------
/** key `${target}|${comment body}` → arrival times at the staff sockets */
const staffArrivals = new Map();
const staffWaiters = new Map();
const presence = { hopso: { count: 0, maxIds: 0 }, bare: { count: 0, maxIds: 0 } };
let lastHopsoCommentEvent = null;
/** per staff socket: its target, the last seq it received, and (during round c) every event as it arrived */
const staffLive = new Map();

function connectStaff(target, url, meetingId, auth) {
  return new Promise((resolve, reject) => {
    const socket = io(url, { path: '/socket.io', transports: ['websocket'], auth, forceNew: true, reconnection: false, timeout: 30_000 });
    const live = { target, lastSeq: 0, log: null };
    staffLive.set(socket, live);
    socket.on('meeting:event', (ev) => {
      live.log?.push({ ev, at: hr() });
      live.lastSeq = Math.max(live.lastSeq, ev.seq);
      if (ev.type !== 'comment.created') return;
      const now = hr();
      if (target === 'hopso') lastHopsoCommentEvent = ev;
      const key = `${target}|${ev.payload.comment.body}`;
      const times = staffArrivals.get(key) ?? [];
      times.push(now);
      staffArrivals.set(key, times);
      if (times.length === STAFF.length) staffWaiters.get(key)?.(times);
    });
    socket.on('presence', (p) => {
      presence[target].count++;
      presence[target].maxIds = Math.max(presence[target].maxIds, p.onlineUserIds.length);
    });
    socket.once('connect_error', (e) => reject(new Error(`${target} staff socket: ${e.message}`)));
    socket.once('connect', async () => {
      try {
        const res = await socket.timeout(30_000).emitWithAck('meeting:join', { meetingId });
        if (!res?.ok || !res.data.staff) throw new Error(`${target} staff socket: meeting:join ${JSON.stringify(res)}`);
        resolve(socket);
      } catch (e) {
        reject(e);
      }
    });
  });
}

function waitStaff(target, body, timeoutMs = 10_000) {
  const key = `${target}|${body}`;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      staffWaiters.delete(key);
      reject(new Error(`${target}: only ${staffArrivals.get(key)?.length ?? 0} of ${STAFF.length} staff sockets got comment "${body}" within ${timeoutMs} ms`));
    }, timeoutMs);
    const finish = (times) => {
      clearTimeout(timer);
      staffWaiters.delete(key);
      staffArrivals.delete(key);
      resolve(times);
    };
    if (staffArrivals.get(key)?.length === STAFF.length) finish(staffArrivals.get(key));
    else staffWaiters.set(key, finish);
  });
}

// ---------- the run ----------
async function main() {
  const tStart = performance.now();
  const loadStart = loadAverage();
  console.log(`bench/fanout: ${DELEGATES} delegate + ${STAFF.length} staff sockets per server; ${COMMENTS} comments, ${CHANGES} agenda changes; hopso and bare rounds alternate`);
  console.log(`  clients: ${CLIENT_PROCS} child processes × ${Math.ceil(DELEGATES / CLIENT_PROCS)} delegate sockets (each to both servers), staff sockets and HTTP requests in the bench process`);

  // the bare baseline server, in its own process
  const bare = fork(path.join(here, 'bare-server.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  bare.on('error', () => undefined); // an IPC write to a process that has gone: its exit is what matters
  cleanups.push(async () => {
    if (bare.exitCode !== null || bare.signalCode !== null) return;
    const exited = new Promise((r) => bare.once('exit', r));
    bare.kill('SIGTERM');
    await Promise.race([exited, sleep(5000)]);
    if (bare.exitCode === null && bare.signalCode === null) bare.kill('SIGKILL');
  });
  const bareListening = waitMsg(bare, (m) => m.type === 'listening', 30_000, 'the bare server');
  bareListening.catch(() => undefined); // awaited below; not an unhandled rejection if the hopso server fails first

  // the hopso server, its own embedded PostgreSQL and data folder
  let t = performance.now();
  const server = await startBenchServer({ port: PORT, pgPort: PG_PORT, dataDirName: '.bench-data-fanout', env: { HOPSO_LOGIN_RATE_LIMIT: '100000' } });
  cleanups.push(() => server.stop());
  const rssAtStart = rssMb(server.child.pid);
  const bareUrl = `http://127.0.0.1:${(await bareListening).port}`;
  const setup = [`server start ${f1((performance.now() - t) / 1000)} s`];

  const secretary = apiWith(server.url, await login(server.url, 'thuky1'));
  const [meeting] = await (await secretary('/meetings')).json();
  const docs = await waitAllReady(secretary, meeting.id);
  const detail = await (await secretary(`/meetings/${meeting.id}`)).json();
  const items = detail.agenda.map((a) => a.id);
  if (items.length < 2) throw new Error('the demo meeting needs two agenda items');
  const paragraphs = [];
  for (const d of docs.filter((d) => d.currentVersion.status === 'ready')) {
    const ps = await (await secretary(`/documents/${d.id}/versions/${d.currentVersion.id}/paragraphs`)).json();
    for (const p of ps) {
      if (p.text.trim() && p.text.length <= 5000 && p.rects.length >= 1 && p.rects.length <= 200) paragraphs.push({ docId: d.id, versionId: d.currentVersion.id, p });
    }
  }
  if (!paragraphs.length) throw new Error('no paragraphs to comment on');

  // 1,000 delegate accounts through the real import (4 files at once: each row costs a password hash), then a session each
  t = performance.now();
  const IMPORT_FILES = 4;
  const rows = Array.from({ length: DELEGATES }, (_, i) => `Đại biểu ${String(i + 1).padStart(4, '0')},0970${String(i + 1).padStart(6, '0')},đại biểu`);
  const imports = await Promise.all(
    Array.from({ length: IMPORT_FILES }, async (_, k) => {
      const form = new FormData();
      const csv = ['Họ và tên,Số điện thoại,Vai trò', ...rows.filter((_, i) => i % IMPORT_FILES === k)].join('\n');
      form.append('file', new Blob([csv], { type: 'text/csv' }), `dai-bieu-${k + 1}.csv`);
      const imp = await secretary(`/meetings/${meeting.id}/participants/import`, { method: 'POST', body: form });
      if (!imp.ok) throw new Error(`import: ${imp.status} ${await imp.text()}`);
      return imp.json();
    }),
  );
  const createdAccounts = imports.flatMap((r) => r.createdAccounts);
  const errors = imports.flatMap((r) => r.errors);
  if (createdAccounts.length !== DELEGATES) throw new Error(`import created ${createdAccounts.length} accounts, errors: ${JSON.stringify(errors.slice(0, 5))}`);
  setup.push(`import of ${DELEGATES} ${f1((performance.now() - t) / 1000)} s`);
  t = performance.now();
  const delegateTokens = await mapLimit(createdAccounts, 8, (a) => login(server.url, a.username, a.initialPassword));
  const staffTokens = await Promise.all(STAFF.map((u) => login(server.url, u)));
  const chair = apiWith(server.url, staffTokens[2]);
  setup.push(`${DELEGATES + STAFF.length} logins ${f1((performance.now() - t) / 1000)} s`);

  // sockets: staff here, delegates in the client processes
  const rss = { hopsoBefore: rssMb(server.child.pid), bareBefore: rssMb(bare.pid) };
  const staffSockets = [];
  cleanups.push(() => staffSockets.forEach((s) => s.disconnect()));
  const clients = Array.from({ length: CLIENT_PROCS }, () => fork(path.join(here, 'clients.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }).on('error', () => undefined));
  cleanups.push(async () => {
    await Promise.all(
      clients.map(async (c) => {
        if (c.exitCode !== null || c.signalCode !== null) return;
        const exited = new Promise((r) => c.once('exit', r));
        if (c.connected) c.send({ cmd: 'close' });
        await Promise.race([exited, sleep(5000)]);
        if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
      }),
    );
  });
  const share = (k, xs) => xs.filter((_, i) => i % CLIENT_PROCS === k);
  const connectAll = async (target, url, staffAuths, delegateAuths) => {
    const t0 = performance.now();
    for (const auth of staffAuths) staffSockets.push(await connectStaff(target, url, meeting.id, auth));
    await Promise.all(
      clients.map((c, k) => {
        const done = waitMsg(c, (m) => m.type === 'connected' && m.target === target, 120_000, `${target} sockets to connect`);
        c.send({ cmd: 'connect', target, url, meetingId: meeting.id, auths: share(k, delegateAuths), concurrency: 16 });
        return done;
      }),
    );
    return (performance.now() - t0) / 1000;
  };
  const hopsoJoin = await connectAll('hopso', server.url, staffTokens.map((token) => ({ token })), delegateTokens.map((token) => ({ token })));
  const bareJoin = await connectAll('bare', bareUrl, STAFF.map(() => ({ staff: true })), delegateTokens.map(() => ({})));
  setup.push(`${DELEGATES + STAFF.length} sockets connected and joined: hopso ${f1(hopsoJoin)} s, bare ${f1(bareJoin)} s`);
  await sleep(1000);
  rss.hopso = rssMb(server.child.pid);
  rss.bare = rssMb(bare.pid);
  console.log(`  setup: ${setup.join(', ')}`);

  // ---------- (a) comment → every staff socket ----------
  const commentRound = async (target, i) => {
    const body = `Góp ý fanout ${target} ${i} ${crypto.randomUUID().slice(0, 8)}`;
    const arrived = waitStaff(target, body);
    let t0;
    let res;
    if (target === 'hopso') {
      const { docId, versionId, p } = pick(paragraphs);
      const payload = JSON.stringify({ clientId: crypto.randomUUID(), anchor: { versionId, paragraphId: p.id, quote: { exact: p.text, prefix: '', suffix: '' }, rects: p.rects }, body });
      const token = pick(delegateTokens);
      t0 = hr();
      res = await fetch(`${server.url}/api/documents/${docId}/comments`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: payload });
    } else {
      // the same event hopso sent last, so the frames are the same size
      const ev = structuredClone(lastHopsoCommentEvent);
      ev.payload.comment.body = body;
      ev.payload.comment.id = crypto.randomUUID();
      const payload = JSON.stringify(ev);
      t0 = hr();
      res = await fetch(`${bareUrl}/broadcast/staff`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: payload });
    }
    const t1 = hr();
    if (!res.ok) throw new Error(`${target} comment: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
    const times = await arrived;
    return { last: msBetween(t0, times.reduce((a, b) => (b > a ? b : a))), response: msBetween(t0, t1) };
  };
  const a = { hopso: [], bare: [], hopsoResponse: [] };
  const aCpu = { hopso: 0, bare: 0 };
  for (let i = 0; i < WARMUP + COMMENTS; i++) {
    for (const target of ['hopso', 'bare']) {
      const pid = target === 'hopso' ? server.child.pid : bare.pid;
      const c0 = cpuMs(pid);
      const r = await commentRound(target, i);
      aCpu[target] += i >= WARMUP ? cpuMs(pid) - c0 : 0;
      if (i >= WARMUP) {
        a[target].push(r.last);
        if (target === 'hopso') a.hopsoResponse.push(r.response);
      }
      await sleep(20);
    }
  }

  // ---------- (b) agenda change → all 1,000 delegate sockets ----------
  const changeRound = async (target, round) => {
    const item = items[round % 2];
    await Promise.all(
      clients.map((c) => {
        const armed = waitMsg(c, (m) => m.type === 'armed' && m.target === target && m.round === round, 10_000, 'arming');
        c.send({ cmd: 'arm', target, round, agendaItemId: item });
        return armed;
      }),
    );
    const dones = clients.map((c) => waitMsg(c, (m) => m.type === 'done' && m.target === target && m.round === round, 20_000, `${target} round ${round}`));
    dones.forEach((d) => d.catch(() => undefined));
    let t0;
    let res;
    if (target === 'hopso') {
      t0 = hr();
      res = await chair(`/meetings/${meeting.id}/current-item`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ agendaItemId: item }) });
    } else {
      const payload = JSON.stringify({ meetingId: meeting.id, seq: round, type: 'meeting.updated', at: new Date().toISOString(), payload: { meetingId: meeting.id, status: meeting.status, currentAgendaItemId: item } });
      t0 = hr();
      res = await fetch(`${bareUrl}/broadcast/all`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: payload });
    }
    const t1 = hr();
    if (!res.ok) throw new Error(`${target} agenda change: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
    let got;
    try {
      got = await Promise.all(dones);
    } catch (e) {
      const status = await Promise.all(
        clients.map((c) => {
          const s = waitMsg(c, (m) => m.type === 'status' && m.target === target, 5000, 'status').catch(() => null);
          if (c.connected) c.send({ cmd: 'status', target });
          return s;
        }),
      );
      throw new Error(`${e.message}; delegate sockets that got it, per client process: ${status.map((s) => (s ? `${s.count}/${s.n} (${s.disconnects} disconnected)` : '?')).join(', ')}`, { cause: e });
    }
    const lasts = got.map((m) => BigInt(m.last));
    const firsts = got.map((m) => BigInt(m.first));
    return {
      last: msBetween(t0, lasts.reduce((x, y) => (y > x ? y : x))),
      first: msBetween(t0, firsts.reduce((x, y) => (y < x ? y : x))),
      response: msBetween(t0, t1),
      clientCpu: got.map((m) => m.cpuUs / 1000),
    };
  };
  const b = { hopso: [], bare: [] };
  const bCpu = { hopso: 0, bare: 0 };
  for (let r = 0; r < WARMUP + CHANGES; r++) {
    for (const target of ['hopso', 'bare']) {
      const pid = target === 'hopso' ? server.child.pid : bare.pid;
      const c0 = cpuMs(pid);
      const res = await changeRound(target, r);
      await sleep(150);
      if (r >= WARMUP) {
        bCpu[target] += cpuMs(pid) - c0;
        b[target].push(res);
      }
    }
  }

  // ---------- (c) 40 comments in flight at once, from different delegates ----------
  // the web client's own ordering, from the built shared package
  const { EventOrder } = createRequire(import.meta.url)('../../shared/dist/event-order.js');
  const c = { hopso: { perSocket: new Map(), latencies: [] }, bare: { perSocket: new Map(), latencies: [] } };
  const concurrentRound = async (target, round) => {
    const sockets = [...staffLive].filter(([, l]) => l.target === target);
    const tag = crypto.randomUUID().slice(0, 8);
    const bodies = Array.from({ length: CONCURRENT }, (_, i) => `Đồng thời ${target} ${round} ${i} ${tag}`);
    const wanted = new Set(bodies);
    const bareBase = 1_000_000 + round * CONCURRENT;
    const orders = new Map(sockets.map(([s, l]) => [s, new EventOrder(target === 'hopso' ? l.lastSeq : bareBase)]));
    for (const [, l] of sockets) l.log = [];
    const starts = new Map();
    await Promise.all(
      bodies.map(async (body, i) => {
        let res;
        if (target === 'hopso') {
          const { docId, versionId, p } = pick(paragraphs);
          const payload = JSON.stringify({ clientId: crypto.randomUUID(), anchor: { versionId, paragraphId: p.id, quote: { exact: p.text, prefix: '', suffix: '' }, rects: p.rects }, body });
          const token = delegateTokens[(round * CONCURRENT + i) % delegateTokens.length];
          starts.set(body, hr());
          res = await fetch(`${server.url}/api/documents/${docId}/comments`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: payload });
        } else {
          const ev = structuredClone(lastHopsoCommentEvent);
          Object.assign(ev, { seq: bareBase + i + 1 });
          ev.payload.comment.body = body;
          ev.payload.comment.id = crypto.randomUUID();
          starts.set(body, hr());
          res = await fetch(`${bareUrl}/broadcast/staff`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ev) });
        }
        if (!res.ok) throw new Error(`${target} concurrent comment: ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
      }),
    );
    // until every staff socket has all of them, or 5 s have passed (what never comes is lost)
    const got = (l) => new Set(l.log.filter((x) => x.ev.type === 'comment.created' && wanted.has(x.ev.payload.comment.body)).map((x) => x.ev.payload.comment.body)).size;
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && !sockets.every(([, l]) => got(l) === CONCURRENT)) await sleep(10);
    const lastArrival = new Map();
    for (const [s, l] of sockets) {
      const stats = c[target].perSocket.get(s) ?? { delivered: 0, late: 0, outOfOrder: 0, duplicated: 0, rawOutOfOrder: 0, rawDuplicated: 0 };
      const order = orders.get(s);
      const applied = [];
      let maxSeen = -Infinity;
      const seenRaw = new Set();
      for (const { ev, at } of l.log) {
        if (ev.type !== 'comment.created' || !wanted.has(ev.payload.comment.body)) {
          order.accept([ev]);
          continue;
        }
        if (seenRaw.has(ev.seq)) stats.rawDuplicated++;
        else if (ev.seq < maxSeen) stats.rawOutOfOrder++;
        seenRaw.add(ev.seq);
        maxSeen = Math.max(maxSeen, ev.seq);
        const r = order.accept([ev]);
        stats.late += r.late.length;
        for (const e of r.fresh) {
          applied.push(e);
          const body = e.payload.comment.body;
          const prev = lastArrival.get(body);
          if (!prev || at > prev) lastArrival.set(body, at);
        }
      }
      const appliedBodies = applied.map((e) => e.payload.comment.body);
      stats.delivered += new Set(appliedBodies).size;
      stats.duplicated += appliedBodies.length - new Set(appliedBodies).size;
      stats.outOfOrder += applied.filter((e, i) => i > 0 && e.seq <= applied[i - 1].seq).length;
      c[target].perSocket.set(s, stats);
      l.log = null;
    }
    for (const body of bodies) if (lastArrival.has(body)) c[target].latencies.push(msBetween(starts.get(body), lastArrival.get(body)));
  };
  for (let r = 0; r < CONCURRENT_ROUNDS; r++) {
    for (const target of ['hopso', 'bare']) {
      await concurrentRound(target, r);
      await sleep(200);
    }
  }

  // ---------- report ----------
  const aH = { p50: pct(a.hopso, 50), p99: pct(a.hopso, 99) };
  const aB = { p50: pct(a.bare, 50), p99: pct(a.bare, 99) };
  console.log(`  (a) comment posted → received by all ${STAFF.length} staff sockets, ${COMMENTS} comments from random delegates (after ${WARMUP} warm-up):`);
  console.log(`      hopso (POST /comments)          : p50 ${f1(aH.p50)} ms   p99 ${f1(aH.p99)} ms   max ${f1(Math.max(...a.hopso))} ms   (HTTP response p50 ${f1(pct(a.hopsoResponse, 50))} ms; server CPU ${f1(aCpu.hopso / COMMENTS)} ms/comment)`);
  console.log(`      bare  (POST → emit to staff)    : p50 ${f1(aB.p50)} ms   p99 ${f1(aB.p99)} ms   max ${f1(Math.max(...a.bare))} ms   (server CPU ${f1(aCpu.bare / COMMENTS)} ms/post)`);
  console.log(`      ratio hopso / bare, p99         : ${(aH.p99 / aB.p99).toFixed(2)}   (target: hopso p99 < 50 ms: ${aH.p99 < 50 ? 'met' : 'NOT met'})`);
  const bStats = (rs) => ({ p50: pct(rs.map((r) => r.last), 50), max: Math.max(...rs.map((r) => r.last)), first: pct(rs.map((r) => r.first), 50), response: pct(rs.map((r) => r.response), 50), cpu: pct(rs.map((r) => r.clientCpu.reduce((x, y) => x + y, 0)), 50), cpuMax: Math.max(...rs.flatMap((r) => r.clientCpu)) });
  const bH = bStats(b.hopso);
  const bB = bStats(b.bare);
  console.log(`  (b) agenda change → received by all ${DELEGATES} delegate sockets, ${CHANGES} changes (after ${WARMUP} warm-up), time to last socket:`);
  console.log(`      hopso (POST /current-item)      : p50 ${f1(bH.p50)} ms   max ${f1(bH.max)} ms   (first socket p50 ${f1(bH.first)} ms; HTTP response p50 ${f1(bH.response)} ms; server CPU ${f1(bCpu.hopso / CHANGES)} ms/change)`);
  console.log(`      bare  (POST → emit to all)      : p50 ${f1(bB.p50)} ms   max ${f1(bB.max)} ms   (first socket p50 ${f1(bB.first)} ms; HTTP response p50 ${f1(bB.response)} ms; server CPU ${f1(bCpu.bare / CHANGES)} ms/post)`);
  console.log(`      ratio hopso / bare, p50         : ${(bH.p50 / bB.p50).toFixed(2)}   (target ≤ 1.5: ${bH.p50 / bB.p50 <= 1.5 ? 'met' : 'NOT met'})`);
  console.log(`      client processes' CPU per broadcast (all ${CLIENT_PROCS}, p50): hopso ${f1(bH.cpu)} ms, bare ${f1(bB.cpu)} ms; busiest process ${f1(Math.max(bH.cpuMax, bB.cpuMax))} ms`);
  const total = CONCURRENT * CONCURRENT_ROUNDS;
  console.log(`  (c) ${CONCURRENT} comments in flight at once from ${CONCURRENT} different delegates, ${CONCURRENT_ROUNDS} rounds (${total} comments), each staff socket after the web client's EventOrder (the worst of the ${STAFF.length}):`);
  for (const target of ['hopso', 'bare']) {
    const worst = [...c[target].perSocket.values()].sort((x, y) => x.delivered - y.delivered || y.rawOutOfOrder - x.rawOutOfOrder)[0];
    const lat = c[target].latencies;
    console.log(
      `      ${target === 'hopso' ? 'hopso (POST /comments)    ' : 'bare  (POST → emit, as is)'}      : delivered ${worst.delivered}   lost ${total - worst.delivered}   out of order ${worst.outOfOrder}   duplicated ${worst.duplicated}   (as received: ${worst.rawOutOfOrder} out of order, ${worst.rawDuplicated} duplicated; ${worst.late} arrived too late to apply)   p99 ${lat.length ? f1(pct(lat, 99)) : '-'} ms posted → last staff socket`,
    );
  }
  const cH = pct(c.hopso.latencies, 99);
  const cB = pct(c.bare.latencies, 99);
  console.log(`      ratio hopso / bare, p99         : ${(cH / cB).toFixed(2)}   (target: hopso ${total}/0/0/0: ${[...c.hopso.perSocket.values()].every((x) => x.delivered === total && x.outOfOrder === 0 && x.duplicated === 0) ? 'met' : 'NOT met'})`);
  console.log(`  memory (VmRSS) with ${DELEGATES + STAFF.length} clients connected: hopso server process ${f1(rss.hopso)} MB (${f1(rss.hopsoBefore)} MB just before they connected, after the import and logins; ${f1(rssAtStart)} MB right after start; embedded PostgreSQL not counted), bare server ${f1(rss.bare)} MB (${f1(rss.bareBefore)} MB before)`);
  console.log(`  presence snapshots pushed to the ${STAFF.length} staff sockets while ${DELEGATES} delegates joined: hopso ${presence.hopso.count} (up to ${presence.hopso.maxIds} user ids each), bare ${presence.bare.count}`);
  console.log(`  total ${f1((performance.now() - tStart) / 1000)} s; load average ${loadStart} at start, ${loadAverage()} at end, on ${os.cpus().length} cores`);
}

try {
  await main();
  await shutdown();
  process.exit(0);
} catch (e) {
  console.error('bench/fanout failed:', e instanceof Error ? (e.stack ?? e.message) : e);
  await shutdown();
  process.exit(1);
}
