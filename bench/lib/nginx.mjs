// Debian's nginx as a process with the compose file's own site configuration
// (deploy/nginx/hopso.conf.template, the ${HOPSO_…} names filled as the nginx image's envsubst does;
// the tests' copy of this is server/test/support/nginx.ts). For benchmarks: room for thousands of sockets.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './server.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function startNginx({ port, upstreams, dir = path.join(ROOT, `.bench-data-nginx-${port}`) }) {
  const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p));
  if (!nginx) throw new Error('nginx is not installed (apt-get install -y nginx-light)');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const values = { HOPSO_PROXY_LISTEN: `127.0.0.1:${port}`, HOPSO_UPSTREAM_A: new URL(upstreams[0]).host, HOPSO_UPSTREAM_B: new URL(upstreams[1]).host };
  const template = fs.readFileSync(path.join(ROOT, 'deploy', 'nginx', 'hopso.conf.template'), 'utf8');
  fs.writeFileSync(
    path.join(dir, 'site.conf'),
    template.replace(/\$\{(HOPSO_[A-Z0-9_]+)\}/g, (_, name) => {
      if (!(name in values)) throw new Error(`nginx template: no value for ${name}`);
      return values[name];
    }),
  );
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    [
      'daemon off;',
      'worker_processes 1;',
      'worker_rlimit_nofile 40000;',
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      'events { worker_connections 20000; }',
      'http {',
      '  access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/${t}_temp;`),
      `  include ${dir}/site.conf;`,
      '}',
      '',
    ].join('\n'),
  );
  const child = spawn(nginx, ['-p', dir, '-e', `${dir}/error.log`, '-c', `${dir}/nginx.conf`], { stdio: ['ignore', 'inherit', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}`);
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('nginx did not forward to a replica');
    }
    await sleep(100);
  }
  let stopped = null;
  const stop = () =>
    (stopped ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        if (!(await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]))) child.kill('SIGKILL');
      }
      fs.rmSync(dir, { recursive: true, force: true });
    })());
  return { url, child, stop };
}
