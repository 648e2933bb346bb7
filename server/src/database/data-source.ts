import path from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { QuietTypeOrmLogger } from './quiet-typeorm-logger';

/** The one datasource definition, used by the app and by the migration CLI. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    // compiled migrations sit at dist/migrations, next to dist/server
    migrations: [path.join(__dirname, '..', '..', '..', 'migrations', '*.{js,ts}')],
    synchronize: false,
    migrationsRun: false,
    logging: ['error'],
    logger: new QuietTypeOrmLogger(),
    // connections opened for a burst stay open a while: opening one (a new backend, its
    // authentication, its cold caches) in the middle of a burst is what makes a burst slow
    extra: { max: 20, idleTimeoutMillis: 300_000 },
  };
}

export async function runMigrations(url: string): Promise<string[]> {
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  try {
    const ran = await ds.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

// For the typeorm CLI (migration:revert, migration:show) against DATABASE_URL. There is no migration:generate:
// keys, indexes and CHECKs live only in the hand-written migrations (server/test/entity-schema.test.ts).
export default new DataSource(dataSourceOptions(process.env.DATABASE_URL ?? 'postgres://localhost/hopso'));
