// bench/reanchor: 1,000 annotations and comments on a 400-page document, re-anchored
// to a revised version. Measured twice: the placement algorithm alone (beside its raw
// baseline, a plain indexOf of every quote in the same text), and the real server
// path (ReanchorService inside the ingest of the new version, database writes included).
import crypto from 'node:crypto';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ROOT, loginAs, startBenchServer, waitAllReady } from '../lib/server.mjs';
import { fixtures } from '../lib/fixtures.mjs';

const require = createRequire(import.meta.url);
const dist = (p) => require(path.join(ROOT, 'server/dist/server/src', p));
const { buildLongPdf } = fixtures;
const { extractParagraphs } = dist('documents/ingest/extract-paragraphs.js');
const { TextIndex, loadApproxSearch, normalise } = dist('anchoring/text-index.js');

const PAGES = Number(process.env.BENCH_PAGES || 400);
const ANCHORS = Number(process.env.BENCH_ANCHORS || 1000);

const [v1, v2] = await Promise.all([buildLongPdf(PAGES), buildLongPdf(PAGES, { revised: true })]);
const [p1, p2] = [await extractParagraphs(new Uint8Array(v1)), await extractParagraphs(new Uint8Array(v2))];
console.log(`bench/reanchor: ${ANCHORS} anchors, ${PAGES}-page document (${p1.length} → ${p2.length} paragraphs)`);

// deterministic choice of anchors: every k-th body paragraph, one sentence of it
const body = p1.filter((p) => p.text.startsWith('Nội dung'));
const anchors = Array.from({ length: ANCHORS }, (_, i) => {
  const p = body[Math.floor((i * body.length) / ANCHORS)];
  const sentences = p.text.split(/(?<=\.) /);
  const exact = sentences[1 + (i % (sentences.length - 1))] ?? p.text;
  return { p, exact };
});

// 1. the algorithm alone
const search = await loadApproxSearch();
const index = new TextIndex(p2.map((p, i) => ({ id: String(i), index: p.index, text: p.text, rects: p.rects, textHash: p.textHash })));
let t0 = performance.now();
let found = 0;
for (const a of anchors) {
  if (index.place({ exact: a.exact, prefix: '', suffix: '' }, { paragraphHash: a.p.textHash, relativePosition: a.p.index / p1.length }, search)) found++;
}
const placeMs = performance.now() - t0;
t0 = performance.now();
let bareFound = 0;
for (const a of anchors) if (index.text.indexOf(normalise(a.exact)) >= 0) bareFound++;
const bareMs = performance.now() - t0;
console.log(`  algorithm: ${placeMs.toFixed(0)} ms total, ${(placeMs / ANCHORS).toFixed(3)} ms per anchor, ${found} placed, ${ANCHORS - found} detached`);
console.log(`  baseline (plain indexOf, no fuzzy, no context): ${bareMs.toFixed(0)} ms, ${bareFound} found; ratio ${(placeMs / bareMs).toFixed(1)}`);

// 2. the real server path
const server = await startBenchServer({ env: { LOG_LEVEL: 'info' } });
try {
  const secretary = await loginAs(server.url, 'thuky1');
  const [meeting] = await (await secretary('/meetings')).json();
  await waitAllReady(secretary, meeting.id);
  const form = new FormData();
  form.append('files', new Blob([v1], { type: 'application/pdf' }), 'dai.pdf');
  const { documents } = await (await secretary(`/meetings/${meeting.id}/documents`, { method: 'POST', body: form })).json();
  await waitAllReady(secretary, meeting.id);
  const docId = documents[0].id;
  const doc = await (await secretary(`/documents/${docId}`)).json();
  const paras = await (await secretary(`/documents/${docId}/versions/${doc.currentVersion.id}/paragraphs`)).json();
  const byText = new Map(paras.map((p) => [p.text, p]));
  const delegates = await Promise.all(['daibieu01', 'daibieu02', 'daibieu03', 'daibieu04'].map((u) => loginAs(server.url, u)));
  for (const [i, a] of anchors.entries()) {
    const p = byText.get(a.p.text);
    const anchor = { versionId: doc.currentVersion.id, paragraphId: p.id, quote: { exact: a.exact, prefix: '', suffix: '' }, rects: p.rects };
    const kind = i % 2 ? 'comments' : 'annotations';
    const payload = kind === 'comments' ? { clientId: crypto.randomUUID(), anchor, body: `Góp ý ${i}` } : { clientId: crypto.randomUUID(), anchor, color: 'yellow' };
    const res = await delegates[i % delegates.length](`/documents/${docId}/${kind}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
    if (res.status !== 201) throw new Error(`${kind}: ${res.status} ${await res.text()}`);
  }
  const form2 = new FormData();
  form2.append('files', new Blob([v2], { type: 'application/pdf' }), 'dai-v2.pdf');
  await secretary(`/documents/${docId}/versions`, { method: 'POST', body: form2 });
  await waitAllReady(secretary, meeting.id);
  const line = server.logs().split('\n').find((l) => l.includes('reanchor document'));
  const m = /(\d+) moved, (\d+) detached in (\d+) ms/.exec(line ?? '');
  if (!m) throw new Error('no re-anchoring log line found');
  const [moved, detached, ms] = m.slice(1).map(Number);
  console.log(`  server (ReanchorService, DB reads and writes): ${ms} ms total, ${(ms / (moved + detached)).toFixed(3)} ms per anchor, ${moved} moved, ${detached} detached   (target: all ${ANCHORS} < 1000 ms)`);
} finally {
  await server.stop();
}
