import type { EmbeddedDatabase } from '../../src/database/embedded-postgres';
import { stopLeftoverServers } from './leftover-servers';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __HOPSO_TEST_PG__?: EmbeddedDatabase }).__HOPSO_TEST_PG__?.stop();
  const stopped = stopLeftoverServers();
  if (stopped > 0) console.warn(`stopped ${stopped} server(s) a test left running`);
}
