// The statistics every benchmark prints: percentiles, process CPU and memory from /proc, the load average.
import fs from 'node:fs';
import os from 'node:os';

/** Nearest-rank percentile (p in 0–100); NaN for no samples. */
export function percentile(xs, p) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** user + system CPU time (ms) of one process, from /proc/<pid>/stat. */
export function processCpuMs(pid) {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / TICKS_PER_SECOND; // utime, stime: fields 14, 15 of the full line
}

/** CPU time (ms) used so far by a process and all its descendants, e.g. the server and its PostgreSQL. */
export function treeCpuMs(rootPid) {
  const stats = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const s = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(entry), { ppid: Number(f[1]), cpu: Number(f[11]) + Number(f[12]) });
    } catch {
      /* gone */
    }
  }
  let total = 0;
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.pop();
    total += stats.get(pid)?.cpu ?? 0;
    for (const [p, s] of stats) if (s.ppid === pid) queue.push(p);
  }
  return (total * 1000) / TICKS_PER_SECOND;
}

/** Resident memory of a process in MB. */
export const rssMb = (pid) => Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

/** "1.23 1.10 0.98": the load averages, printed beside every figure. */
export const loadAverage = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
