// bench/speakers: the floor in a commune hall. The 22 demo delegates' phones, the chair's
// console and the hall screen (its display link) hold Socket.IO connections to the real
// server; measured, per round: a delegate's request for the floor (HTTP POST, validation,
// the list's row lock, the speech row, the version bump, the event log, one transaction)
// until every one of the 24 sockets has the new list (speakers.changed of that version).
// Beside it, in the same run and with the same number of clients, the raw baseline: the bare
// Socket.IO 4.8 server of bench/fanout (no application, no database), whose HTTP POST
// broadcasts an event of the same size at once. Rounds alternate hopso / bare, so load from
// anything else on the machine falls on both alike. Each request is withdrawn after its
// round (not timed), so every delegate can ask again.
import { fork } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { io } from 'socket.io-client';
import { loginAs, startBenchServer } from '../lib/server.mjs';
import { loadAverage, percentile as pct } from '../lib/stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROUNDS = Number(process.env.BENCH_SPEAKER_ROUNDS || 200);
const PORT = Number(process.env.BENCH_SPEAKERS_PORT || 3105);
const PG_PORT = Number(process.env.BENCH_SPEAKERS_PG_PORT || 5445);
const WARMUP = 10;
const DELEGATES = Array.from({ length: 22 }, (_, i) => `daibieu${String(i + 1).padStart(2, '0')}`);

const hr = () => process.hrtime.bigint();
const msBetween = (a, b) => Number(b - a) / 1e6;
const f2 = (x) => x.toFixed(2);

const cleanups = [];
const shutdown = async () => {
  for (const c of cleanups.reverse()) await Promise.resolve(c()).catch(() => undefined);
};
process.on('unhandledRejection', (e) => {
  console.error('bench/speakers failed:', e);
  void shutdown().finally(() => process.exit(1));
});

/** A socket that remembers the newest speakers-list version (or bare event number) it has seen, and wakes who waits for one. */
function watched(url, auth, pick) {
  const socket = io(url, { path: '/socket.io', transports: ['websocket'], auth, reconnection: false, forceNew: true });
  const state = { socket, seen: -1, waiters: [] };
  socket.on('meeting:event', (event) => {
    const n = pick(event);
    if (n === null || n <= state.seen) return;
    state.seen = n;
    state.waiters = state.waiters.filter((w) => (n >= w.n ? (w.resolve(), false) : true));
  });
  state.until = (n) => (state.seen >= n ? Promise.resolve() : new Promise((resolve) => state.waiters.push({ n, resolve })));
  return state;
}

async function connected(states, meetingId) {
  await Promise.all(states.map((s) => new Promise((resolve, reject) => (s.socket.connected ? resolve() : (s.socket.once('connect', resolve), s.socket.once('connect_error', reject))))));
  await Promise.all(states.map((s) => new Promise((resolve) => s.socket.emit('meeting:join', { meetingId }, resolve))));
}

async function main() {
  console.log(`bench/speakers: ${ROUNDS} requests for the floor, 22 phones + console + hall screen (load ${loadAverage()})`);
  const server = await startBenchServer({ port: PORT, pgPort: PG_PORT, dataDirName: '.bench-speakers' });
  cleanups.push(() => server.stop());
  const bare = fork(path.join(here, '..', 'fanout', 'bare-server.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  cleanups.push(() => bare.kill('SIGTERM'));
  const barePort = await new Promise((resolve) => bare.once('message', (m) => resolve(m.port)));
  const bareUrl = `http://127.0.0.1:${barePort}`;

  const chair = await loginAs(server.url, 'chutoa');
  const meetingId = (await (await chair('/meetings')).json())[0].id;
  const agendaItemId = (await (await chair(`/meetings/${meetingId}`)).json()).agenda[0].id;
  const link = await (await chair(`/meetings/${meetingId}/display-links`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json();
  const displayToken = new URL(link.url, server.url).searchParams.get('token');
  const phones = [];
  for (const u of DELEGATES) phones.push(await loginAs(server.url, u));
  const tokenOf = async (u) => (await (await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: u, password: 'hopso2026' }) })).json()).token;
  const socketAuth = [{ token: await tokenOf('chutoa') }, { displayToken }, ...(await Promise.all(DELEGATES.map(tokenOf))).map((token) => ({ token }))];

  const version = (e) => (e.type === 'speakers.changed' && e.payload.list.agendaItemId === agendaItemId ? e.payload.list.version : null);
  const hopso = socketAuth.map((auth) => watched(server.url, auth, version));
  const bareSockets = socketAuth.map((_, i) => watched(bareUrl, { staff: i === 0 }, (e) => (typeof e.n === 'number' ? e.n : null)));
  cleanups.push(() => [...hopso, ...bareSockets].forEach((s) => s.socket.disconnect()));
  await connected(hopso, meetingId);
  await connected(bareSockets, meetingId);

  const listPath = `/meetings/${meetingId}/agenda/${agendaItemId}/speakers`;
  let listVersion = (await (await chair(listPath)).json()).version;
  let sample = '{}';
  const times = { hopso: [], bare: [] };
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    // hopso: request, until all 24 screens have the new list
    const phone = phones[round % phones.length];
    const t0 = hr();
    const res = await phone(listPath, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ clientId: crypto.randomUUID(), type: 'contribution' }) });
    if (res.status !== 201) throw new Error(`request: ${res.status} ${await res.text()}`);
    const list = await res.json();
    await Promise.all(hopso.map((s) => s.until(list.version)));
    const t1 = hr();
    sample = JSON.stringify({ list });
    // untimed: withdraw it again
    // each request is withdrawn after its round, so it is the only one waiting
    const gone = await phone(`/speeches/${list.waiting[0].id}`, { method: 'DELETE' });
    listVersion = (await gone.json()).version;
    await Promise.all(hopso.map((s) => s.until(listVersion)));

    // bare: the same size of event broadcast to the same number of sockets
    const t2 = hr();
    const b = await fetch(`${bareUrl}/broadcast/all`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ n: round, type: 'speakers.changed', payload: sample }) });
    if (!b.ok) throw new Error(`bare: ${b.status}`);
    await Promise.all(bareSockets.map((s) => s.until(round)));
    const t3 = hr();
    if (round >= WARMUP) {
      times.hopso.push(msBetween(t0, t1));
      times.bare.push(msBetween(t2, t3));
    }
  }
  const line = (name, xs) => `${name.padEnd(6)} median ${f2(pct(xs, 50))} ms  p95 ${f2(pct(xs, 95))} ms  max ${f2(Math.max(...xs))} ms`;
  console.log(`  request for the floor → every screen has the new list (${ROUNDS} rounds, event ${Buffer.byteLength(sample)} bytes):`);
  console.log(`    ${line('hopso', times.hopso)}`);
  console.log(`    ${line('bare', times.bare)}`);
  console.log(`    ratio hopso/bare: median ${f2(pct(times.hopso, 50) / pct(times.bare, 50))}×, p95 ${f2(pct(times.hopso, 95) / pct(times.bare, 95))}×  (load ${loadAverage()})`);
}

main()
  .then(shutdown)
  .then(() => process.exit(0));
