import type { TestServer } from '../../../server/test/support/server';

/** The demo documents are ingested in the background after the first start: wait until none is pending. */
export async function waitForDemoIngest(server: TestServer, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await server.db.query("SELECT count(*)::int AS n FROM document_versions WHERE status IN ('pending', 'processing')")).rows[0].n > 0) {
    if (Date.now() > deadline) throw new Error('demo documents not ingested');
    await new Promise((r) => setTimeout(r, 250));
  }
}
