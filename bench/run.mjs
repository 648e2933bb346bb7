// npm run bench: every benchmark, each printing its own baseline and ratio.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
execFileSync('npm', ['run', 'build', '-w', 'shared', '-w', 'server'], { stdio: 'inherit', cwd: path.join(here, '..') });
for (const bench of ['ingest', 'ocr', 'reanchor', 'fanout', 'breakout', 'field', 'hostile', 'vote', 'speakers', 'scale']) {
  // bench/scale at the full size (4,000 sockets, 5 + 2 minutes) wants the machine to itself
  const args = bench === 'scale' && process.env.BENCH_SCALE_FULL !== '1' ? ['--small'] : [];
  execFileSync(process.execPath, [path.join(here, bench, 'run.mjs'), ...args], { stdio: 'inherit' });
}
