// bench/ingest: a generated 400-page PDF through the real upload path (HTTP upload,
// validation, storage, job queue, pdf.js extraction, paragraph grouping, database
// writes) against pdfjs-dist's bare text extraction of the same file, in the same run.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, loginAs, startBenchServer, waitAllReady, waitViewerCopy } from '../lib/server.mjs';
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
  await waitAllReady(api, meeting.id);

  const bare = [];
  const real = [];
  for (let run = 0; run < RUNS; run++) {
    // bare pdf.js in its own process, as the server's job also starts from the file
    const t0 = performance.now();
    const { ms } = JSON.parse(execFileSync(process.execPath, [path.join(ROOT, 'bench/ingest/bare-extract.mjs'), file], { encoding: 'utf8' }));
    bare.push(ms ?? performance.now() - t0);

    const start = performance.now();
    const form = new FormData();
    form.append('files', new Blob([pdf], { type: 'application/pdf' }), `bench-${run}.pdf`);
    const up = await api(`/meetings/${meeting.id}/documents`, { method: 'POST', body: form });
    if (up.status !== 201) throw new Error(`upload: ${up.status} ${await up.text()}`);
    const { documents } = await up.json();
    for (;;) {
      const d = await (await api(`/documents/${documents[0].id}`)).json();
      if (d.currentVersion.status === 'failed') throw new Error(d.currentVersion.failureReason);
      if (d.currentVersion.status === 'ready') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    real.push(performance.now() - start);
    // the next baseline is timed only once hopso has finished all its work on this file, the viewer copy included
    await waitViewerCopy(api, documents[0]);
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
