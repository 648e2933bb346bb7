// bench/ingest: a generated 400-page PDF through the real upload path (HTTP upload,
// validation, storage, job queue, pdf.js extraction, paragraph grouping, database
// writes) against pdfjs-dist's bare text extraction of the same file, in the same run.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, loginAs, startBenchServer, uploadUntilReady, waitHopsoIdle } from '../lib/server.mjs';
import { loadAverage, median } from '../lib/stats.mjs';
import { fixtures } from '../lib/fixtures.mjs';

const PAGES = Number(process.env.BENCH_PAGES || 400);
const RUNS = Number(process.env.BENCH_RUNS || 3);

const { buildLongPdf } = fixtures;
const outDir = path.join(ROOT, 'bench/.out');
fs.mkdirSync(outDir, { recursive: true });
const file = path.join(outDir, `long-${PAGES}.pdf`);
const pdf = await buildLongPdf(PAGES);
fs.writeFileSync(file, pdf);
console.log(`bench/ingest: ${PAGES}-page PDF, ${(pdf.length / 1024 / 1024).toFixed(1)} MB, ${RUNS} runs each`);

const server = await startBenchServer({ port: Number(process.env.BENCH_PORT || 3999), pgPort: Number(process.env.BENCH_PG_PORT || 54339), env: { LOG_LEVEL: 'info' } });
try {
  const api = await loginAs(server.url, 'thuky1');
  const [meeting] = await (await api('/meetings')).json();
  // the demo documents' ingest and viewer copies first, so the first baseline shares the machine with nothing of hopso's
  await waitHopsoIdle(server);

  const bare = [];
  const real = [];
  for (let run = 0; run < RUNS; run++) {
    const load = loadAverage();
    // bare pdf.js in its own process, as the server's job also starts from the file
    const t0 = performance.now();
    // asynchronous, so the client's idle keep-alive sockets see the server close them (a blocked loop would reuse a dead one)
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(ROOT, 'bench/ingest/bare-extract.mjs'), file], { encoding: 'utf8' });
    const { ms } = JSON.parse(stdout);
    bare.push(ms ?? performance.now() - t0);
    // upload → ready, then (untimed) until hopso has finished all its work on the file, the viewer copy included
    real.push((await uploadUntilReady(server, api, meeting.id, pdf, `bench-${run}.pdf`)).ms);
    console.log(`  run ${run + 1}: pdf.js ${bare[run].toFixed(0)} ms, hopso ${real[run].toFixed(0)} ms, ratio ${(real[run] / bare[run]).toFixed(2)}   load ${load}`);
  }
  const b = median(bare);
  const r = median(real);
  console.log(`  load average (1, 5, 15 min) : ${loadAverage()}`);
  console.log(`  pdf.js bare text extraction : ${b.toFixed(0)} ms (median)`);
  console.log(`  hopso upload → ready        : ${r.toFixed(0)} ms (median)`);
  console.log(`  ratio hopso / pdf.js        : ${(r / b).toFixed(2)}   (target ≤ 1.3)`);
  for (const line of server.logs().split('\n').filter((l) => l.includes('ingested version') && l.includes(`${PAGES} pages`))) {
    // the log line is readable text or JSON (HOPSO_LOG_FORMAT): take what follows the version id either way
    console.log(`  server: ${line.replace(/^.*ingested version \S+ /, '').replace(/"\}?$/, '')}`);
  }
} finally {
  await server.stop();
}
