import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import type { DocumentDetail, Paragraph, UploadResult } from '@hopso/shared';
import { buildDraftResolutionPdf, pdfWithSharedContentStream } from '../../fixtures';
import { buildMeetingWorld, login } from './support/api';
import { noteServer } from './support/leftover-servers';
import { createTestDatabase, freePort, startServer, type TestServer } from './support/server';
import { SERVER_MAIN, TEST_DATA_DIR } from './support/test-env';

jest.setTimeout(240_000);

/** `npm start`'s own entry point with no DATABASE_URL: it starts its embedded PostgreSQL under dataDir. */
function startMain(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  let output = '';
  const child = spawn(process.execPath, [SERVER_MAIN], { env: { ...inherited, NODE_OPTIONS: '', HOST: '127.0.0.1', HOPSO_SEED_DEMO: '0', LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  noteServer(child);
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  return { child, output: () => output };
}

async function waitHealthy(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`server did not become healthy:\n${output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));

function postmasterAlive(dataDir: string): boolean {
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return false;
  try {
    process.kill(Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]), 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

describe('a start after a crash', () => {
  const dataDir = path.join(TEST_DATA_DIR, 'crash', crypto.randomBytes(4).toString('hex'));
  let current: ReturnType<typeof startMain> | null = null;

  afterAll(async () => {
    if (current && current.child.exitCode === null) {
      current.child.kill('SIGTERM');
      await exited(current.child);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('reuses the data directory its killed predecessor left with PostgreSQL running, and resumes the interrupted ingest at once', async () => {
    const [port, pgPort] = [await freePort(), await freePort()];
    const env = { PORT: String(port), HOPSO_EMBEDDED_PG_PORT: String(pgPort), HOPSO_DATA_DIR: dataDir };
    const url = `http://127.0.0.1:${port}`;
    current = startMain(env);
    await waitHealthy(url, current.child, current.output);

    const databaseUrl = `postgres://hopso:hopso@127.0.0.1:${pgPort}/hopso`;
    const db = new Client({ connectionString: databaseUrl });
    db.on('error', () => undefined); // the connection ends with the PostgreSQL it talks to
    await db.connect();
    const server: TestServer = { url, databaseUrl, dataDir, db, logs: current.output, stop: async () => undefined, kill: async () => undefined };
    const w = await buildMeetingWorld(server, { prefix: 'c' });

    // the ingest is held where it starts writing paragraphs (the test's transaction keeps their table
    // locked), so the server is killed mid-ingest whatever the machine's speed: version processing,
    // its job taken and its lock held, with a small file to read again after the restart
    await db.query('BEGIN');
    await db.query('LOCK TABLE paragraphs IN SHARE MODE');
    const up = await w.secretary.upload(w.meeting.id, [{ name: 'phu-luc.pdf', data: await pdfWithSharedContentStream(3, 64) }]);
    expect(up.status).toBe(201);
    const [doc] = (up.body as UploadResult).documents;
    for (;;) {
      const { rows } = await db.query(
        `SELECT count(*)::int AS waiting FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'paragraphs' AND NOT l.granted`,
      );
      if (rows[0].waiting > 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await w.secretary.get<DocumentDetail>(`/documents/${doc.id}`)).body.currentVersion.status).toBe('processing');
    current.child.kill('SIGKILL');
    await exited(current.child);
    // the lock let go with the connection; the killed process's waiting statement then finds its client gone
    await db.end();
    // the state the issue describes: the server is gone, its PostgreSQL is not
    expect(postmasterAlive(dataDir)).toBe(true);

    const started = Date.now();
    current = startMain(env);
    await waitHealthy(url, current.child, current.output);
    expect(current.output()).toMatch(/stopping the PostgreSQL left running by an earlier start/);
    expect(current.output()).not.toMatch(/\bundefined\b/);

    const ready = await w.secretary.waitReady(doc.id, 120_000);
    expect(ready.currentVersion.status).toBe('ready');
    // well before the queue's own expiry (15 minutes) would have retried the job
    expect(Date.now() - started).toBeLessThan(5 * 60_000);
    const paragraphs = (await w.secretary.get<Paragraph[]>(`/documents/${doc.id}/versions/${ready.currentVersion.id}/paragraphs`)).body;
    expect(paragraphs.length).toBeGreaterThan(0);

    current.child.kill('SIGTERM');
    await exited(current.child);
    // a clean stop takes its PostgreSQL with it
    expect(postmasterAlive(dataDir)).toBe(false);
  });
});

describe('a start with ingests left over', () => {
  it('fails an ingest whose file has gone with a reason the secretary understands, and keeps serving', async () => {
    const databaseName = await createTestDatabase();
    const first = await startServer({ databaseName });
    const w = await buildMeetingWorld(first, { prefix: 'g' });
    const up = await w.secretary.upload(w.meeting.id, [
      { name: 'du-thao.pdf', data: await buildDraftResolutionPdf({ title: 'Về dự toán', councilName: 'HĐND xã', articles: [{ heading: 'Điều 1', clauses: ['Nội dung.'] }] }) },
    ]);
    const [doc] = (up.body as UploadResult).documents;
    await w.secretary.waitReady(doc.id);
    // as a crash leaves it, plus an unexpected failure: the version waits for an ingest whose file is gone
    await first.db.query(`UPDATE document_versions SET status = 'pending', progress = 0, file_key = 'documents/missing/gone.pdf' WHERE document_id = $1`, [doc.id]);
    await first.stop();

    const second = await startServer({ databaseName });
    try {
      const secretary = await login(second, 'g-secretary');
      const failed = await secretary.waitReady(doc.id);
      expect(failed.currentVersion).toMatchObject({ status: 'failed', failureCode: 'INGEST_FAILED' });
      expect(failed.currentVersion.failureReason).toMatch(/could not be read/);
      // neither the file system's nor the database's words reach the secretary
      expect(failed.currentVersion.failureReason).not.toMatch(/ENOENT|gone\.pdf|documents\//);
      expect((await fetch(`${second.url}/api/health`)).status).toBe(200);
    } finally {
      await second.stop();
    }
  });
});
