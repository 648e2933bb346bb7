// The raw baseline for bench/fanout: a bare Socket.IO 4.8 server with no application
// logic and no database. POST /broadcast/staff or /broadcast/all with a JSON event
// broadcasts it at once, as 'meeting:event', to that room; sockets join 'all' (and
// 'staff' when their handshake says so) on 'meeting:join', acknowledged like hopso's.
// Run by bench/fanout/run.mjs as a child process; reports its port over IPC.
import http from 'node:http';
import { Server } from 'socket.io';

const httpServer = http.createServer((req, res) => {
  const room = req.method === 'POST' && /^\/broadcast\/(staff|all)$/.exec(req.url ?? '')?.[1];
  if (!room) {
    res.writeHead(404).end();
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    let event;
    try {
      event = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      res.writeHead(400).end();
      return;
    }
    io.to(room).emit('meeting:event', event);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
});

const io = new Server(httpServer, { path: '/socket.io', serveClient: false });
io.on('connection', (socket) => {
  const staff = socket.handshake.auth?.staff === true;
  socket.on('meeting:join', (payload, ack) => {
    socket.join(staff ? ['all', 'staff'] : 'all');
    if (typeof ack === 'function') ack({ ok: true, data: { meetingId: payload?.meetingId, seq: 0, staff } });
  });
});

httpServer.listen(0, '127.0.0.1', () => process.send?.({ type: 'listening', port: httpServer.address().port }));
// the bench went away (crashed or finished): go with it
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
