import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { UploadResult } from '@hopso/shared';
import { buildDraftResolutionPdf } from '../../fixtures';
import { buildMeetingWorld, login } from './support/api';
import { createTestDatabase, startServer, type TestServer } from './support/server';
import { SERVER_MAIN, dbUrl } from './support/test-env';

jest.setTimeout(180_000);

/** Runs `npm start`'s entry point with env until it exits; its output and exit code. */
function runToExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SERVER_MAIN], { env: { ...process.env, NODE_OPTIONS: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

describe('configuration at start', () => {
  it.each([
    ['PORT', 'eighty'],
    ['HOPSO_MAX_UPLOAD_MB', '0'],
    ['HOPSO_STORAGE', 'tape'],
  ])('a bad %s stops the start with a message naming it', async (name, value) => {
    const databaseName = await createTestDatabase();
    const { code, output } = await runToExit({ DATABASE_URL: dbUrl(databaseName), [name]: value });
    expect(code).toBe(1);
    expect(output).toMatch(new RegExp(`hopso could not start: invalid configuration:\\n\\s+${name}: .*\\(got "${value}"\\)`));
  });
});

async function viewerCopyOf(s: TestServer, versionId: string, timeoutMs = 120_000): Promise<{ web_file_key: string }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = (await s.db.query(`SELECT web_file_key FROM document_versions WHERE id = $1`, [versionId])).rows;
    if (row?.web_file_key) return row;
    if (Date.now() > deadline) throw new Error(`no viewer copy for version ${versionId}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('a start after a crash', () => {
  it('makes an interrupted viewer copy again and removes temporary files a crash left, and logs one readable line each', async () => {
    const databaseName = await createTestDatabase();
    const first = await startServer({ databaseName });
    const w = await buildMeetingWorld(first, { prefix: 'su' });
    const up = await w.secretary.upload(w.meeting.id, [
      { name: 'du-thao.pdf', data: await buildDraftResolutionPdf({ title: 'Về dự toán', councilName: 'HĐND xã', articles: [{ heading: 'Điều 1', clauses: ['Nội dung.'] }] }) },
    ]);
    expect(up.status).toBe(201);
    const [doc] = (up.body as UploadResult).documents;
    const ready = await w.secretary.waitReady(doc.id);
    const versionId = ready.currentVersion.id;
    // the viewer copy is made after the version is ready (the original is served until then): wait for it
    const row = await viewerCopyOf(first, versionId);
    expect(row.web_file_key).toMatch(/\.web\.pdf$/);
    // as a crash in the middle of the viewer copy leaves it: no copy recorded, its half-written file beside
    await first.db.query(`UPDATE document_versions SET web_file_key = NULL, web_size_bytes = NULL, web_sha256 = NULL WHERE id = $1`, [versionId]);
    await first.stop();
    const filesDir = path.join(first.dataDir, 'files');
    const webFile = path.join(filesDir, row.web_file_key);
    fs.rmSync(webFile);
    const halfWritten = `${webFile}.4242.tmp`;
    fs.writeFileSync(halfWritten, 'half');
    const halfUpload = path.join(first.dataDir, 'tmp', 'uploads', 'orphan-upload');
    fs.mkdirSync(path.dirname(halfUpload), { recursive: true });
    fs.writeFileSync(halfUpload, 'half');
    const longAgo = new Date(Date.now() - 2 * 60 * 60_000);
    for (const f of [halfWritten, halfUpload]) fs.utimesSync(f, longAgo, longAgo);
    // a temporary file being written right now is left alone
    const fresh = `${webFile}.4343.tmp`;
    fs.writeFileSync(fresh, 'fresh');

    const second = await startServer({ databaseName, env: { LOG_LEVEL: 'info' } });
    try {
      const deadline = Date.now() + 60_000;
      while (!/made 1 interrupted viewer copy again/.test(second.logs()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(second.logs()).toMatch(/removed 2 temporary file\(s\) left by an earlier run/);
      expect(second.logs()).toMatch(/made 1 interrupted viewer copy again/);
      const [after] = (await second.db.query(`SELECT web_file_key, web_sha256 FROM document_versions WHERE id = $1`, [versionId])).rows;
      expect(after.web_file_key).toBe(row.web_file_key);
      expect(fs.existsSync(webFile)).toBe(true);
      expect([fs.existsSync(halfWritten), fs.existsSync(halfUpload), fs.existsSync(fresh)]).toEqual([false, false, true]);
      // the viewer is served the copy again (its ETag is the copy's hash)
      const secretary = await login(second, 'su-secretary');
      const file = await fetch(`${second.url}/api/documents/${doc.id}/file`, { headers: { authorization: `Bearer ${secretary.token}` } });
      expect(file.status).toBe(200);
      expect(file.headers.get('etag')).toBe(`"${after.web_sha256}"`);

      // readable one-line logs: no JSON lines, none of Nest's module and route listing or route-syntax warnings
      const logs = second.logs();
      expect(logs).toMatch(/^\d\d:\d\d:\d\d INFO {2}\[StartUpRecovery\] /m);
      expect(logs).not.toMatch(/^\{/m);
      expect(logs).not.toMatch(/InstanceLoader|RoutesResolver|RouterExplorer|Mapped \{|LegacyRouteConverter|dependencies initialized/);
    } finally {
      await second.stop();
    }
  });
});
