import { useCallback, useEffect, useReducer, useRef } from 'react';
import { documentsApi } from '../api/documentsApi';
import { newUploadRow, nextToStart, uploadReducer } from '../lib/uploadQueue';

const CONCURRENCY = 2;

/**
 * Uploads each chosen PDF in its own request (XMLHttpRequest, for progress), two at a time.
 * Ingest progress after acceptance is server state: each row polls its document via TanStack Query.
 */
export function useUploadQueue(meetingId: string) {
  const [rows, dispatch] = useReducer(uploadReducer, []);
  const aborts = useRef(new Map<string, () => void>());

  useEffect(() => {
    for (const row of nextToStart(rows, CONCURRENCY)) {
      dispatch({ type: 'start', key: row.key });
      const handle = documentsApi.upload(meetingId, row.file, row.agendaItemId, row.title, (percent) =>
        dispatch({ type: 'progress', key: row.key, percent }),
      );
      aborts.current.set(row.key, handle.abort);
      handle.promise
        .then((result) => {
          const doc = result.documents[0];
          if (doc) dispatch({ type: 'accepted', key: row.key, documentId: doc.id });
          else dispatch({ type: 'rejected', key: row.key, error: new Error('Empty upload result') });
        })
        .catch((error: unknown) => {
          if (error instanceof DOMException && error.name === 'AbortError') dispatch({ type: 'cancel', key: row.key });
          else dispatch({ type: 'rejected', key: row.key, error });
        })
        .finally(() => aborts.current.delete(row.key));
    }
  }, [rows, meetingId]);

  useEffect(() => {
    const pending = aborts.current;
    return () => pending.forEach((abort) => abort());
  }, []);

  const addFiles = useCallback((files: readonly File[], agendaItemId: string | null, titles: readonly (string | null)[] = []) => {
    if (files.length > 0) dispatch({ type: 'add', rows: files.map((f, i) => newUploadRow(f, agendaItemId, titles[i] ?? null)) });
  }, []);

  const cancel = useCallback((key: string) => {
    const abort = aborts.current.get(key);
    if (abort) abort();
    else dispatch({ type: 'cancel', key });
  }, []);

  const remove = useCallback((keys: readonly string[]) => dispatch({ type: 'remove', keys }), []);

  return { rows, addFiles, cancel, remove };
}
