// The voting side of bench/vote: N Socket.IO clients in a process of their own (forked by
// run.mjs), so the sockets never share an event loop with the server or the orchestrator.
// Over IPC:
//   ← {type:'connect', url, sockets:[{auth}], meetingId|null}   → {type:'connected', ok, failed, errors, ms}
//   ← {type:'cast', voteId, spreadMs, retryShare}               → {type:'cast-done', acks:[...], sent, retries, ms}
//   ← {type:'watch', voteId}   (before the close)               → {type:'watching'}
//   ← {type:'results'}                                          → {type:'results', arrivals:[t...], missing}
//   ← {type:'close'}                                            → exits
// Each socket casts one ballot at a random moment within spreadMs (and a share of them send
// the same ballot again, same client id, as a phone retrying would). Times are
// performance.timeOrigin + performance.now(), comparable across processes on one machine.
import crypto from 'node:crypto';
import { io } from 'socket.io-client';
import { connectAll } from '../lib/connect-all.mjs';

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const CHOICES = ['yes', 'yes', 'no', 'abstain'];
const sockets = [];
let watched = null;

function connectOne(url, spec, meetingId) {
  return new Promise((resolve) => {
    const state = { socket: null, arrival: null };
    const socket = io(url, { path: '/socket.io', transports: ['websocket'], auth: spec.auth, forceNew: true, reconnection: false, timeout: 30_000 });
    state.socket = socket;
    const fail = (why) => {
      socket.close();
      resolve({ error: why });
    };
    socket.on('connect_error', (e) => fail(`connect_error ${e.message}`));
    socket.on('meeting:event', (event) => {
      if (watched && event.type === 'vote.changed' && event.payload.vote.id === watched && event.payload.vote.status === 'closed' && event.payload.vote.result && state.arrival === null) state.arrival = now();
    });
    socket.once('connect', () => {
      if (!meetingId) return resolve({ state });
      socket.timeout(30_000).emit('meeting:join', { meetingId }, (err, ack) => {
        if (err) return fail('meeting:join timed out');
        if (!ack?.ok) return fail(`meeting:join refused: ${JSON.stringify(ack?.error)}`);
        resolve({ state });
      });
    });
  });
}

function emitBallot(socket, payload) {
  return new Promise((resolve) => {
    const t0 = now();
    socket.timeout(15_000).emit('vote:cast', payload, (err, ack) => resolve({ ms: now() - t0, ok: !err && ack?.ok === true, code: err ? 'TIMEOUT' : ack?.ok ? null : ack?.error?.code, replay: ack?.data?.replay === true }));
  });
}

process.on('message', async (msg) => {
  if (msg.type === 'connect') {
    process.send(await connectAll(msg.sockets, (spec) => connectOne(msg.url, spec, msg.meetingId), sockets, 20));
  } else if (msg.type === 'cast') {
    const t0 = now();
    let retries = 0;
    const acks = await Promise.all(
      sockets.map(async (s, i) => {
        await sleep(Math.random() * msg.spreadMs);
        const payload = { voteId: msg.voteId, clientId: crypto.randomUUID(), choice: CHOICES[i % CHOICES.length] };
        const first = emitBallot(s.socket, payload);
        let again = null;
        if (Math.random() < msg.retryShare) {
          retries++;
          again = sleep(50 + Math.random() * 200).then(() => emitBallot(s.socket, payload));
        }
        const a = await first;
        const b = again ? await again : null;
        return { i, choice: payload.choice, ms: a.ms, ok: a.ok, code: a.code, retryOk: b ? b.ok : null, retryReplay: b ? b.replay : null };
      }),
    );
    process.send({ type: 'cast-done', acks, sent: sockets.length, retries, ms: now() - t0 });
  } else if (msg.type === 'watch') {
    watched = msg.voteId;
    for (const s of sockets) s.arrival = null;
    process.send({ type: 'watching' });
  } else if (msg.type === 'results') {
    const deadline = now() + 15_000;
    while (sockets.some((s) => s.arrival === null) && now() < deadline) await sleep(20);
    process.send({ type: 'results', arrivals: sockets.filter((s) => s.arrival !== null).map((s) => s.arrival), missing: sockets.filter((s) => s.arrival === null).length });
  } else if (msg.type === 'close') {
    for (const s of sockets) s.socket.close();
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
