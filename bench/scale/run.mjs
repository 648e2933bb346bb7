// bench/scale: the live layer scaled out. Two hopso processes on one PostgreSQL (the first
// process's embedded one; the second starts with DATABASE_URL pointing at it, HOPSO_SCALE_OUT=1 on
// both, so broadcasts cross through @socket.io/postgres-adapter), with delegates and staff
// connected to both, against:
//   - the same deployment with every socket and request on one of the two processes, and
//   - the raw baseline: a bare Socket.IO 4.8 server (no application, no database) whose HTTP POST
//     emits the same event at once to the same room (bench/fanout/bare-server.mjs).
// Measured, rounds alternating two / one / bare so load from elsewhere falls on all alike:
//  (a) a delegate's comment (POST, through process A or B in turn) until every staff socket,
//      on both processes, has comment.created;
//  (b) the chair closing a vote until the last delegate socket has vote.changed (closed);
//  and every event counted per socket: lost and duplicated must be 0/0. Also each process's RSS
//  idle and with the sockets connected, and the load average at start and end.
// Files are not part of this bench (it measures the live layer): the documents it comments on are
// ingested by process A before process B starts, so B never picks up an ingest job.
//
// BENCH_SCALE_DELEGATES (default 200) delegate sockets per configuration; the full shape
// (4,000 sockets in 40 meetings, 5 minutes) needs a machine of its own.
import { fork } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { io } from 'socket.io-client';
import { ROOT, waitAllReady } from '../lib/server.mjs';
import { startFanoutServer } from '../fanout/hopso-server.mjs';
import { loadAverage } from '../lib/stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const DELEGATES = Number(process.env.BENCH_SCALE_DELEGATES || 200);
const ROUNDS = Number(process.env.BENCH_SCALE_ROUNDS || 30);
const PORT_A = Number(process.env.BENCH_SCALE_PORT || 3994);
const PORT_B = PORT_A + 1;
const PG_PORT = Number(process.env.BENCH_SCALE_PG_PORT || 54334);
const WARMUP = 3;
const TIME_LIMIT_MS = Number(process.env.BENCH_SCALE_TIME_LIMIT_S || 600) * 1000;
const PASSWORD = 'hopso2026';

const hr = () => process.hrtime.bigint();
const msSince = (t0) => Number(hr() - t0) / 1e6;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
const f1 = (x) => x.toFixed(1);
const rssMb = (pid) => Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
const load = loadAverage;

const cleanups = [];
let shuttingDown = null;
const shutdown = () =>
  (shuttingDown ??= (async () => {
    for (const c of cleanups.reverse()) await Promise.resolve().then(c).catch((e) => console.error('  cleanup:', e instanceof Error ? e.message : e));
  })());
for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => shutdown().finally(() => process.exit(130)));
for (const ev of ['uncaughtException', 'unhandledRejection']) {
  process.on(ev, (e) => {
    console.error('bench/scale failed:', e instanceof Error ? (e.stack ?? e.message) : e);
    shutdown().finally(() => process.exit(1));
  });
}
setTimeout(() => {
  console.error(`bench/scale: not finished within ${TIME_LIMIT_MS / 1000} s, stopping`);
  shutdown().finally(() => process.exit(1));
}, TIME_LIMIT_MS).unref();

async function login(url, loginName, password = PASSWORD) {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: loginName, password }) });
  if (!res.ok) throw new Error(`login ${loginName}: ${res.status} ${await res.text()}`);
  return (await res.json()).token;
}
async function call(url, token, p, body, method = 'POST') {
  const res = await fetch(`${url}/api${p}`, { method, headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}
async function mapLimit(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  }));
  return out;
}

/**
 * Sockets of one configuration. Each event is keyed (comment body, or vote id): `expect(key, sockets)`
 * resolves when every socket given has it, with the time; every arrival is counted per socket, so
 * duplicates and losses show at the end.
 */
function audience(name) {
  const sockets = [];
  const seen = new Map(); // key → Map(socket index → count)
  const waiters = new Map();
  const arrive = (key, i) => {
    const per = seen.get(key) ?? new Map();
    seen.set(key, per);
    per.set(i, (per.get(i) ?? 0) + 1);
    const w = waiters.get(key);
    if (w && w.members.every((m) => per.has(m))) {
      waiters.delete(key);
      w.resolve();
    }
  };
  return {
    name,
    sockets,
    seen,
    async connect(url, auth, role, meetingId) {
      const i = sockets.length;
      const socket = io(url, { path: '/socket.io', transports: ['websocket'], auth, forceNew: true, reconnection: false, timeout: 30_000 });
      sockets.push({ socket, role });
      socket.on('meeting:event', (ev) => {
        if (ev.type === 'comment.created') arrive(`c:${ev.payload.comment.body}`, i);
        else if (ev.type === 'vote.changed' && ev.payload.vote.status === 'closed') arrive(`v:${ev.payload.vote.id}`, i);
      });
      await new Promise((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
      const res = await socket.timeout(30_000).emitWithAck('meeting:join', { meetingId });
      if (!res?.ok) throw new Error(`${name} socket ${i}: meeting:join ${JSON.stringify(res)}`);
    },
    members: (role) => sockets.map((s, i) => (s.role === role ? i : -1)).filter((i) => i >= 0),
    expect(key, members, timeoutMs = 30_000) {
      const per = seen.get(key);
      if (per && members.every((m) => per.has(m))) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${name}: ${key} did not reach all ${members.length} sockets`)), timeoutMs);
        waiters.set(key, { members, resolve: () => (clearTimeout(timer), resolve()) });
      });
    },
    /** lost and duplicated over every key, for the sockets each key was meant for */
    count(meant) {
      let lost = 0;
      let duplicated = 0;
      let delivered = 0;
      for (const [key, members] of meant) {
        const per = seen.get(key) ?? new Map();
        for (const m of members) {
          const n = per.get(m) ?? 0;
          if (n === 0) lost++;
          else delivered++;
          if (n > 1) duplicated += n - 1;
        }
      }
      return { delivered, lost, duplicated };
    },
  };
}

async function main() {
  const tStart = performance.now();
  const loadStart = load();
  console.log(`bench/scale: ${DELEGATES} delegate + 2 staff sockets per configuration (two processes / one process / bare Socket.IO), ${ROUNDS} rounds of a comment and a vote close each`);

  const bare = fork(path.join(here, '..', 'fanout', 'bare-server.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  bare.on('error', () => undefined);
  cleanups.push(() => bare.exitCode === null && bare.kill('SIGTERM'));
  const bareUrl = await new Promise((resolve, reject) => {
    bare.once('message', (m) => (m.type === 'listening' ? resolve(`http://127.0.0.1:${m.port}`) : reject(new Error('bare server'))));
    bare.once('exit', () => reject(new Error('the bare server exited')));
  });

  const limits = { HOPSO_LOGIN_RATE_LIMIT: '100000', HOPSO_LOGIN_ADDRESS_LIMIT: '100000', HOPSO_SCALE_OUT: '1' };
  const a = await startFanoutServer({ port: PORT_A, pgPort: PG_PORT, dataDir: path.join(ROOT, '.bench-data-scale-a'), env: limits });
  cleanups.push(() => a.stop());
  const secretaryToken = await login(a.url, 'thuky1');
  const [meeting] = await call(a.url, secretaryToken, '/meetings', undefined, 'GET');
  const docs = await waitAllReady((p, init) => fetch(`${a.url}/api${p}`, { ...init, headers: { authorization: `Bearer ${secretaryToken}` } }), meeting.id);
  const doc = docs.find((d) => d.currentVersion.status === 'ready');
  const paragraph = (await call(a.url, secretaryToken, `/documents/${doc.id}/versions/${doc.currentVersion.id}/paragraphs`, undefined, 'GET')).find((p) => p.text.trim() && p.rects.length <= 200);

  // process B: the same database, no embedded PostgreSQL of its own, no migrations, no demo data
  const b = await startFanoutServer({
    port: PORT_B,
    pgPort: PG_PORT, // unused: DATABASE_URL is set
    dataDir: path.join(ROOT, '.bench-data-scale-b'),
    env: { ...limits, DATABASE_URL: `postgres://hopso:hopso@127.0.0.1:${PG_PORT}/hopso`, HOPSO_MIGRATE_AT_START: '0', HOPSO_SEED_DEMO: '0' },
  });
  cleanups.push(() => b.stop());
  const idle = { a: rssMb(a.child.pid), b: rssMb(b.child.pid), bare: rssMb(bare.pid) };

  const rows = Array.from({ length: DELEGATES }, (_, i) => `Đại biểu mở rộng ${String(i + 1).padStart(4, '0')},0971${String(i + 1).padStart(6, '0')},đại biểu`);
  const form = new FormData();
  form.append('file', new Blob([['Họ và tên,Số điện thoại,Vai trò', ...rows].join('\n')], { type: 'text/csv' }), 'dai-bieu.csv');
  const imported = await (await fetch(`${a.url}/api/meetings/${meeting.id}/participants/import`, { method: 'POST', headers: { authorization: `Bearer ${secretaryToken}` }, body: form })).json();
  if (imported.createdAccounts?.length !== DELEGATES) throw new Error(`import: ${JSON.stringify(imported).slice(0, 300)}`);
  const delegateTokens = await mapLimit(imported.createdAccounts, 8, (x) => login(a.url, x.username, x.initialPassword));
  const chairToken = await login(a.url, 'chutoa');
  const staffTokens = [secretaryToken, await login(a.url, 'thuky2')];

  // a sitting open for the votes (a vote opens only in an open sitting)
  const sitting = await call(a.url, secretaryToken, `/meetings/${meeting.id}/sittings`, { title: 'Phiên đo tải' });
  await call(a.url, chairToken, `/sittings/${sitting.id}/open`);

  const configs = { two: audience('two processes'), one: audience('one process'), bare: audience('bare Socket.IO') };
  cleanups.push(() => Object.values(configs).forEach((c) => c.sockets.forEach((s) => s.socket.disconnect())));
  const t = performance.now();
  for (const [k, token] of staffTokens.entries()) {
    await configs.two.connect(k % 2 ? b.url : a.url, { token }, 'staff', meeting.id);
    await configs.one.connect(a.url, { token }, 'staff', meeting.id);
    await configs.bare.connect(bareUrl, { staff: true }, 'staff', meeting.id);
  }
  await mapLimit(delegateTokens, 16, async (token, i) => {
    await configs.two.connect(i % 2 ? b.url : a.url, { token }, 'delegate', meeting.id);
    await configs.one.connect(a.url, { token }, 'delegate', meeting.id);
    await configs.bare.connect(bareUrl, {}, 'delegate', meeting.id);
  });
  console.log(`  setup: ${3 * (DELEGATES + 2)} sockets connected and joined in ${f1((performance.now() - t) / 1000)} s`);
  await sleep(1000);
  const loaded = { a: rssMb(a.child.pid), b: rssMb(b.child.pid), bare: rssMb(bare.pid) };

  const results = { two: { comment: [], vote: [] }, one: { comment: [], vote: [] }, bare: { comment: [], vote: [] } };
  const meant = { two: [], one: [], bare: [] };
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    for (const name of ['two', 'one', 'bare']) {
      const c = configs[name];
      const staff = c.members('staff');
      const delegates = c.members('delegate');
      // (a) a comment, through A or B in turn for two processes
      const body = `Góp ý đo tải ${name} ${round} ${crypto.randomUUID().slice(0, 8)}`;
      let t0 = hr();
      if (name === 'bare') {
        await fetch(`${bareUrl}/broadcast/staff`, { method: 'POST', body: JSON.stringify({ type: 'comment.created', payload: { comment: { body } } }) });
      } else {
        const url = name === 'two' && round % 2 ? b.url : a.url;
        const anchor = { versionId: doc.currentVersion.id, paragraphId: paragraph.id, quote: { exact: paragraph.text, prefix: '', suffix: '' }, rects: paragraph.rects };
        await call(url, delegateTokens[round % DELEGATES], `/documents/${doc.id}/comments`, { clientId: crypto.randomUUID(), anchor, body });
      }
      await c.expect(`c:${body}`, staff);
      if (round >= WARMUP) results[name].comment.push(msSince(t0));
      meant[name].push([`c:${body}`, staff]);

      // (b) a vote closed: the result to every delegate socket
      let voteId;
      if (name === 'bare') voteId = crypto.randomUUID();
      else {
        const url = name === 'two' && round % 2 ? b.url : a.url;
        const vote = await call(url, chairToken, `/meetings/${meeting.id}/votes`, { question: `Biểu quyết đo tải ${round}` });
        await call(url, chairToken, `/votes/${vote.id}/open`, {});
        voteId = vote.id;
      }
      t0 = hr();
      if (name === 'bare') await fetch(`${bareUrl}/broadcast/all`, { method: 'POST', body: JSON.stringify({ type: 'vote.changed', payload: { vote: { id: voteId, status: 'closed' } } }) });
      else await call(name === 'two' ? (round % 2 ? a.url : b.url) : a.url, chairToken, `/votes/${voteId}/close`);
      await c.expect(`v:${voteId}`, delegates);
      if (round >= WARMUP) results[name].vote.push(msSince(t0));
      meant[name].push([`v:${voteId}`, delegates]);
    }
  }
  // late duplicates would arrive within this
  await sleep(1000);

  const line = (name, what) => {
    const xs = results[name][what];
    return `p50 ${f1(pct(xs, 50))} ms   p99 ${f1(pct(xs, 99))} ms   max ${f1(Math.max(...xs))} ms`;
  };
  const p99 = (name, what) => pct(results[name][what], 99);
  console.log(`  (a) comment posted → all staff sockets (${ROUNDS} rounds after ${WARMUP} warm-up; two processes: posted through A and B in turn, staff on both):`);
  for (const name of ['two', 'one', 'bare']) console.log(`      ${configs[name].name.padEnd(16)}: ${line(name, 'comment')}`);
  console.log(`      ratio p99: two / one ${(p99('two', 'comment') / p99('one', 'comment')).toFixed(2)}, two / bare ${(p99('two', 'comment') / p99('bare', 'comment')).toFixed(2)}, one / bare ${(p99('one', 'comment') / p99('bare', 'comment')).toFixed(2)}`);
  console.log(`  (b) vote closed → last of ${DELEGATES} delegate sockets (two processes: closed through the process the vote was not opened on, delegates on both):`);
  for (const name of ['two', 'one', 'bare']) console.log(`      ${configs[name].name.padEnd(16)}: ${line(name, 'vote')}`);
  console.log(`      ratio p99: two / one ${(p99('two', 'vote') / p99('one', 'vote')).toFixed(2)}, two / bare ${(p99('two', 'vote') / p99('bare', 'vote')).toFixed(2)}, one / bare ${(p99('one', 'vote') / p99('bare', 'vote')).toFixed(2)}`);
  for (const name of ['two', 'one', 'bare']) {
    const n = configs[name].count(meant[name]);
    console.log(`  delivered / lost / duplicated, ${configs[name].name.padEnd(16)}: ${n.delivered} / ${n.lost} / ${n.duplicated}${n.lost || n.duplicated ? '   NOT exact' : ''}`);
  }
  console.log(`  memory (VmRSS): process A ${f1(idle.a)} MB idle → ${f1(loaded.a)} MB loaded, process B ${f1(idle.b)} MB → ${f1(loaded.b)} MB (A holds ${Math.ceil(DELEGATES / 2) + 1 + DELEGATES + 2} sockets: its half of "two" and all of "one"; B ${Math.floor(DELEGATES / 2) + 1}; bare ${DELEGATES + 2}), bare ${f1(idle.bare)} MB → ${f1(loaded.bare)} MB; embedded PostgreSQL not counted`);
  console.log(`  total ${f1((performance.now() - tStart) / 1000)} s; load average ${loadStart} at start, ${load()} at end, on ${os.cpus().length} cores`);
}

main()
  .then(() => shutdown())
  .then(() => process.exit(0));
