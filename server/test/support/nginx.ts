import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, TEST_DATA_DIR } from './test-env';
import { freePort } from './server';

/** The one nginx configuration: docker-compose.yml mounts this template, the tests fill it the same way. */
export const NGINX_TEMPLATE = path.join(REPO_ROOT, 'deploy', 'nginx', 'hopso.conf.template');

export interface TestProxy {
  url: string;
  port: number;
  logs(): string;
  stop(): Promise<void>;
}

/**
 * Fills `${NAME}` for the names given and leaves every other `$…` alone, as the nginx image's
 * envsubst does with NGINX_ENVSUBST_FILTER=^HOPSO_; a name the template uses but nobody gave is an error.
 */
export function renderTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\$\{(HOPSO_[A-Z0-9_]+)\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`nginx template: no value for ${name}`);
    return values[name];
  });
}

/**
 * Debian's nginx as a process in front of two hopso processes, with deploy/nginx's template: the
 * same upstream (ip_hash), WebSocket upgrade and timeouts as in compose, only the addresses differ.
 */
export async function startNginx(upstreams: [string, string]): Promise<TestProxy> {
  const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p));
  if (!nginx) throw new Error('nginx is not installed (apt-get install -y nginx-light; .ci/run does)');
  const port = await freePort();
  fs.mkdirSync(path.join(TEST_DATA_DIR, 'nginx'), { recursive: true });
  const dir = fs.mkdtempSync(path.join(TEST_DATA_DIR, 'nginx', 'run-'));
  const host = (url: string) => new URL(url).host;
  fs.writeFileSync(
    path.join(dir, 'site.conf'),
    renderTemplate(fs.readFileSync(NGINX_TEMPLATE, 'utf8'), { HOPSO_PROXY_LISTEN: `127.0.0.1:${port}`, HOPSO_UPSTREAM_A: host(upstreams[0]), HOPSO_UPSTREAM_B: host(upstreams[1]) }),
  );
  // what the image's own nginx.conf around conf.d/ amounts to, with every path in this run's folder
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    [
      'daemon off;',
      'worker_processes 1;',
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      'events { worker_connections 4096; }',
      'http {',
      '  access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/${t}_temp;`),
      `  include ${dir}/site.conf;`,
      '}',
      '',
    ].join('\n'),
  );
  let output = '';
  const child: ChildProcess = spawn(nginx, ['-p', dir, '-e', `${dir}/error.log`, '-c', `${dir}/nginx.conf`], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const logs = () => output + (fs.existsSync(`${dir}/error.log`) ? fs.readFileSync(`${dir}/error.log`, 'utf8') : '');
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  // ready when a request through it reaches a replica
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}:\n${logs()}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`nginx did not forward to a replica:\n${logs()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    logs,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
