import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, type OcrConfig } from '../../config';

/** Why a scan's pages were not recognised, as the stable codes the client explains. */
export type OcrFailureCode = 'OCR_UNAVAILABLE' | 'OCR_TIMEOUT' | 'OCR_FAILED';

/** The server's own words for each (the client shows its own text for the code). */
export const OCR_FAILURE_REASONS: Record<OcrFailureCode, string> = {
  OCR_UNAVAILABLE: 'Scanned pages, text not recognised: this server has no text recognition. Install the Debian packages ocrmypdf and tesseract-ocr-vie, then upload the file again.',
  OCR_TIMEOUT: 'Scanned pages, text not recognised: recognition of a page took too long and was stopped. Scan it again more clearly (300 dpi) and upload it again.',
  OCR_FAILED: 'Scanned pages, text not recognised: recognition failed on this file. Scan it again more clearly (300 dpi) and upload it again.',
};

export class OcrFailure extends Error {
  constructor(
    readonly code: OcrFailureCode,
    message: string,
  ) {
    super(message);
  }
}

export interface OcrRun {
  /** 1-based pages to recognise; the others are copied as they are. */
  pages: number[];
  /** A page's recognition has finished: `done` of `pages.length`. */
  onPage?: (done: number, total: number) => void;
}

/** pg-boss refuses a job expiry of a day or more: no run may be counted on to last longer. */
const LONGEST_RUN_MS = 24 * 60 * 60 * 1000 - 60_000;

/**
 * The longest one run on a file of `pages` pages may take: each page's limit, and one more for
 * ocrmypdf's own reading and writing of the file, never more than a day (the job queue's limit).
 */
export function ocrRunLimitMs(config: Pick<OcrConfig, 'pageTimeoutMs'>, pages: number): number {
  return Math.min(LONGEST_RUN_MS, config.pageTimeoutMs * (pages + 1));
}

/** ocrmypdf's exit codes that mean a missing program or language model (MissingDependencyError), and the shell's "command not found" / "not executable". */
const UNAVAILABLE_EXITS = new Set([3, 126, 127]);
/** What is kept of ocrmypdf's log for the server's own log: the end, where the error is. */
const LOG_TAIL = 2000;

/**
 * Adds an invisible text layer to the given pages of a PDF with ocrmypdf and Tesseract, in a child
 * process so the event loop never waits for it: one Tesseract thread, its address space capped
 * (ulimit -v), the whole run killed with its process group when one page takes longer than the page
 * time limit (counted from the start for the first page, from the page before for the others, and
 * for the final write after the last), its work files in a folder of its own removed afterwards.
 * Throws OcrFailure, never anything else.
 */
export async function recogniseText(data: Uint8Array, run: OcrRun, config: OcrConfig): Promise<Buffer> {
  const dir = path.join(config.tmpDir, crypto.randomUUID());
  try {
    await fsp.mkdir(dir, { recursive: true });
    const input = path.join(dir, 'in.pdf');
    const output = path.join(dir, 'out.pdf');
    await fsp.writeFile(input, data);
    await runOcrmypdf(input, output, dir, run, config);
    return await fsp.readFile(output).catch(() => {
      throw new OcrFailure('OCR_FAILED', 'ocrmypdf ended without writing its output');
    });
  } catch (e) {
    if (e instanceof OcrFailure) throw e;
    throw new OcrFailure('OCR_FAILED', e instanceof Error ? e.message : String(e));
  } finally {
    await fsp.rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

function runOcrmypdf(input: string, output: string, workDir: string, run: OcrRun, config: OcrConfig): Promise<void> {
  const args = [
    '-l', config.language,
    // only pages without text; --skip-text keeps ocrmypdf from refusing a page that has some after all
    '--pages', run.pages.join(','),
    '--skip-text',
    '--jobs', '1',
    '--optimize', '0',
    '--output-type', 'pdf',
    '-v', '1',
    input,
    output,
  ];
  const wanted = new Set(run.pages);
  const done = new Set<number>();
  return new Promise((resolve, reject) => {
    // `ulimit -v` caps the whole tree's address space per process (Python, Ghostscript, Tesseract); exec keeps one pid to kill
    const child = spawn('/bin/sh', ['-c', 'ulimit -v "$0" && exec "$@"', String(config.maxMemoryMb * 1024), config.command, ...args], {
      cwd: workDir,
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, TMPDIR: workDir, OMP_THREAD_LIMIT: '1', PYTHONUNBUFFERED: '1' },
    });
    let tail = '';
    let partial = '';
    let settled = false;
    const finish = (err: OcrFailure | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) reject(err);
      else resolve();
    };
    // per page, not per file: a long file of clean pages runs to its end, one page Tesseract is stuck on stops it
    const pageCount = wanted.size;
    let timer: NodeJS.Timeout;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        killTree(child.pid);
        const step = done.size < pageCount ? `page ${done.size + 1} of ${pageCount}` : `writing the file after its ${pageCount} pages`;
        finish(new OcrFailure('OCR_TIMEOUT', `ocrmypdf took longer than ${config.pageTimeoutMs} ms on ${step}`));
      }, config.pageTimeoutMs);
      timer.unref();
    };
    arm();
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      tail = (tail + chunk).slice(-LOG_TAIL);
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        // "   3 Grafting": page 3's text layer is in
        const m = /^\s*(\d+) Grafting/.exec(line);
        if (!m) continue;
        const page = Number(m[1]);
        if (!wanted.has(page) || done.has(page)) continue;
        done.add(page);
        arm();
        run.onPage?.(done.size, wanted.size);
      }
    });
    child.on('error', (e) => finish(new OcrFailure('OCR_UNAVAILABLE', `cannot start ocrmypdf: ${e.message}`)));
    child.on('close', (code, signal) => {
      if (code === 0) return finish(null);
      const why = `ocrmypdf exited with ${code ?? signal}: ${tail.trim().split('\n').slice(-3).join(' | ')}`;
      finish(new OcrFailure(code !== null && UNAVAILABLE_EXITS.has(code) ? 'OCR_UNAVAILABLE' : 'OCR_FAILED', why));
    });
  });
}

function killTree(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/**
 * Text recognition for the ingest jobs of this process, one file at a time: Tesseract takes a core
 * for seconds per page, and the other ingest pollers must keep reading text PDFs meanwhile.
 */
@Injectable()
export class TextRecognizer {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  run(data: Uint8Array, run: OcrRun): Promise<Buffer> {
    const next = this.queue.then(() => recogniseText(data, run, this.config.ocr));
    this.queue = next.catch(() => undefined);
    return next;
  }
}
