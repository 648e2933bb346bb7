// Hostile inputs: what each costs the hopso server (wall time to its answer, peak memory of the
// server process, slowest /api/health answer meanwhile) beside what the naive way of reading the
// same file costs in a bare Node process (ExcelJS loading the .xlsx and reading every column;
// pdf.js extracting the PDF's text). Printed as ratios, with the load average.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { loginAs, startBenchServer } from '../lib/server.mjs';
import { loadAverage } from '../lib/stats.mjs';
import { fixtures } from '../lib/fixtures.mjs';

const require = createRequire(import.meta.url);
const hostile = fixtures;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hopso-hostile-'));

/** The naive reading of `file`, in a child process: [ms, peak RSS MB]. */
function naive(kind, file, extra = '') {
  const script = {
    xlsx: `const ExcelJS = require(${JSON.stringify(require.resolve('exceljs'))});
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(require('fs').readFileSync(process.argv[1]));
      const sheet = wb.worksheets[0]; let n = 0;
      for (let r = 1; r <= sheet.rowCount; r++) { const row = sheet.getRow(r); for (let c = 1; c <= Math.max(row.cellCount, sheet.columnCount); c++) n += (row.getCell(c).text ?? '').length; }`,
    pdf: `globalThis.pdfjsWorker = await import(${JSON.stringify(require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs'))});
      const pdfjs = await import(${JSON.stringify(require.resolve('pdfjs-dist/legacy/build/pdf.mjs'))});
      const doc = await pdfjs.getDocument({ data: new Uint8Array(require('fs').readFileSync(process.argv[1])), verbosity: 0 }).promise;
      const pages = Math.min(doc.numPages, ${extra || 'doc.numPages'});
      for (let p = 1; p <= pages; p++) await (await doc.getPage(p)).getTextContent();`,
  }[kind];
  const wrapped = `const t = performance.now();
    const report = (error) => {
      const hwm = Number(/VmHWM:\\s+(\\d+)/.exec(require('fs').readFileSync('/proc/self/status', 'utf8'))[1]) / 1024;
      console.log(JSON.stringify({ ms: performance.now() - t, mb: hwm, error }));
    };
    (async () => { ${script} })().then(() => report(), (e) => report(String(e)));`;
  // asynchronous: a blocked event loop would leave the client's idle connections to the server stale
  return promisify(execFile)(process.execPath, ['-e', wrapped, file], { encoding: 'utf8', maxBuffer: 1 << 20 }).then(({ stdout }) => JSON.parse(stdout.trim().split('\n').pop()));
}

const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

/** Runs `work` against the server, sampling its RSS and /api/health until it is done. */
async function measure(server, work) {
  const pid = server.child.pid;
  const base = rssMb(pid);
  let peak = base;
  let health = 0;
  let running = true;
  const sampler = (async () => {
    while (running) {
      peak = Math.max(peak, rssMb(pid));
      const t = performance.now();
      await (await fetch(`${server.url}/api/health`)).arrayBuffer();
      health = Math.max(health, performance.now() - t);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const t = performance.now();
  const result = await work();
  const ms = performance.now() - t;
  running = false;
  await sampler;
  return { ms, extraMb: Math.max(0, peak - base), health, result };
}

const server = await startBenchServer({ port: Number(process.env.PORT || 3998), pgPort: Number(process.env.HOPSO_EMBEDDED_PG_PORT || 54338), dataDirName: '.bench-data-hostile', env: { HOPSO_INGEST_TIMEOUT_S: '30' } });
server.child.on('exit', (code, signal) => console.error(`the server exited (code ${code}, signal ${signal})`));
try {
  const api = await loginAs(server.url, 'thuky1');
  const [meeting] = await (await api('/meetings')).json();
  const upload = async (name, data, field, route) => {
    const form = new FormData();
    form.append(field, new Blob([data]), name);
    const res = await api(route, { method: 'POST', body: form });
    return { status: res.status, body: await res.json() };
  };
  const waitDone = async (docId) => {
    for (;;) {
      const d = await (await api(`/documents/${docId}`)).json();
      if (d.currentVersion.status === 'ready' || d.currentVersion.status === 'failed') return d.currentVersion;
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const cases = [
    {
      name: 'xlsx, 100 people and one cell at column XFD (imported again: no accounts to create)',
      file: path.join(tmp, 'xfd.xlsx'),
      data: async () => hostile.xlsxWithFarCell(),
      // the first import creates the 100 accounts (a password hash each), which is not reading cost
      prepare: (d) => upload('xfd.xlsx', d, 'file', `/meetings/${meeting.id}/participants/import`),
      baseline: (f) => naive('xlsx', f),
      run: (d) => upload('xfd.xlsx', d, 'file', `/meetings/${meeting.id}/participants/import`),
    },
    {
      name: 'xlsx inflating to 300 MB',
      file: path.join(tmp, 'bomb.xlsx'),
      data: () => hostile.xlsxWithInflateBomb(300),
      baseline: (f) => naive('xlsx', f),
      run: (d) => upload('bomb.xlsx', d, 'file', `/meetings/${meeting.id}/participants/import`),
    },
    {
      name: 'PDF, a stream inflating to 400 MB',
      file: path.join(tmp, 'bomb.pdf'),
      data: () => hostile.pdfWithInflateBomb(400),
      baseline: (f) => naive('pdf', f),
      run: (d) => upload('bomb.pdf', d, 'files', `/meetings/${meeting.id}/documents`),
    },
    {
      name: 'PDF, 300 pages sharing one 1 MB stream (naive: first 20 pages only)',
      file: path.join(tmp, 'shared.pdf'),
      data: () => hostile.pdfWithSharedContentStream(300, 1024),
      baseline: (f) => naive('pdf', f, '20'),
      run: async (d) => {
        const up = await upload('shared.pdf', d, 'files', `/meetings/${meeting.id}/documents`);
        return waitDone(up.body.documents[0].id);
      },
    },
  ];
  console.log(`bench/hostile  (load average ${loadAverage()}, ${os.cpus().length} cores)`);
  for (const c of cases) {
    const data = await c.data();
    fs.writeFileSync(c.file, data);
    const base = await c.baseline(c.file);
    await c.prepare?.(data);
    const m = await measure(server, () => c.run(data));
    const r = m.result;
    const outcome = typeof r.status === 'number' ? `${r.status} ${r.body.code ?? ''}`.trim() : `ingest ${r.status}${r.failureCode ? ` ${r.failureCode}` : ''}`;
    const naiveText = `naive ${base.ms.toFixed(0)} ms, ${base.mb.toFixed(0)} MB peak${base.error ? ` (then: ${base.error})` : ''}`;
    const ratio = `  time ×${(m.ms / base.ms).toFixed(2)}, memory ×${(m.extraMb / base.mb).toFixed(2)}`;
    console.log(`  ${c.name} (${(data.length / 1024).toFixed(0)} KB): hopso ${m.ms.toFixed(0)} ms → ${outcome}, +${m.extraMb.toFixed(0)} MB server RSS, slowest /api/health ${m.health.toFixed(0)} ms | ${naiveText}${ratio}`);
  }
  console.log(`  (load average after: ${loadAverage()})`);
} catch (e) {
  console.error(`bench/hostile failed: ${e}\n--- server output ---\n${server.logs().slice(-4000)}`);
  process.exitCode = 1;
} finally {
  await server.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
}
