import 'reflect-metadata';
import { describeError, installProcessGuards } from './common/process-guards';
import { ConfigError, loadConfig } from './config';

async function main(): Promise<void> {
  installProcessGuards();
  // read and checked once, before the application's modules load; they get it injected (APP_CONFIG)
  const config = loadConfig();
  const { createApp } = require('./bootstrap') as typeof import('./bootstrap');
  const running = await createApp(config);
  // the demo's generator (pdfkit and its fonts) loads only where the demo is seeded: not on a replica
  const demo = config.seedDemo ? (require('./seed/demo-seed') as typeof import('./seed/demo-seed')) : null;
  const seeded = demo ? await demo.seedDemoIfEmpty(running.app) : null;
  await running.app.listen(config.port, config.host);
  // idle keep-alive connections: their clients let go first (nginx after 4 s, fetch 2 s before the
  // server's hint), so a request is rarely sent on a socket the server is closing. At Node's 5 s, a
  // test's fetch idle ~3 s under load sent a PUT on one and failed with EPIPE (permissions, issue 15)
  running.app.getHttpServer().keepAliveTimeout = 65_000;
  const url = `http://localhost:${config.port}`;
  const lines = [
    '',
    `  hopso is running at ${url}`,
    `  API docs: ${url}/api/docs`,
    `  Database: ${running.embedded ? `embedded PostgreSQL (data in ${config.dataDir})` : 'DATABASE_URL'}`,
  ];
  if (demo && seeded) {
    lines.push(
      '',
      `  Demo council: ${seeded.councilName}`,
      `  Demo logins (password for all: ${demo.DEMO_PASSWORD}):`,
      ...seeded.logins.map((l) => `    ${l.role.padEnd(23)} ${l.username.padEnd(12)} ${l.fullName}`),
    );
  }
  console.log(lines.join('\n') + '\n');

  // In order: stop accepting and close the sockets (Nest's dispose), stop the job queue and close the
  // pool (shutdown hooks), then stop the embedded PostgreSQL, which outlives everything that uses it.
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`hopso: ${signal} received, stopping`);
    running
      .close()
      .then(() => process.exit(0))
      .catch((e: unknown) => {
        console.error(`hopso did not stop cleanly: ${describeError(e)}`);
        process.exit(1);
      });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((e: unknown) => {
  console.error(`hopso could not start: ${e instanceof ConfigError ? e.message : describeError(e)}`);
  process.exit(1);
});
