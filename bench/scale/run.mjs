// bench/scale (issue 15): the production shape scaled out. Two hopso processes A and B on one
// PostgreSQL (a third process, the host, runs it embedded and does the setup; A and B start fresh
// after it with DATABASE_URL pointing at it, HOPSO_SCALE_OUT=1 on all) behind
// Debian's nginx with the compose file's own configuration (deploy/nginx/hopso.conf.template: ip_hash,
// WebSocket upgrade). Every socket and every request goes through nginx; clients come from 64 loopback
// addresses (127.0.N.1; ip_hash keys on the first three octets), placed so each meeting has half its
// sockets, and one of its two staff sockets, on each process.
//
// Shape (flags; defaults are the issue's size): --meetings 40 --per-meeting 100 (2 staff + delegates)
// --minutes 5 of the session-day mix in every meeting at once: a comment every ~5 s, a group message
// every ~3 s (5 breakout groups per meeting), an agenda move every ~45 s, and one vote (opened, closed
// ~15 s later). Then the same mix for --one-minutes (default 2) with both nginx upstreams on process A:
// the same sockets and proxy on one process. --small is 4 × 25 for 1 + 1 minutes.
// Measured: comment → both staff sockets of the meeting (one on each process), vote close → last
// socket of the meeting, agenda move → last socket; every keyed event counted per socket (lost and
// duplicated); RSS of A and B idle (started, no sockets, before the routing probe) and loaded (sampled every 10 s), whether it
// is flat over the last 3 minutes; the load average beside every figure. The delegate accounts are
// shared by the meetings (one person in all 40, as a province's delegates are not): 4,000 sockets from
// (per-meeting − 2) accounts, so setup costs that many password hashes, not 4,000.
import crypto from 'node:crypto';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { io } from 'socket.io-client';
import { login, ROOT, startBenchServer, waitAllReady } from '../lib/server.mjs';
import { startNginx } from '../lib/nginx.mjs';
import { mapLimit } from '../lib/connect-all.mjs';
import { loadAverage, percentile as pct, rssMb } from '../lib/stats.mjs';

const args = process.argv.slice(2);
const flag = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const SMALL = args.includes('--small');
const MEETINGS = flag('meetings', SMALL ? 4 : 40);
const PER_MEETING = flag('per-meeting', SMALL ? 25 : 100);
const MINUTES = flag('minutes', SMALL ? 1 : 5);
const ONE_MINUTES = flag('one-minutes', SMALL ? 1 : 2);
const DELEGATES = PER_MEETING - 2;
const GROUPS = 5;
const PORT_A = flag('port', 3994);
const PORT_B = PORT_A + 1;
const PROXY_PORT = PORT_A + 2;
const PROXY_ONE_PORT = PORT_A + 3;
const HOST_PORT = PORT_A + 4;
const PG_PORT = flag('pg-port', 54334);
const ADDRESSES = Array.from({ length: 64 }, (_, n) => `127.0.${n}.1`);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const f1 = (x) => x.toFixed(1);
const jitter = (ms) => ms * (0.5 + Math.random());
const iso = (offsetMs) => new Date(Date.now() + offsetMs).toISOString();

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
  console.error('bench/scale: not finished in time, stopping');
  shutdown().finally(() => process.exit(1));
}, (MINUTES + ONE_MINUTES + 25) * 60_000).unref();

// one keep-alive agent per source address, for REST and sockets alike
const agents = new Map(ADDRESSES.map((a) => [a, new http.Agent({ localAddress: a, keepAlive: true, maxSockets: 16 })]));
cleanups.push(() => agents.forEach((a) => a.destroy()));

/** JSON over HTTP through `base` from a source address; throws on an error status. */
function request(base, address, token, method, p, body) {
  const u = new URL(`/api${p}`, base);
  const data = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: u.hostname, port: u.port, path: u.pathname + u.search, method, agent: agents.get(address), headers: { authorization: `Bearer ${token}`, ...(data && { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) }) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () => (res.statusCode >= 400 ? reject(new Error(`${method} ${p}: ${res.statusCode} ${text.slice(0, 300)}`)) : resolve(text ? JSON.parse(text) : null)));
      },
    );
    req.setTimeout(60_000, () => req.destroy(new Error(`${method} ${p}: no answer in 60 s`)));
    req.on('error', reject);
    req.end(data);
  });
}
const socketsOn = async (url) => Number(/^hopso_sockets_connected (\d+)/m.exec(await (await fetch(`${url}/api/metrics`)).text())?.[1] ?? NaN);

/** Sockets and what each got: per key, per socket index, how many times. */
const sockets = [];
const seen = new Map();
const waiters = new Map();
function arrive(key, i) {
  let per = seen.get(key);
  if (!per) seen.set(key, (per = new Map()));
  per.set(i, (per.get(i) ?? 0) + 1);
  const w = waiters.get(key);
  if (w && per.size >= w.members.length && w.members.every((m) => per.has(m))) {
    waiters.delete(key);
    w.resolve();
  }
}
function expectAll(key, members, timeoutMs = 60_000) {
  const per = seen.get(key);
  if (per && members.every((m) => per.has(m))) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => (waiters.delete(key), resolve(false)), timeoutMs);
    waiters.set(key, { members, resolve: () => (clearTimeout(timer), resolve(true)) });
  });
}
const meant = []; // [key, members]
/** agenda moves carry no id: each socket counts the meeting.updated of its meeting; key = meeting + count */
const moveCount = new Map();

function connectSocket(base, address, token, meetingId) {
  const i = sockets.length;
  const socket = io(base, { path: '/socket.io', transports: ['websocket'], auth: { token }, agent: agents.get(address), forceNew: true, reconnection: false, timeout: 60_000 });
  sockets.push(socket);
  socket.on('meeting:event', (ev) => {
    if (ev.type === 'comment.created') arrive(`c:${ev.payload.comment.body}`, i);
    else if (ev.type === 'group.message') arrive(`g:${ev.payload.message.clientId}`, i);
    else if (ev.type === 'vote.changed' && ev.payload.vote.status === 'closed') arrive(`v:${ev.payload.vote.id}`, i);
    else if (ev.type === 'meeting.updated') {
      const k = `${socket.id}`;
      const n = (moveCount.get(k) ?? 0) + 1;
      moveCount.set(k, n);
      arrive(`m:${meetingId}:${n}`, i);
    }
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', async () => {
      const res = await socket.timeout(60_000).emitWithAck('meeting:join', { meetingId }).catch((e) => ({ ok: false, error: String(e) }));
      if (!res?.ok) reject(new Error(`socket ${i}: meeting:join ${JSON.stringify(res)}`));
      else resolve(i);
    });
    socket.once('connect_error', reject);
  });
}

async function main() {
  const tStart = performance.now();
  const loadStart = loadAverage();
  console.log(`bench/scale: ${MEETINGS} meetings × ${PER_MEETING} sockets = ${MEETINGS * PER_MEETING} sockets through nginx to two processes, ${MINUTES} min of the session-day mix, then ${ONE_MINUTES} min on one process (load ${loadStart}, ${os.cpus().length} cores)`);
  const limits = { HOPSO_LOGIN_RATE_LIMIT: '100000', HOPSO_LOGIN_ADDRESS_LIMIT: '100000', HOPSO_SCALE_OUT: '1', HOPSO_TRUST_PROXY: 'loopback' };
  // the host: PostgreSQL (its embedded one) and the setup (import, meetings, uploads, ingest); then
  // two fresh replicas A and B on its database carry every socket, so their idle memory is a replica's
  const host = await startBenchServer({ port: HOST_PORT, pgPort: PG_PORT, dataDir: path.join(ROOT, '.bench-data-scale-host'), env: limits });
  cleanups.push(() => host.stop());
  const sec = await login(host.url, 'thuky1');
  const [demo] = await sec.api('/meetings');
  await waitAllReady(sec.fetch, demo.id);
  const chair = await login(host.url, 'chutoa');
  const chairTok = chair.token;

  // setup through process A directly: delegates (one import), meetings, agenda, documents, groups
  const t = performance.now();
  const rows = Array.from({ length: DELEGATES }, (_, i) => `Đại biểu quy mô ${String(i + 1).padStart(3, '0')},0972${String(i + 1).padStart(6, '0')},đại biểu`);
  const form = new FormData();
  form.append('file', new Blob([['Họ và tên,Số điện thoại,Vai trò', ...rows].join('\n')], { type: 'text/csv' }), 'dai-bieu.csv');
  const imported = await sec.api(`/meetings/${demo.id}/participants/import`, { method: 'POST', body: form });
  if (imported.createdAccounts?.length !== DELEGATES) throw new Error(`import: ${JSON.stringify(imported).slice(0, 300)}`);
  const delegates = await mapLimit(imported.createdAccounts, 4, async (x) => {
    const s = await login(host.url, x.username, x.initialPassword);
    return { id: s.user.id, token: s.token };
  });
  const chairId = chair.user.id;
  const require = createRequire(import.meta.url);
  const { buildDraftResolutionPdf } = require(path.join(ROOT, 'server/dist/server/src/seed/demo-pdfs.js'));
  const pdf = await buildDraftResolutionPdf({ title: 'Về kế hoạch phát triển kinh tế - xã hội năm 2027', councilName: 'HĐND xã', articles: [{ heading: 'Điều 1', clauses: ['Thông qua kế hoạch phát triển kinh tế - xã hội năm 2027.', 'Giao Ủy ban nhân dân tổ chức thực hiện.'] }] });
  const A = (tok, method, p, body) => request(host.url, '127.0.0.1', tok, method, p, body);
  const meetings = await mapLimit(Array.from({ length: MEETINGS }, (_, m) => m), 4, async (m) => {
    const meeting = await A(sec.token, 'POST', '/meetings', { councilId: demo.councilId, title: `Kỳ họp cuối năm ${m + 1}`, location: 'Hội trường', startsAt: iso(3600_000), releaseAt: iso(-3600_000), commentDeadline: iso(1800_000) });
    await A(sec.token, 'POST', `/meetings/${meeting.id}/participants`, { userId: chairId, role: 'chair' });
    for (const d of delegates) await A(sec.token, 'POST', `/meetings/${meeting.id}/participants`, { userId: d.id, role: 'delegate' });
    const agenda = [];
    for (const title of ['Khai mạc', 'Thảo luận kế hoạch', 'Bế mạc']) agenda.push((await A(sec.token, 'POST', `/meetings/${meeting.id}/agenda`, { title })).id);
    await A(sec.token, 'POST', `/meetings/${meeting.id}/status`, { status: 'published' });
    const up = new FormData();
    up.append('files', new Blob([pdf], { type: 'application/pdf' }), `ke-hoach-${m + 1}.pdf`);
    up.append('state', 'released');
    const res = await sec.fetch(`/meetings/${meeting.id}/documents`, { method: 'POST', body: up });
    if (!res.ok) throw new Error(`upload: ${res.status} ${await res.text()}`);
    return { id: meeting.id, agenda };
  });
  for (const meeting of meetings) {
    const [doc] = await waitAllReady(sec.fetch, meeting.id);
    const version = doc.currentVersion;
    if (version.status !== 'ready') throw new Error(`document of meeting ${meeting.id}: ${JSON.stringify(version)}`);
    const paragraphs = await sec.api(`/documents/${doc.id}/versions/${version.id}/paragraphs`);
    const paragraph = paragraphs.find((p) => p.text.trim() && p.rects.length <= 200) ?? paragraphs[0];
    meeting.anchor = { versionId: version.id, paragraphId: paragraph.id, quote: { exact: paragraph.text, prefix: '', suffix: '' }, rects: paragraph.rects };
    meeting.docId = doc.id;
    const sitting = await A(sec.token, 'POST', `/meetings/${meeting.id}/sittings`, { title: 'Phiên cuối năm' });
    await A(chairTok, 'POST', `/sittings/${sitting.id}/open`);
    const breakout = await A(chairTok, 'POST', `/meetings/${meeting.id}/breakouts/auto`, { agendaItemId: meeting.agenda[1], groupCount: GROUPS, presentUserIds: delegates.map((d) => d.id) });
    await A(chairTok, 'POST', `/meetings/${meeting.id}/breakouts/start`, { agendaItemId: meeting.agenda[1] });
    meeting.groupOf = new Map(breakout.groups.flatMap((g) => g.memberIds.map((id) => [id, g.id])));
  }
  console.log(`  setup: ${DELEGATES} delegates imported and signed in, ${MEETINGS} meetings with agenda, a document, an open sitting and ${GROUPS} breakout groups in ${f1((performance.now() - t) / 1000)} s (load ${loadAverage()})`);
  // the replicas start after the uploads: the files are on the host's disk here, so neither must pick up an ingest job
  const replica = async (port, name) => {
    const r = await startBenchServer({
      port,
      pgPort: PG_PORT + 1, // unused: DATABASE_URL is set
      dataDir: path.join(ROOT, `.bench-data-scale-${name}`),
      env: { ...limits, DATABASE_URL: `postgres://hopso:hopso@127.0.0.1:${PG_PORT}/hopso`, HOPSO_MIGRATE_AT_START: '0', HOPSO_SEED_DEMO: '0' },
    });
    cleanups.push(() => r.stop());
    return r;
  };
  const a = await replica(PORT_A, 'a');
  const b = await replica(PORT_B, 'b');
  // idle: started, nobody connected or signed in, before the routing probe below (its 64 sockets and
  // hundreds of metrics scrapes leave garbage no GC collects while nothing runs: +10–15 MB)
  await sleep(5000);
  const idle = { a: rssMb(a.child.pid), b: rssMb(b.child.pid) };
  const proxy = await startNginx({ port: PROXY_PORT, upstreams: [a.url, b.url] });
  cleanups.push(() => proxy.stop());

  // which address nginx sends where (one socket at a time, seen in each process's socket count)
  const onA = [];
  const onB = [];
  for (const address of ADDRESSES) {
    const before = await socketsOn(a.url);
    const s = io(proxy.url, { transports: ['websocket'], auth: { token: sec.token }, agent: agents.get(address), forceNew: true, reconnection: false });
    await new Promise((r, j) => (s.once('connect', r), s.once('connect_error', j)));
    let nowA = before;
    for (let k = 0; k < 20; k++) {
      nowA = await socketsOn(a.url);
      if (nowA !== before) break;
      const nowB = await socketsOn(b.url);
      if (nowB > 0) break;
      await sleep(25);
    }
    (nowA > before ? onA : onB).push(address);
    s.disconnect();
    while ((await socketsOn(a.url)) + (await socketsOn(b.url)) > 0) await sleep(25);
  }
  if (!onA.length || !onB.length) throw new Error(`nginx sent every address to one process (A ${onA.length}, B ${onB.length})`);
  console.log(`  nginx (ip_hash): ${onA.length} of ${ADDRESSES.length} source addresses to A, ${onB.length} to B`);


  const runPhase = async (name, base, minutes, samples) => {
    // sockets: per meeting, the secretary from an address nginx sends to A, the chair to B, delegates alternating
    sockets.length = 0;
    seen.clear();
    meant.length = 0;
    moveCount.clear();
    for (const meeting of meetings) meeting.moves = 0;
    const t0 = performance.now();
    const plan = [];
    for (const [m, meeting] of meetings.entries()) {
      meeting.staff = [];
      meeting.all = [];
      meeting.byDelegate = new Map();
      plan.push({ meeting, token: sec.token, address: onA[m % onA.length], staff: true });
      plan.push({ meeting, token: chairTok, address: onB[m % onB.length], staff: true });
      delegates.forEach((d, k) => plan.push({ meeting, token: d.token, address: k % 2 ? onB[(m + k) % onB.length] : onA[(m + k) % onA.length], delegate: d }));
    }
    await mapLimit(plan, 32, async (p) => {
      const i = await connectSocket(base, p.address, p.token, p.meeting.id);
      p.meeting.all.push(i);
      if (p.staff) p.meeting.staff.push(i);
      else p.meeting.byDelegate.set(p.delegate.id, i);
    });
    const counts = { a: await socketsOn(a.url), b: await socketsOn(b.url) };
    console.log(`  ${name}: ${sockets.length} sockets connected and joined in ${f1((performance.now() - t0) / 1000)} s (A ${counts.a}, B ${counts.b}; load ${loadAverage()})`);

    const lat = { comment: [], group: [], move: [], vote: [] };
    const failures = [];
    const end = Date.now() + minutes * 60_000;
    const timed = async (what, key, members, send) => {
      const s = performance.now();
      try {
        await send();
      } catch (e) {
        // refused or failed: nothing was written, so nothing is owed to any socket
        failures.push(`${what}: ${e.message.split('\n')[0].slice(0, 160)}`);
        return;
      }
      meant.push([key, members]);
      if (await expectAll(key, members)) lat[what].push(performance.now() - s);
    };
    const REST = (address, tok, method, p, body) => request(base, address, tok, method, p, body);
    const loops = meetings.flatMap((meeting, m) => {
      const addr = (k) => (k % 2 ? onB[(m + k) % onB.length] : onA[(m + k) % onA.length]);
      const comments = async () => {
        for (let n = 0; Date.now() < end; n++) {
          await sleep(jitter(5000));
          const k = Math.floor(Math.random() * delegates.length);
          const body = `Góp ý ${name} ${m}-${n} ${crypto.randomUUID().slice(0, 8)}`;
          await timed('comment', `c:${body}`, meeting.staff, () => REST(addr(k), delegates[k].token, 'POST', `/documents/${meeting.docId}/comments`, { clientId: crypto.randomUUID(), anchor: meeting.anchor, body }));
        }
      };
      const groups = async () => {
        while (Date.now() < end) {
          await sleep(jitter(3000));
          const k = Math.floor(Math.random() * delegates.length);
          const groupId = meeting.groupOf.get(delegates[k].id);
          const members = [...meeting.staff, ...delegates.filter((d) => meeting.groupOf.get(d.id) === groupId).map((d) => meeting.byDelegate.get(d.id))];
          const clientId = crypto.randomUUID();
          await timed('group', `g:${clientId}`, members, () => REST(addr(k), delegates[k].token, 'POST', `/breakout-groups/${groupId}/messages`, { clientId, body: `Ý kiến tổ ${clientId.slice(0, 6)}`, citation: null }));
        }
      };
      const moves = async () => {
        let item = 0;
        while (Date.now() < end) {
          await sleep(jitter(45_000));
          if (Date.now() >= end) break;
          item = (item + 1) % meeting.agenda.length;
          const n = ++meeting.moves;
          await timed('move', `m:${meeting.id}:${n}`, meeting.all, () => REST(addr(m), chairTok, 'POST', `/meetings/${meeting.id}/current-item`, { agendaItemId: meeting.agenda[item] }));
        }
      };
      const vote = async () => {
        await sleep(Math.random() * Math.max(1000, minutes * 60_000 - 40_000));
        try {
          const v = await REST(addr(m), chairTok, 'POST', `/meetings/${meeting.id}/votes`, { question: `Biểu quyết thông qua kế hoạch ${m + 1}` });
          await REST(addr(m + 1), chairTok, 'POST', `/votes/${v.id}/open`, {});
          await sleep(15_000);
          await timed('vote', `v:${v.id}`, meeting.all, () => REST(addr(m), chairTok, 'POST', `/votes/${v.id}/close`));
        } catch (e) {
          failures.push(`vote: ${e.message}`);
        }
      };
      return [comments(), groups(), moves(), vote()];
    });
    const sampler = setInterval(() => samples?.push({ t: Date.now(), a: rssMb(a.child.pid), b: rssMb(b.child.pid), load: loadAverage() }), 10_000);
    await Promise.all(loops);
    clearInterval(sampler);
    await sleep(3000); // late duplicates arrive within this
    const loaded = { a: rssMb(a.child.pid), b: rssMb(b.child.pid) };
    let delivered = 0;
    let lost = 0;
    let duplicated = 0;
    for (const [key, members] of meant) {
      const per = seen.get(key) ?? new Map();
      for (const i of members) {
        const n = per.get(i) ?? 0;
        if (n === 0) lost++;
        else delivered++;
        if (n > 1) duplicated += n - 1;
      }
    }
    for (const s of sockets) s.disconnect();
    while ((await socketsOn(a.url)) + (await socketsOn(b.url)) > 0) await sleep(100);
    return { lat, delivered, lost, duplicated, failures, counts, loaded };
  };

  const samples = [];
  const two = await runPhase('two processes', proxy.url, MINUTES, samples);
  await proxy.stop();
  const proxyOne = await startNginx({ port: PROXY_ONE_PORT, upstreams: [a.url, a.url] });
  cleanups.push(() => proxyOne.stop());
  const one = await runPhase('one process', proxyOne.url, ONE_MINUTES, null);

  const line = (r, what) => {
    const xs = r.lat[what];
    return xs.length ? `n ${String(xs.length).padStart(5)}   p50 ${f1(pct(xs, 50)).padStart(7)} ms   p99 ${f1(pct(xs, 99)).padStart(7)} ms   max ${f1(Math.max(...xs)).padStart(7)} ms` : 'n 0';
  };
  const ratio = (what) => f1(pct(two.lat[what], 99) / pct(one.lat[what], 99));
  console.log(`  latency, event sent (HTTP through nginx) → last socket meant for it:`);
  for (const [what, label] of [['comment', 'comment → both staff'], ['vote', 'vote close → all 100'], ['move', 'agenda move → all'], ['group', 'group message → group+staff']]) {
    console.log(`    ${label.padEnd(28)} two processes: ${line(two, what)}`);
    console.log(`    ${''.padEnd(28)} one process:   ${line(one, what)}   (p99 two/one ${ratio(what)}×)`);
  }
  for (const [name, r] of [['two processes', two], ['one process', one]]) {
    console.log(`  delivered / lost / duplicated, ${name.padEnd(13)}: ${r.delivered} / ${r.lost} / ${r.duplicated}${r.lost || r.duplicated ? '   NOT exact' : ''}${r.failures.length ? `   ${r.failures.length} requests failed: ${r.failures.slice(0, 3).join('; ')}` : ''}`);
  }
  const perK = (p) => (two.loaded[p] - idle[p]) / (two.counts[p] / 1000);
  console.log(`  memory (VmRSS; embedded PostgreSQL and nginx not counted), targets idle ≤ 150 MB, ≤ 60 MB per 1,000 sockets above idle:`);
  for (const p of ['a', 'b']) {
    console.log(`    process ${p.toUpperCase()}: idle ${f1(idle[p])} MB, loaded ${f1(two.loaded[p])} MB with ${two.counts[p]} sockets → ${f1(perK(p))} MB per 1,000 sockets${idle[p] <= 150 && perK(p) <= 60 ? '' : '   OVER TARGET'}`);
  }
  const lastWindow = samples.filter((s) => s.t >= samples.at(-1).t - 180_000);
  for (const p of ['a', 'b']) {
    const xs = lastWindow.map((s) => s[p]);
    const first = xs.slice(0, 3).reduce((x, y) => x + y, 0) / Math.min(3, xs.length);
    const last = xs.slice(-3).reduce((x, y) => x + y, 0) / Math.min(3, xs.length);
    const growth = last - first;
    const minutesSpan = (lastWindow.at(-1).t - lastWindow[0].t) / 60_000;
    console.log(`    process ${p.toUpperCase()} over the last ${f1(minutesSpan)} min (${xs.length} samples, 10 s apart): ${f1(Math.min(...xs))}–${f1(Math.max(...xs))} MB, ${growth >= 0 ? '+' : ''}${f1(growth)} MB first → last 30 s: ${growth <= Math.max(10, 0.05 * first) ? 'flat (not growing)' : 'GROWING'}`);
  }
  console.log(`    load average during the mix: ${samples.map((s) => s.load.split(' ')[0]).join(' ')} (1 min, every 10 s)`);
  console.log(`  total ${f1((performance.now() - tStart) / 1000)} s; load average ${loadStart} at start, ${loadAverage()} at end, on ${os.cpus().length} cores`);
  if (two.lost || two.duplicated || one.lost || one.duplicated) process.exitCode = 1;
  }

main()
  .then(() => shutdown())
  .then(() => process.exit(process.exitCode ?? 0));
// ports: --port P gives A P, B P+1, nginx P+2 and P+3, the host P+4; --pg-port its PostgreSQL
