import { useQuery } from '@tanstack/react-query';
import type { DocumentDetail } from '@hopso/shared';
import { queryKeys } from '../../../lib/queryKeys';
import { offlineReads } from '../../offline/lib/offlineReads';
import { documentsApi } from '../api/documentsApi';

export const INGEST_POLL_MS = 700;

export function isIngestDone(doc: DocumentDetail | undefined): boolean {
  const status = doc?.currentVersion.status;
  return status === 'ready' || status === 'failed';
}

/** A document; with `pollWhileIngesting`, re-fetched every ~700 ms until its current version is ready or failed. */
export function useDocument(id: string | undefined, options: { pollWhileIngesting?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.document(id ?? ''),
    queryFn: () => offlineReads.document(id as string, () => documentsApi.get(id as string)),
    enabled: Boolean(id),
    refetchInterval: (query) => (options.pollWhileIngesting && !isIngestDone(query.state.data) && query.state.status !== 'error' ? INGEST_POLL_MS : false),
    refetchIntervalInBackground: true,
  });
}
