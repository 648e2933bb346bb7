import type { EntityManager } from 'typeorm';
import type { DocumentSummary, DocumentVersionInfo } from '@hopso/shared';
import type { MeetingEventsService } from '../events/meeting-events.service';
import { documentsReleased } from '../meetings/meeting-access.service';
import { MeetingEntity } from '../meetings/meeting.entity';
import { DocumentEntity, DocumentVersionEntity } from './document.entity';

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
  };
}

/** Documents with their newest version, as the API shows them. */
export async function loadDocumentSummaries(db: EntityManager, docs: DocumentEntity[]): Promise<DocumentSummary[]> {
  if (docs.length === 0) return [];
  const latest = await db
    .getRepository(DocumentVersionEntity)
    .createQueryBuilder('v')
    .distinctOn(['v.document_id'])
    .where('v.document_id IN (:...ids)', { ids: docs.map((d) => d.id) })
    .orderBy('v.document_id')
    .addOrderBy('v.version_no', 'DESC')
    .getMany();
  const byDoc = new Map(latest.map((v) => [v.documentId, v]));
  return docs.map((d) => ({
    id: d.id,
    meetingId: d.meetingId,
    agendaItemId: d.agendaItemId,
    title: d.title,
    createdAt: d.createdAt.toISOString(),
    currentVersion: toVersionInfo(byDoc.get(d.id)!),
  }));
}

/** Live news of documents: everyone once released, only the secretariat and chair before. */
export async function announceDocuments(db: EntityManager, events: MeetingEventsService, documentIds: string[]): Promise<void> {
  if (documentIds.length === 0) return;
  const docs = await db.getRepository(DocumentEntity).findByIds(documentIds);
  for (const summary of await loadDocumentSummaries(db, docs)) {
    const meeting = await db.getRepository(MeetingEntity).findOneByOrFail({ id: summary.meetingId });
    await events.emit(summary.meetingId, 'document.changed', { document: summary }, { to: documentsReleased(meeting) ? 'all' : 'staff' });
  }
}
