// bench/field: the delegate's phone on a slow 4G line. Chromium throttled (CDP) to 150 ms RTT,
// 1.6 Mbps down, 750 kbps up and a 4× slower CPU measures
//   - the first load of the delegate's meeting page: largest contentful paint and the JavaScript
//     it loads (gzip sizes of the built files from web/dist),
//   - the time until page 1 of a 400-page document is visible in the viewer, and how many bytes of
//     the file were downloaded by then,
// beside the nearest raw baseline in the same run: pdf.js alone (a bare page on a tiny static
// server, same file, same range options) opening the same file.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { ROOT, loginAs, startBenchServer, waitAllReady } from '../lib/server.mjs';
import { median } from '../lib/stats.mjs';
import { fixtures } from '../lib/fixtures.mjs';

const require = createRequire(import.meta.url);
const PAGES = Number(process.env.BENCH_PAGES || 400);
const RUNS = Number(process.env.BENCH_RUNS || 3);
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const DIST = path.join(ROOT, 'web/dist');
const PDFJS_BUILD = path.join(path.dirname(require.resolve('pdfjs-dist/package.json', { paths: [path.join(ROOT, 'web')] })), 'build');
/** Keep in step with RANGE_CHUNK_SIZE in web/src/features/viewer/hooks/usePdfDocument.ts. */
const RANGE_CHUNK_SIZE = Number(process.env.BENCH_CHUNK || 32_768);
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1_000_000) / 8, uploadThroughput: (750 * 1_000) / 8 };
const CPU_SLOWDOWN = 4;
const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'vi-VN' };

const { buildLongPdf } = fixtures;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ok = (pass) => (pass ? 'OK  ' : 'MISS');

/** CDP throttling of one page, and a tally of the bytes each request brought (by URL). */
async function throttle(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  const urls = new Map();
  const bytes = new Map();
  const finished = new Set();
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  // dataReceived counts what an aborted request (pdf.js's first, range-probing GET) brought before it was cut
  cdp.on('Network.dataReceived', (e) => {
    if (!finished.has(e.requestId)) bytes.set(e.requestId, (bytes.get(e.requestId) ?? 0) + e.encodedDataLength);
  });
  cdp.on('Network.loadingFinished', (e) => {
    finished.add(e.requestId);
    bytes.set(e.requestId, e.encodedDataLength);
  });
  return {
    bytesFor: (test) => [...bytes].filter(([id]) => test(urls.get(id) ?? '')).reduce((s, [, n]) => s + n, 0),
    /** What came over the wire, largest first (BENCH_VERBOSE=1 prints it). */
    top: (n = 12) => [...bytes].map(([id, b]) => [urls.get(id) ?? '?', b]).sort((a, c) => c[1] - a[1]).slice(0, n),
    urls: () => [...urls.values()],
  };
}

async function newPhone(browser, baseURL) {
  const context = await browser.newContext({ ...PHONE, baseURL, serviceWorkers: 'block' });
  await context.addInitScript(() => {
    window.__lcp = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        window.__lcp = entry.startTime;
        window.__lcpElement = entry.element ? `${entry.element.tagName.toLowerCase()} "${(entry.element.textContent ?? '').trim().slice(0, 40)}"` : '?';
      }
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  return context;
}

async function signIn(context, url, login) {
  const res = await context.request.post(`${url}/api/auth/login`, { data: { login, password: 'hopso2026' } });
  if (!res.ok()) throw new Error(`login ${login}: ${res.status()}`);
}

/** Gzip size of a built file the page loaded (as the server would send it compressed). */
function gzipSizeOf(urlPath) {
  const file = path.join(DIST, decodeURIComponent(urlPath));
  if (!file.startsWith(DIST) || !fs.existsSync(file)) return null;
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

/** A bare pdf.js page on its own static server: the same file with Range support, pdf.js from node_modules. */
function startBareServer(pdf) {
  const html = `<!doctype html><meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{margin:0}#page{position:relative}.textLayer{position:absolute;inset:0;line-height:1;--scale-factor:var(--s)}.textLayer span{position:absolute;white-space:pre;color:transparent;transform-origin:0 0}</style>
<div id="page"><canvas id="c"></canvas><div id="text" class="textLayer"></div></div>
<script type="module">
import * as pdfjs from '/pdfjs/pdf.min.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = '/pdfjs/pdf.worker.min.mjs';
const pdf = await pdfjs.getDocument({ url: '/file.pdf', disableAutoFetch: true, disableStream: true, rangeChunkSize: ${RANGE_CHUNK_SIZE}, isEvalSupported: false }).promise;
const page = await pdf.getPage(1);
const base = page.getViewport({ scale: 1 });
const viewport = page.getViewport({ scale: (window.innerWidth - 16) / base.width });
const canvas = document.getElementById('c');
canvas.width = Math.floor(viewport.width * devicePixelRatio);
canvas.height = Math.floor(viewport.height * devicePixelRatio);
canvas.style.width = viewport.width + 'px';
await page.render({ canvas, canvasContext: canvas.getContext('2d'), viewport, transform: [devicePixelRatio, 0, 0, devicePixelRatio, 0, 0] }).promise;
const text = document.getElementById('text');
document.documentElement.style.setProperty('--s', viewport.scale);
await new pdfjs.TextLayer({ textContentSource: page.streamTextContent(), container: text, viewport }).render();
window.__page1 = performance.now();
</script>`;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    } else if (url.pathname.startsWith('/pdfjs/')) {
      const file = path.join(PDFJS_BUILD, path.basename(url.pathname));
      if (!fs.existsSync(file)) return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(fs.readFileSync(file));
    } else if (url.pathname === '/file.pdf') {
      const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
      const headers = { 'content-type': 'application/pdf', 'accept-ranges': 'bytes' };
      if (!range) {
        res.writeHead(200, { ...headers, 'content-length': pdf.length }).end(pdf);
      } else {
        const start = Number(range[1]);
        const end = range[2] ? Math.min(Number(range[2]), pdf.length - 1) : pdf.length - 1;
        res.writeHead(206, { ...headers, 'content-length': end - start + 1, 'content-range': `bytes ${start}-${end}/${pdf.length}` }).end(pdf.subarray(start, end + 1));
      }
    } else {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() })));
}

// the server serves the built web app: build it if it isn't there (npm run bench builds only shared and server)
if (!fs.existsSync(path.join(DIST, 'index.html'))) execFileSync('npm', ['run', 'build', '-w', 'web'], { stdio: 'inherit', cwd: ROOT });

console.log(`bench/field: slow 4G (${SLOW_4G.latency} ms, 1.6 Mbps down, 750 kbps up, CPU ${CPU_SLOWDOWN}× slower), phone 360×740, ${RUNS} runs each`);
// its own server and data folder, so it never collides with the other benchmarks
const server = await startBenchServer({ port: 3996, pgPort: 54336, dataDirName: '.bench-data-field' });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
try {
  // ---- setup: the secretariat uploads a 400-page PDF to the delegates' (released) meeting ----
  const staff = await loginAs(server.url, 'thuky1');
  const delegate = await loginAs(server.url, 'daibieu01');
  const meetings = await (await delegate('/meetings')).json();
  const meeting = meetings.find((m) => m.released && m.myRole === 'delegate');
  if (!meeting) throw new Error('no released meeting for daibieu01 in the demo data');
  await waitAllReady(staff, meeting.id);
  const long = await buildLongPdf(PAGES);
  const form = new FormData();
  form.append('files', new Blob([long], { type: 'application/pdf' }), `field-${PAGES}.pdf`);
  form.append('state', 'released'); // delegates read it
  const up = await staff(`/meetings/${meeting.id}/documents`, { method: 'POST', body: form });
  if (up.status !== 201) throw new Error(`upload: ${up.status} ${await up.text()}`);
  const documentId = (await up.json()).documents[0].id;
  // ingest, then the viewer copy: the file's ETag changes from the original's once it exists
  const originalEtag = (await staff(`/documents/${documentId}/file?original=1`, { method: 'HEAD' })).headers.get('etag');
  const deadline = Date.now() + 300_000;
  let fileSize = 0;
  for (;;) {
    const d = await (await staff(`/documents/${documentId}`)).json();
    if (d.currentVersion.status === 'failed') throw new Error(d.currentVersion.failureReason);
    if (d.currentVersion.status === 'ready') {
      const head = await staff(`/documents/${documentId}/file`, { method: 'HEAD' });
      if (head.headers.get('etag') !== originalEtag) {
        fileSize = Number(head.headers.get('content-length'));
        break;
      }
    }
    if (Date.now() > deadline) throw new Error('400-page document: no viewer copy in time');
    await new Promise((r) => setTimeout(r, 200));
  }
  const viewerCopy = Buffer.from(await (await staff(`/documents/${documentId}/file`)).arrayBuffer());
  console.log(`  ${PAGES}-page PDF: original ${kb(long.length)}, viewer copy ${kb(fileSize)}; range chunk ${kb(RANGE_CHUNK_SIZE)}`);

  // ---- 1. the delegate's meeting page, first load ----
  const lcps = [];
  let initialJs = null;
  for (let run = 0; run < RUNS; run++) {
    const context = await newPhone(browser, server.url);
    await signIn(context, server.url, 'daibieu01');
    const page = await context.newPage();
    const net = await throttle(page);
    await page.goto(`/meetings/${meeting.id}`, { waitUntil: 'load' });
    await page.locator('[data-testid="agenda-list"]').waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    lcps.push(await page.evaluate(() => window.__lcp));
    if (process.env.BENCH_VERBOSE && run === 0) {
      // the waterfall: when each request started and ended, and which element was the LCP
      const { element, nav, resources } = await page.evaluate(() => ({
        element: window.__lcpElement,
        nav: performance.getEntriesByType('navigation')[0].responseEnd,
        resources: performance.getEntriesByType('resource').map((r) => [r.name, r.startTime, r.responseEnd]),
      }));
      console.log(`      meeting page: LCP ${lcps[0].toFixed(0)} ms on ${element}; document ${nav.toFixed(0)} ms`);
      for (const [name, start, end] of resources) console.log(`      ${start.toFixed(0).padStart(6)} → ${end.toFixed(0).padStart(6)} ms  ${name.replace(server.url, '')}`);
    }
    if (!initialJs) {
      const js = net
        .urls()
        .map((u) => new URL(u))
        .filter((u) => u.origin === server.url && /\.(m?js)$/.test(u.pathname))
        .map((u) => ({ file: u.pathname, gzip: gzipSizeOf(u.pathname) }));
      initialJs = { files: js, total: js.reduce((s, f) => s + (f.gzip ?? 0), 0), wire: net.bytesFor((u) => /\.m?js$/.test(new URL(u).pathname)) };
    }
    await context.close();
  }

  // ---- 2. page 1 of the 400-page document: hopso's viewer and bare pdf.js ----
  const isFile = (u) => u.includes(`/api/documents/${documentId}/file`);
  const viewer = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await newPhone(browser, server.url);
    await signIn(context, server.url, 'daibieu01');
    const page = await context.newPage();
    const net = await throttle(page);
    await page.goto(`/documents/${documentId}`);
    const ms = await page.waitForFunction(
      () => {
        const layer = document.querySelector('[data-testid="text-layer"][data-page-number="1"]');
        const canvas = document.querySelector('[data-page-number="1"] canvas');
        return layer && (layer.textContent ?? '').trim().length > 0 && canvas ? performance.now() : false;
      },
      undefined,
      { polling: 'raf', timeout: 120_000 },
    );
    viewer.push({ ms: await ms.jsonValue(), bytes: net.bytesFor(isFile), wire: net.bytesFor(() => true) });
    if (process.env.BENCH_VERBOSE && run === 0) {
      for (const [u, b] of net.top()) console.log(`      viewer: ${kb(b).padStart(10)} ${u.replace(server.url, '')}`);
      const resources = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => [r.name, r.startTime, r.responseEnd, r.transferSize]));
      for (const [name, start, end, size] of resources) console.log(`      viewer: ${start.toFixed(0).padStart(6)} → ${end.toFixed(0).padStart(6)} ms ${kb(size).padStart(9)}  ${name.replace(server.url, '')}`);
    }
    await context.close();
  }

  const bare = await startBareServer(viewerCopy);
  const baseline = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ ...PHONE });
      const page = await context.newPage();
      const net = await throttle(page);
      await page.goto(bare.url);
      const ms = await page.waitForFunction(() => window.__page1 ?? false, undefined, { polling: 'raf', timeout: 120_000 });
      baseline.push({ ms: await ms.jsonValue(), bytes: net.bytesFor((u) => u.endsWith('/file.pdf')) });
      await context.close();
    }
  } finally {
    bare.close();
  }

  // ---- report ----
  const lcp = median(lcps);
  const v = { ms: median(viewer.map((x) => x.ms)), bytes: median(viewer.map((x) => x.bytes)) };
  const b = { ms: median(baseline.map((x) => x.ms)), bytes: median(baseline.map((x) => x.bytes)) };
  const share = (n) => (100 * n) / fileSize;
  console.log('  meeting page, first load (delegate):');
  console.log(`    ${ok(lcp < 2500)} LCP                          ${lcp.toFixed(0)} ms (median)          target < 2500 ms`);
  console.log(`    ${ok(initialJs.total <= 250 * 1024)} initial JS (gzip)            ${kb(initialJs.total)} in ${initialJs.files.length} files   target ≤ 250 KB; pdf.js loaded: ${initialJs.files.some((f) => /pdf(\.worker)?[.-]/.test(f.file)) ? 'yes' : 'no'}`);
  console.log(`         JS as sent by the server         ${kb(initialJs.wire)} (${initialJs.wire < initialJs.total * 1.2 ? 'compressed' : 'not compressed'})`);
  for (const f of initialJs.files) console.log(`         ${f.file.padEnd(48)} ${f.gzip === null ? '?' : kb(f.gzip)}`);
  console.log(`  page 1 of the ${PAGES}-page document visible (canvas drawn, text layer filled):`);
  console.log(`         pdf.js alone (baseline)      ${b.ms.toFixed(0)} ms, ${kb(b.bytes)} = ${share(b.bytes).toFixed(1)} % of the file`);
  console.log(`         hopso viewer                 ${v.ms.toFixed(0)} ms, ${kb(v.bytes)} = ${share(v.bytes).toFixed(1)} % of the file (all requests: ${kb(median(viewer.map((x) => x.wire)))})`);
  console.log(`         ratio hopso / pdf.js         time ${(v.ms / b.ms).toFixed(2)}, bytes ${(v.bytes / Math.max(1, b.bytes)).toFixed(2)}`);
  console.log(`    ${ok(share(v.bytes) < 10)} bytes before page 1          ${share(v.bytes).toFixed(1)} % of the file   target < 10 %`);
} finally {
  await browser.close();
  await server.stop();
}
