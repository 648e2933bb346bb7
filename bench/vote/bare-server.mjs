// The raw baseline for bench/vote: a bare Socket.IO 4.8 server with one bare INSERT per
// ballot in the same PostgreSQL, no authentication, no permission check, no event log.
// A socket's handshake says its voter id. 'vote:cast' {voteId, clientId, choice} → INSERT
// … ON CONFLICT (vote, voter) DO UPDATE → ack {ok:true}. POST /close/:voteId counts the
// ballots with one GROUP BY and broadcasts the result to every socket as hopso's
// 'meeting:event' vote.changed. Run by run.mjs as a child process; reports its port over IPC.
import http from 'node:http';
import pg from 'pg';
import { Server } from 'socket.io';

const pool = new pg.Pool({ connectionString: process.env.BARE_DATABASE_URL, max: 20 });
await pool.query(`CREATE TABLE IF NOT EXISTS bare_ballots (vote_id uuid NOT NULL, voter_id uuid NOT NULL, choice text NOT NULL, client_id uuid NOT NULL, PRIMARY KEY (vote_id, voter_id))`);

let seq = 0;
const httpServer = http.createServer(async (req, res) => {
  const voteId = req.method === 'POST' && /^\/close\/([0-9a-f-]{36})$/.exec(req.url ?? '')?.[1];
  if (!voteId) return res.writeHead(404).end();
  const { rows } = await pool.query('SELECT choice, count(*)::int AS n FROM bare_ballots WHERE vote_id = $1 GROUP BY choice', [voteId]);
  const counts = { yes: 0, no: 0, abstain: 0, cast: 0 };
  for (const r of rows) {
    counts[r.choice] = r.n;
    counts.cast += r.n;
  }
  io.emit('meeting:event', { meetingId: voteId, seq: ++seq, type: 'vote.changed', at: new Date().toISOString(), payload: { vote: { id: voteId, status: 'closed', result: { counts } } } });
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(counts));
});

const io = new Server(httpServer, { path: '/socket.io', serveClient: false });
io.on('connection', (socket) => {
  const voter = socket.handshake.auth?.voter;
  socket.on('vote:cast', async (p, ack) => {
    try {
      await pool.query(
        `INSERT INTO bare_ballots (vote_id, voter_id, choice, client_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (vote_id, voter_id) DO UPDATE SET choice = EXCLUDED.choice, client_id = EXCLUDED.client_id`,
        [p.voteId, voter, p.choice, p.clientId],
      );
      ack?.({ ok: true, data: { voteId: p.voteId, counted: true, choice: p.choice, replay: false } });
    } catch (e) {
      ack?.({ ok: false, error: { code: 'INTERNAL', message: String(e) } });
    }
  });
});

httpServer.listen(0, '127.0.0.1', () => process.send?.({ type: 'listening', port: httpServer.address().port }));
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
