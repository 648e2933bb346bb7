// The receiving side of bench/breakout, in its own process so that the 200 + 3 sockets
// never share an event loop (or a core) with the posters. Run by run.mjs with fork();
// everything goes over IPC:
//   ← {type:'connect', url, sockets:[{label, auth, staff, groupId}], meetingId}  → {type:'connected', ok, failed, errors, ms}
//   ← {type:'assign', groups:{label: groupId}}                                  → {type:'assign'}
//   ← {type:'reset'}  (start of the measured window)                            → {type:'reset'}
//   ← {type:'progress'}                                                         → {type:'progress', correct}
//   ← {type:'collect'}                                                          → {type:'receipts', sockets, cpuMs, wallMs}
// A socket records, per message client id, the time it first got it (performance.timeOrigin
// + performance.now(), comparable across processes on one machine), how many copies it got,
// and any message of a group it does not belong to (a leak; staff belong to every group).
import { io } from 'socket.io-client';
import { connectAll } from '../lib/connect-all.mjs';

const now = () => performance.timeOrigin + performance.now();
const sockets = [];
let correct = 0;
let cpu0 = process.cpuUsage();
let wall0 = now();

function connectOne(url, spec, meetingId) {
  return new Promise((resolve) => {
    const state = { label: spec.label, groupId: spec.groupId, staff: spec.staff === true, recv: new Map(), dups: [], leaks: [], disconnects: 0, socket: null };
    const socket = io(url, { path: '/socket.io', transports: ['websocket'], auth: spec.auth, forceNew: true, reconnection: false, timeout: 20_000 });
    state.socket = socket;
    const fail = (why) => {
      socket.close();
      resolve({ state, error: `${spec.label}: ${why}` });
    };
    socket.on('connect_error', (e) => fail(`connect_error ${e.message}`));
    socket.on('disconnect', () => state.disconnects++);
    socket.on('meeting:event', (event) => {
      if (event.type !== 'group.message') return;
      const t = now();
      const m = event.payload.message;
      if (!state.staff && m.groupId !== state.groupId) {
        state.leaks.push(m.clientId);
        return;
      }
      if (state.recv.has(m.clientId)) {
        state.dups.push(m.clientId);
        return;
      }
      state.recv.set(m.clientId, t);
      correct++;
    });
    socket.once('connect', () => {
      socket.timeout(20_000).emit('meeting:join', { meetingId }, (err, ack) => {
        if (err) return fail('meeting:join timed out');
        if (!ack?.ok) return fail(`meeting:join refused: ${JSON.stringify(ack?.error)}`);
        if (ack.data.staff !== state.staff) return fail(`joined with staff=${ack.data.staff}, expected ${state.staff}`);
        resolve({ state });
      });
    });
  });
}

process.on('message', async (msg) => {
  if (msg.type === 'connect') {
    process.send(await connectAll(msg.sockets, (spec) => connectOne(msg.url, spec, msg.meetingId), sockets, 10));
  } else if (msg.type === 'assign') {
    // the groups were made after the sockets joined: label → group id
    for (const s of sockets) if (!s.staff) s.groupId = msg.groups[s.label] ?? null;
    process.send({ type: 'assign' });
  } else if (msg.type === 'reset') {
    // measurement window starts: forget anything before (there should be nothing)
    for (const s of sockets) {
      s.recv.clear();
      s.dups.length = 0;
      s.leaks.length = 0;
    }
    correct = 0;
    cpu0 = process.cpuUsage();
    wall0 = now();
    process.send({ type: 'reset' });
  } else if (msg.type === 'progress') {
    process.send({ type: 'progress', correct });
  } else if (msg.type === 'collect') {
    const cpu = process.cpuUsage(cpu0);
    const wallMs = now() - wall0;
    const out = sockets.map((s) => ({ label: s.label, groupId: s.groupId, staff: s.staff, recv: [...s.recv], dups: s.dups, leaks: s.leaks, disconnects: s.disconnects }));
    for (const s of sockets) s.socket.close();
    process.send({ type: 'receipts', sockets: out, cpuMs: (cpu.user + cpu.system) / 1000, wallMs }, () => process.exit(0));
  }
});
// the bench went away (crashed or finished): go with it
process.on('disconnect', () => process.exit(0));
