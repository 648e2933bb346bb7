import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const TEST_DATA_DIR = process.env.HOPSO_TEST_DATA_DIR || path.join(REPO_ROOT, '.test-data');
export const TEST_PG_PORT = Number(process.env.HOPSO_TEST_PG_PORT || 54329);
export const TEST_PG_ADMIN_URL = `postgres://hopso:hopso@127.0.0.1:${TEST_PG_PORT}/postgres`;
export const TEMPLATE_DB = 'hopso_template';
export const dbUrl = (name: string) => `postgres://hopso:hopso@127.0.0.1:${TEST_PG_PORT}/${name}`;
export const SERVER_MAIN = path.join(REPO_ROOT, 'server', 'dist', 'server', 'src', 'main.js');
export const SERVER_CLI = path.join(REPO_ROOT, 'server', 'dist', 'server', 'src', 'cli.js');
