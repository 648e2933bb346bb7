import type { TestServer } from '../../../server/test/support/server';

/** The demo documents are ingested in the background after the first start: wait until none is pending. */
export async function waitForDemoIngest(server: TestServer, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await server.db.query("SELECT count(*)::int AS n FROM document_versions WHERE status IN ('pending', 'processing')")).rows[0].n > 0) {
    if (Date.now() > deadline) throw new Error('demo documents not ingested');
    await new Promise((r) => setTimeout(r, 250));
  }
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
