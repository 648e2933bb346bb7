// bench/ocr: one of hopso's own generated Vietnamese documents rendered to 300 dpi page images and
// rebuilt as a PDF of images (a copier's scan, red seal included), uploaded through the real path
// (HTTP upload, checks, queue, extraction, OCR, second extraction, database writes) against bare
// `ocrmypdf` on the same file with the same settings, in the same run. Prints the character
// accuracy of the recognised paragraphs against the original's (diacritics counted) and the time
// per page of both, as a ratio, with the load average beside it.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ROOT, loginAs, startBenchServer, uploadUntilReady, waitHopsoIdle } from '../lib/server.mjs';
import { loadAverage, median } from '../lib/stats.mjs';
import { fixtures } from '../lib/fixtures.mjs';

const require = createRequire(import.meta.url);
const RUNS = Number(process.env.BENCH_RUNS || 2);

const { buildSocioEconomicReportPdf, DEMO_COUNCIL_NAME, scanPdf, characterAccuracy } = fixtures;
const { extractDocument } = require(path.join(ROOT, 'server/dist/server/src/documents/ingest/extract-paragraphs.js'));

const outDir = path.join(ROOT, 'bench/.out');
fs.mkdirSync(outDir, { recursive: true });
const original = await buildSocioEconomicReportPdf({ councilName: DEMO_COUNCIL_NAME, year: 2026 });
const scan = await scanPdf(original, { stamp: true });
const file = path.join(outDir, 'scan-300dpi.pdf');
fs.writeFileSync(file, scan);
const expected = (await extractDocument(original)).paragraphs.map((p) => p.text).join(' ');
const pages = (await extractDocument(scan)).pageSizes.length;
console.log(`bench/ocr: ${pages}-page scan at 300 dpi, ${(scan.length / 1024 / 1024).toFixed(1)} MB, ${RUNS} runs each`);

/**
 * Bare ocrmypdf with the settings hopso uses (documents/ingest/ocr.ts), every page. Asynchronous, so
 * the client's idle keep-alive sockets see the server close them (a blocked loop would reuse a dead one).
 */
async function bareOcr() {
  const out = path.join(os.tmpdir(), `bench-ocr-${process.pid}.pdf`);
  const pageList = Array.from({ length: pages }, (_, i) => i + 1).join(',');
  const t0 = performance.now();
  await promisify(execFile)('ocrmypdf', ['-l', 'vie', '--pages', pageList, '--skip-text', '--jobs', '1', '--optimize', '0', '--output-type', 'pdf', '-q', file, out], {
    env: { ...process.env, OMP_THREAD_LIMIT: '1' },
  });
  const ms = performance.now() - t0;
  fs.rmSync(out, { force: true });
  return ms;
}

const server = await startBenchServer({
  port: Number(process.env.BENCH_PORT || 3998),
  pgPort: Number(process.env.BENCH_PG_PORT || 54338),
  dataDirName: '.bench-data-ocr',
  env: { LOG_LEVEL: 'info' },
});
try {
  const api = await loginAs(server.url, 'thuky1');
  const [meeting] = await (await api('/meetings')).json();
  // the demo documents' ingest and viewer copies first, so the first baseline shares the machine with nothing of hopso's
  await waitHopsoIdle(server);

  const bare = [];
  const real = [];
  const accuracy = [];
  const load = [];
  for (let run = 0; run < RUNS; run++) {
    load.push(loadAverage());
    bare.push(await bareOcr());
    // upload → ready, then (untimed) until hopso's viewer copy of this file is made, before the next baseline
    const { doc, ms } = await uploadUntilReady(server, api, meeting.id, scan, `scan-${run}.pdf`, { pollMs: 100 });
    real.push(ms);
    if (doc.currentVersion.scan?.state !== 'recognised') throw new Error(`not recognised: ${JSON.stringify(doc.currentVersion.scan)}`);
    const paragraphs = await (await api(`/documents/${doc.id}/versions/${doc.currentVersion.id}/paragraphs`)).json();
    accuracy.push(characterAccuracy(expected, paragraphs.map((p) => p.text).join(' ')));
    console.log(
      `  run ${run + 1}: accuracy ${(accuracy[run] * 100).toFixed(2)}%, ocrmypdf ${(bare[run] / pages).toFixed(0)} ms/page, hopso ${(ms / pages).toFixed(0)} ms/page, ratio ${(ms / bare[run]).toFixed(2)}   load ${load[run]}`,
    );
  }
  const b = median(bare);
  const r = median(real);
  console.log(`  load average (1, 5, 15 min) : ${load.join(' | ')}`);
  console.log(`  character accuracy          : ${(median(accuracy) * 100).toFixed(2)}%   (target ≥ 97%)`);
  console.log(`  bare ocrmypdf               : ${(b / pages).toFixed(0)} ms/page (median of ${RUNS})`);
  console.log(`  hopso upload → ready        : ${(r / pages).toFixed(0)} ms/page (median of ${RUNS})`);
  console.log(`  ratio hopso / ocrmypdf      : ${(r / b).toFixed(2)}   (target ≤ 1.2)`);
  for (const line of server.logs().split('\n').filter((l) => l.includes('ingested version') && l.includes('scanned'))) {
    console.log(`  server: ${line.replace(/^.*ingested version \S+ /, '').replace(/"\}?$/, '')}`);
  }
} catch (e) {
  console.error(server.logs().split('\n').slice(-20).join('\n'));
  throw e;
} finally {
  await server.stop();
}

