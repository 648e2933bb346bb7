import 'reflect-metadata';
import { createApp } from './bootstrap';
import { describeError, installProcessGuards } from './common/process-guards';
import { loadConfig } from './config';
import { DEMO_PASSWORD, seedDemoIfEmpty } from './seed/demo-seed';

async function main(): Promise<void> {
  installProcessGuards();
  const config = loadConfig();
  const running = await createApp(config);
  const seeded = config.seedDemo ? await seedDemoIfEmpty(running.app) : null;
  await running.app.listen(config.port, config.host);
  const url = `http://localhost:${config.port}`;
  const lines = [
    '',
    `  hopso is running at ${url}`,
    `  API docs: ${url}/api/docs`,
    `  Database: ${running.embedded ? `embedded PostgreSQL (data in ${config.dataDir})` : 'DATABASE_URL'}`,
  ];
  if (seeded) {
    lines.push(
      '',
      `  Demo council: ${seeded.councilName}`,
      `  Demo logins (password for all: ${DEMO_PASSWORD}):`,
      ...seeded.logins.map((l) => `    ${l.role.padEnd(23)} ${l.username.padEnd(12)} ${l.fullName}`),
    );
  }
  console.log(lines.join('\n') + '\n');
}

main().catch((e: unknown) => {
  console.error(`hopso could not start: ${describeError(e)}`);
  process.exit(1);
});
