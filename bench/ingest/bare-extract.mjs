#!/usr/bin/env node
// Baseline for the ingest benchmark: pdf.js's own text extraction of a PDF,
// nothing else (getDocument + getTextContent on every page), with the same
// options the server uses. Prints {"ms": …, "pages": …}.
//
//   node bench/ingest/bare-extract.mjs path/to/file.pdf
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** Times bare pdf.js text extraction of `data`; the file read is not timed. */
export async function bareExtract(data) {
  // Load pdf.js and its in-process ("fake") worker up front, as the server does,
  // so the timing covers extraction only.
  globalThis.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const started = performance.now();
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(data),
    isEvalSupported: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    useSystemFonts: false,
    disableFontFace: true,
    standardFontDataUrl: join(pdfjsRoot, 'standard_fonts') + '/',
    cMapUrl: join(pdfjsRoot, 'cmaps') + '/',
    cMapPacked: true,
  }).promise;
  const pages = doc.numPages;
  for (let n = 1; n <= pages; n++) {
    const page = await doc.getPage(n);
    await page.getTextContent();
  }
  await doc.destroy();
  return { ms: Math.round((performance.now() - started) * 10) / 10, pages };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node bench/ingest/bare-extract.mjs <file.pdf>');
    process.exit(2);
  }
  const result = await bareExtract(await readFile(file));
  console.log(JSON.stringify(result));
}
