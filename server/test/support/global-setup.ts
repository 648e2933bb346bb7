import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { dbUrl, SERVER_CLI, SERVER_MAIN, TEMPLATE_DB, TEST_DATA_DIR, TEST_PG_ADMIN_URL, TEST_PG_PORT } from './test-env';

/**
 * One embedded PostgreSQL for the whole run. The schema is migrated once into a
 * template database; each test file clones it (see server.ts), so files never share state.
 */
export default async function globalSetup(): Promise<void> {
  if (!fs.existsSync(SERVER_MAIN)) throw new Error(`Build first (npm run build): ${SERVER_MAIN} is missing`);
  const pg = await startEmbeddedPostgres(TEST_DATA_DIR, TEST_PG_PORT);
  (globalThis as { __HOPSO_TEST_PG__?: typeof pg }).__HOPSO_TEST_PG__ = pg;
  const admin = new Client({ connectionString: TEST_PG_ADMIN_URL });
  await admin.connect();
  const stale = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE 'test\\_%' OR datname = $1`, [TEMPLATE_DB]);
  for (const { datname } of stale.rows) await admin.query(`DROP DATABASE "${datname}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  // migrate through the real CLI, exactly as production does
  execFileSync(process.execPath, [SERVER_CLI, 'migrate'], { env: { ...process.env, DATABASE_URL: dbUrl(TEMPLATE_DB) }, stdio: 'pipe' });
  fs.rmSync(`${TEST_DATA_DIR}/runs`, { recursive: true, force: true });
}
