import { can, type DocumentSummary, type DocumentVersionInfo, type MeetingRole } from '@hopso/shared';
import type { Queryable } from '../common/queryable';
import type { EmitFn } from '../events/meeting-events.service';
import type { DocumentEntity, DocumentVersionEntity } from './document.entity';
import { findDocuments, listNewestVersionsOf } from './documents.repository';

export function toVersionInfo(v: DocumentVersionEntity): DocumentVersionInfo {
  return {
    id: v.id,
    versionNo: v.versionNo,
    fileName: v.fileName,
    sizeBytes: v.sizeBytes,
    pageCount: v.pageCount,
    status: v.status,
    progress: v.progress,
    failureReason: v.failureReason,
    failureCode: v.failureCode,
    pageSizes: v.pageSizes,
    createdAt: v.createdAt.toISOString(),
    damagedPages: v.damagedPages ?? [],
    restricted: v.restricted ?? false,
    scan: v.ocrState === null ? null : { pages: v.scannedPages, pagesDone: v.ocrPagesDone, state: v.ocrState, code: v.ocrCode },
  };
}

/** Documents with their newest version, as the API shows them. */
export async function loadDocumentSummaries(db: Queryable, docs: DocumentEntity[]): Promise<DocumentSummary[]> {
  if (docs.length === 0) return [];
  const latest = await listNewestVersionsOf(db, docs.map((d) => d.id), false);
  const byDoc = new Map(latest.map((v) => [v.documentId, v]));
  // where the newest is not ready (being read, or failed), the newest ready one: what delegates read meanwhile
  const waiting = latest.filter((v) => v.status !== 'ready').map((v) => v.documentId);
  const readable =
    waiting.length === 0
      ? []
      : await listNewestVersionsOf(db, waiting, true);
  const readableByDoc = new Map(readable.map((v) => [v.documentId, v]));
  return docs.map((d) => ({
    id: d.id,
    meetingId: d.meetingId,
    agendaItemId: d.agendaItemId,
    title: d.title,
    createdAt: d.createdAt.toISOString(),
    currentVersion: toVersionInfo(byDoc.get(d.id)!),
    readableVersion: readableByDoc.has(d.id) ? toVersionInfo(readableByDoc.get(d.id)!) : null,
    state: d.state,
    releaseAt: d.releaseAt ? d.releaseAt.toISOString() : null,
  }));
}

/**
 * A summary as `role` may read it: staff get the newest version (failed or being read, with its reason)
 * and the readable one beside it; everyone else the newest ready version as the current one, and
 * nothing of a newer version that is not ready. The one rule of REST and the events.
 */
export function summaryFor<T extends DocumentSummary>(role: MeetingRole | null, summary: T): T {
  if (can(role, 'documents.readUnreleased')) return summary;
  const { readableVersion, ...rest } = summary;
  return (readableVersion ? { ...rest, currentVersion: readableVersion } : rest) as T;
}

/**
 * Live news of documents, written in the transaction `tx` of the change. Who sees it is decided when
 * it is read (event-visibility.ts): the secretariat and chair always, delegates only while released.
 */
export async function announceDocuments(tx: Queryable, emit: EmitFn, documentIds: string[]): Promise<void> {
  if (documentIds.length === 0) return;
  const docs = await findDocuments(tx, documentIds);
  for (const summary of await loadDocumentSummaries(tx, docs)) {
    await emit(summary.meetingId, 'document.changed', { document: summary }, { to: 'all' });
  }
}
