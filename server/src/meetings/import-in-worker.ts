import fs from 'node:fs/promises';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { ImportTooLargeError, readDelegateList, UnreadableImportError, type ImportRow } from './participant-import';

type Outcome = { ok: true; rows: ImportRow[] } | { ok: false; kind: 'too-large' | 'unreadable'; message: string };

const TIME_LIMIT_MS = 20_000;
const HEAP_MB = 256;

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
      resolve({ ok: false, kind: 'too-large', message: 'Reading the file took too long; keep only the list and save it again' });
      void worker.terminate().catch(() => undefined);
    }, TIME_LIMIT_MS);
    const done = (o: Outcome) => {
      clearTimeout(timer);
      resolve(o);
    };
    worker.once('message', done);
    worker.once('error', (e: Error & { code?: string }) =>
      done(
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? { ok: false, kind: 'too-large', message: 'The file is too large to read; keep only the list and save it again' }
          : { ok: false, kind: 'unreadable', message: 'The file could not be read; save it as .xlsx or CSV and try again' },
      ),
    );
    worker.once('exit', () => done({ ok: false, kind: 'unreadable', message: 'The file could not be read; save it as .xlsx or CSV and try again' }));
  });
  if (outcome.ok) return outcome.rows;
  throw outcome.kind === 'too-large' ? new ImportTooLargeError(outcome.message) : new UnreadableImportError(outcome.message);
}

if (!isMainThread && parentPort && typeof (workerData as { path?: unknown })?.path === 'string') {
  const port = parentPort;
  fs.readFile((workerData as { path: string }).path)
    .then((data): Outcome => ({ ok: true, rows: readDelegateList(data) }))
    .catch((e: unknown): Outcome => {
      if (e instanceof ImportTooLargeError) return { ok: false, kind: 'too-large', message: e.message };
      if (e instanceof UnreadableImportError) return { ok: false, kind: 'unreadable', message: e.message };
      return { ok: false, kind: 'unreadable', message: 'The file could not be read; save it as .xlsx or CSV and try again' };
    })
    .then((o) => port.postMessage(o));
}
