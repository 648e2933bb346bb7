// Development: build the server once, run it (embedded database, port 3000), and run
// Vite's dev server with hot reload on :5173, which proxies /api and /socket.io to it.
import { spawn, execSync } from 'node:child_process';

execSync('npm run build -w shared && npm run build -w server', { stdio: 'inherit' });
const children = [
  spawn(process.execPath, ['server/dist/server/src/main.js'], { stdio: 'inherit' }),
  spawn('npm', ['run', 'dev', '-w', 'web'], { stdio: 'inherit' }),
];
const stop = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const c of children) c.on('exit', (code) => { stop(); process.exitCode = code ?? 0; });
