import fs from 'node:fs';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { TEST_DATA_DIR } from './test-env';

/**
 * Servers a test starts are noted here, so that the global teardown can stop those a jest worker
 * left behind when it was force-exited (a timed-out hook never reaches its afterAll): an orphaned
 * server otherwise goes on ingesting and slows every later run on the machine.
 */
const PID_DIR = path.join(TEST_DATA_DIR, 'pids');

export function noteServer(child: ChildProcess): void {
  if (!child.pid) return;
  fs.mkdirSync(PID_DIR, { recursive: true });
  const file = path.join(PID_DIR, String(child.pid));
  fs.writeFileSync(file, '');
  child.once('exit', () => fs.rmSync(file, { force: true }));
}

const commandOf = (pid: number): string => {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
};

/** Kills the noted servers still running, and the PostgreSQL servers they left under the test data directory. */
export function stopLeftoverServers(): number {
  let stopped = 0;
  const kill = (pid: number, looksRight: (cmd: string) => boolean) => {
    if (!looksRight(commandOf(pid))) return; // the pid was reused by something else
    try {
      process.kill(pid, 'SIGKILL');
      stopped++;
    } catch {
      /* gone meanwhile */
    }
  };
  if (fs.existsSync(PID_DIR)) {
    for (const name of fs.readdirSync(PID_DIR)) {
      kill(Number(name), (cmd) => cmd.includes('main.js'));
      fs.rmSync(path.join(PID_DIR, name), { force: true });
    }
  }
  for (const pidFile of postmasterFiles(TEST_DATA_DIR, 4)) {
    const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (pid) kill(pid, (cmd) => cmd.includes('postgres'));
  }
  return stopped;
}

function postmasterFiles(dir: string, depth: number): string[] {
  if (depth < 0 || !fs.existsSync(dir)) return [];
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isFile() && entry.name === 'postmaster.pid') found.push(full);
    else if (entry.isDirectory() && entry.name !== 'base' && entry.name !== 'pg_wal') found.push(...postmasterFiles(full, depth - 1));
  }
  return found;
}
