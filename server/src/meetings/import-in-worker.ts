import fs from 'node:fs/promises';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { ServerMessage } from '@hopso/shared';
import { ImportTooLargeError, readDelegateList, UnreadableImportError, type ImportRow } from './participant-import';

type Refusal = { ok: false; kind: 'too-large' | 'unreadable'; message: string; detail: ServerMessage };
type Outcome = { ok: true; rows: ImportRow[] } | Refusal;

const TIME_LIMIT_MS = 20_000;
const HEAP_MB = 256;

const TOO_SLOW: Refusal = { ok: false, kind: 'too-large', message: 'Reading the file took too long; keep only the list and save it again', detail: { code: 'IMPORT_TOO_SLOW' } };
const TOO_BIG: Refusal = { ok: false, kind: 'too-large', message: 'The file is too large to read; keep only the list and save it again', detail: { code: 'IMPORT_TOO_BIG_TO_READ' } };
const UNREADABLE: Refusal = { ok: false, kind: 'unreadable', message: 'The file could not be read; save it as .xlsx or CSV and try again', detail: { code: 'IMPORT_FILE_UNREADABLE' } };

/**
 * Reads a delegate list on a thread of its own, under a time and a heap limit, so a hostile file
 * costs that thread, never the event loop every other request waits on.
 */
export async function readDelegateListOffThread(path: string): Promise<ImportRow[]> {
  const outcome = await new Promise<Outcome>((resolve) => {
    const worker = new Worker(__filename, {
      workerData: { path },
      resourceLimits: { maxOldGenerationSizeMb: HEAP_MB, maxYoungGenerationSizeMb: 32 },
    });
    const timer = setTimeout(() => {
      resolve(TOO_SLOW);
      void worker.terminate().catch(() => undefined);
    }, TIME_LIMIT_MS);
    const done = (o: Outcome) => {
      clearTimeout(timer);
      resolve(o);
    };
    worker.once('message', done);
    worker.once('error', (e: Error & { code?: string }) => done(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? TOO_BIG : UNREADABLE));
    worker.once('exit', () => done(UNREADABLE));
  });
  if (outcome.ok) return outcome.rows;
  throw outcome.kind === 'too-large' ? new ImportTooLargeError(outcome.message, outcome.detail) : new UnreadableImportError(outcome.message, outcome.detail);
}

if (!isMainThread && parentPort && typeof (workerData as { path?: unknown })?.path === 'string') {
  const port = parentPort;
  fs.readFile((workerData as { path: string }).path)
    .then((data): Outcome => ({ ok: true, rows: readDelegateList(data) }))
    .catch((e: unknown): Outcome => {
      if (e instanceof ImportTooLargeError) return { ok: false, kind: 'too-large', message: e.message, detail: e.detail };
      if (e instanceof UnreadableImportError) return { ok: false, kind: 'unreadable', message: e.message, detail: e.detail };
      return UNREADABLE;
    })
    .then((o) => port.postMessage(o));
}
