import type { Browser } from 'playwright-core';
import { startServer, type TestServer } from '../../../server/test/support/server';
import { launchBrowser } from './browser';

/** The demo documents are ingested in the background after the first start: wait until none is pending. */
export async function waitForDemoIngest(server: TestServer, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await server.db.query("SELECT count(*)::int AS n FROM document_versions WHERE status IN ('pending', 'processing')")).rows[0].n > 0) {
    if (Date.now() > deadline) throw new Error('demo documents not ingested');
    await new Promise((r) => setTimeout(r, 250));
  }
}

export interface DemoWorldOptions {
  /** Extra environment for the server (e.g. HOPSO_SIGNING_KEY). */
  env?: Record<string, string>;
  /** Wait for the demo documents' ingest before the tests (default true). */
  waitForIngest?: boolean;
}

/**
 * A file's browser tests on the demo council: starts the seeded server and Chromium before the
 * tests (waiting for the demo documents' ingest) and stops both after. Read the fields inside tests;
 * a file's own set-up goes in a beforeAll after this call (jest runs them in order).
 */
export function demoWorld(options: DemoWorldOptions = {}): { server: TestServer; browser: Browser; meetingId: string } {
  const world = {} as { server: TestServer; browser: Browser; meetingId: string };
  beforeAll(async () => {
    [world.server, world.browser] = await Promise.all([startServer({ seedDemo: true, ...(options.env ? { env: options.env } : {}) }), launchBrowser()]);
    if (options.waitForIngest !== false) await waitForDemoIngest(world.server);
    world.meetingId = (await world.server.db.query('SELECT id FROM meetings LIMIT 1')).rows[0].id;
    // a seeded start and its demo ingest, on a shared machine
  }, 180_000);
  afterAll(async () => {
    await world.browser?.close();
    await world.server?.stop();
  });
  return world;
}

/** A demo document by title, with its meeting and newest version. */
export async function demoDocument(server: TestServer, title: string): Promise<{ documentId: string; meetingId: string; versionId: string }> {
  const { rows } = await server.db.query(
    `SELECT d.id AS document_id, d.meeting_id, v.id AS version_id FROM documents d JOIN document_versions v ON v.document_id = d.id
      WHERE d.title = $1 ORDER BY v.version_no DESC LIMIT 1`,
    [title],
  );
  if (!rows[0]) throw new Error(`no demo document "${title}"`);
  return { documentId: rows[0].document_id, meetingId: rows[0].meeting_id, versionId: rows[0].version_id };
}
