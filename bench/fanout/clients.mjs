// A client process for bench/fanout: holds a share of the delegate sockets (one
// WebSocket each, as on a thousand phones) to the hopso server and to the bare
// baseline server, and records when each socket receives an armed
// 'meeting.updated'. Times are process.hrtime (CLOCK_MONOTONIC), which is
// comparable across processes on one machine. Driven over IPC by run.mjs.
import { io } from 'socket.io-client';

/** target name → { sockets, expected, got, count, first, last, round, cpu0, disconnects } */
const targets = new Map();

const send = (m) => process.send?.(m);

function connectOne(target, url, meetingId, auth, i) {
  return new Promise((resolve, reject) => {
    // forceNew: without it socket.io-client multiplexes every socket to one URL over a single connection
    const socket = io(url, { path: '/socket.io', transports: ['websocket'], auth, forceNew: true, reconnection: false, timeout: 30_000 });
    socket.on('meeting:event', (ev) => {
      if (target.expected === null || target.got[i] || ev.type !== 'meeting.updated' || ev.payload?.currentAgendaItemId !== target.expected) return;
      const now = process.hrtime.bigint();
      target.got[i] = 1;
      if (target.count === 0) target.first = now;
      target.count++;
      target.last = now;
      if (target.count === target.sockets.length) {
        const cpu = process.cpuUsage(target.cpu0);
        send({ type: 'done', target: target.name, round: target.round, first: String(target.first), last: String(target.last), cpuUs: cpu.user + cpu.system });
        target.expected = null;
      }
    });
    socket.on('disconnect', () => target.disconnects++);
    socket.once('connect_error', (e) => reject(new Error(`${target.name} socket ${i}: connect_error ${e.message}`)));
    socket.once('connect', async () => {
      try {
        const res = await socket.timeout(30_000).emitWithAck('meeting:join', { meetingId });
        if (!res?.ok) throw new Error(`${target.name} socket ${i}: meeting:join ${JSON.stringify(res)}`);
        resolve(socket);
      } catch (e) {
        reject(e);
      }
    });
  });
}

async function connect({ target: name, url, meetingId, auths, concurrency }) {
  const target = { name, sockets: new Array(auths.length), expected: null, got: new Uint8Array(auths.length), count: 0, first: 0n, last: 0n, round: -1, cpu0: null, disconnects: 0 };
  targets.set(name, target);
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, auths.length) }, async () => {
      while (next < auths.length) {
        const i = next++;
        target.sockets[i] = await connectOne(target, url, meetingId, auths[i], i);
      }
    }),
  );
  target.disconnects = 0;
  return { ms: performance.now() - t0, n: auths.length };
}

process.on('message', async (m) => {
  try {
    if (m.cmd === 'connect') {
      const r = await connect(m);
      send({ type: 'connected', target: m.target, ...r });
    } else if (m.cmd === 'arm') {
      const t = targets.get(m.target);
      t.got.fill(0);
      t.count = 0;
      t.round = m.round;
      t.expected = m.agendaItemId;
      t.cpu0 = process.cpuUsage();
      send({ type: 'armed', target: m.target, round: m.round });
    } else if (m.cmd === 'status') {
      const t = targets.get(m.target);
      send({ type: 'status', target: m.target, count: t?.count ?? 0, n: t?.sockets.length ?? 0, disconnects: t?.disconnects ?? 0 });
    } else if (m.cmd === 'close') {
      for (const t of targets.values()) for (const s of t.sockets) s?.disconnect();
      send({ type: 'closed' });
      setTimeout(() => process.exit(0), 100);
    }
  } catch (e) {
    send({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
});

// the bench went away (crashed or finished): close everything by exiting
process.on('disconnect', () => process.exit(0));
