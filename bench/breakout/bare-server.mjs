// The raw baseline for bench/breakout: a bare Socket.IO 4.8 server with no database, no
// authentication and no application logic. POST /groups/:groupId/messages with
// {clientId, body, authorId} builds a message shaped like hopso's group.message event
// and broadcasts it at once, as 'meeting:event', to the rooms `group:{groupId}` and
// 'staff'. A socket's handshake says its group (or staff); 'meeting:join' puts it in
// that room and is acknowledged like hopso's. Run by run.mjs as a child process; reports
// its port over IPC.
import crypto from 'node:crypto';
import http from 'node:http';
import { Server } from 'socket.io';

let seq = 0;
const httpServer = http.createServer((req, res) => {
  const groupId = req.method === 'POST' && /^\/groups\/([0-9a-f-]{36})\/messages$/.exec(req.url ?? '')?.[1];
  if (!groupId) {
    res.writeHead(404).end();
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      res.writeHead(400).end();
      return;
    }
    const at = new Date().toISOString();
    const message = { id: crypto.randomUUID(), clientId: body.clientId, groupId, authorId: body.authorId, authorName: body.authorName, body: body.body, citation: null, createdAt: at };
    io.to([`group:${groupId}`, 'staff']).emit('meeting:event', { meetingId: body.meetingId, seq: ++seq, type: 'group.message', at, payload: { message } });
    res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(message));
  });
});

const io = new Server(httpServer, { path: '/socket.io', serveClient: false });
io.on('connection', (socket) => {
  const { staff, groupId } = socket.handshake.auth ?? {};
  socket.on('meeting:join', (payload, ack) => {
    socket.join(staff === true ? 'staff' : `group:${groupId}`);
    if (typeof ack === 'function') ack({ ok: true, data: { meetingId: payload?.meetingId, seq, staff: staff === true } });
  });
});

httpServer.keepAliveTimeout = 5_000;
httpServer.listen(0, '127.0.0.1', () => process.send?.({ type: 'listening', port: httpServer.address().port }));
// the bench went away (crashed or finished): go with it
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
