import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { createUserRequest } from '@hopso/shared';
import { createApp } from './bootstrap';
import { loadConfig } from './config';
import { runMigrations } from './database/data-source';
import { startEmbeddedPostgres } from './database/embedded-postgres';
import { UsersService } from './users/users.service';
import { describeError } from './common/process-guards';

const USAGE = `Usage:
  node server/dist/server/src/cli.js migrate
  node server/dist/server/src/cli.js create-admin --username NAME --password PASSWORD [--full-name "Full Name"] [--phone 09...]
Uses DATABASE_URL when set, otherwise the embedded PostgreSQL under .data/.`;

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const config = loadConfig();
  if (command === 'migrate') {
    const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort);
    const ran = await runMigrations(config.databaseUrl ?? embedded!.url);
    console.log(ran.length ? `Applied: ${ran.join(', ')}` : 'The database is up to date.');
    await embedded?.stop();
    return;
  }
  if (command === 'create-admin') {
    const { values } = parseArgs({ args: rest, options: { username: { type: 'string' }, password: { type: 'string' }, 'full-name': { type: 'string' }, phone: { type: 'string' } } });
    const parsed = createUserRequest.safeParse({
      username: values.username,
      password: values.password,
      fullName: values['full-name'] ?? 'Quản trị viên',
      phone: values.phone ?? null,
      isAdmin: true,
    });
    if (!parsed.success) {
      console.error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n') + '\n\n' + USAGE);
      process.exitCode = 2;
      return;
    }
    const running = await createApp({ ...config, seedDemo: false });
    try {
      const user = await running.app.get(UsersService).createAccount(parsed.data);
      console.log(`Administrator "${user.username}" created.`);
    } finally {
      await running.close();
    }
    return;
  }
  console.error(USAGE);
  process.exitCode = 2;
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : describeError(e));
  process.exit(1);
});
