import type { EmbeddedDatabase } from '../../src/database/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __HOPSO_TEST_PG__?: EmbeddedDatabase }).__HOPSO_TEST_PG__?.stop();
}
