import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { can, type DocumentDetail, type DocumentState, type DocumentVersionInfo, type ErrorCode, type DocumentSummary, type MeetingAction, type MeetingRole, type Paragraph } from '@hopso/shared';
import type { AuthUser } from '../auth/auth-user';
import { APP_CONFIG, type AppConfig } from '../config';
import { DomainError, notFound } from '../common/domain-error';
import { AuditService } from '../audit/audit.service';
import { MeetingEventsService, type EmitFn } from '../events/meeting-events.service';
import { agendaItemExists } from '../meetings/agenda.repository';
import { MeetingAccessService, type MeetingAccess } from '../meetings/meeting-access.service';
import { FILE_STORAGE, type FileStorage } from '../storage/file-storage';
import type { DocumentEntity, DocumentVersionEntity } from './document.entity';
import {
  findDocument,
  findDocumentReleaseFacts,
  findDocuments,
  findNewestVersion,
  findVersion,
  hasReadyOrNewerVersion,
  insertDocument,
  insertPendingVersion,
  listDocumentsOfMeeting,
  listParagraphs,
  listVersionsOfDocument,
  lockDocument,
  nextVersionNo,
  releaseDocument,
  updateDocumentFields,
} from './documents.repository';
import { IngestQueue } from './ingest-queue';
import { IngestFailure } from './ingest/extract-in-worker';
import { FAILURE_REASONS } from './ingest/extract-worker-protocol';
import type { PdfInspection } from './ingest/inspect-pdf';
import { PdfWorkers } from './ingest/pdf-workers';
import { documentReadable } from './document-release';
import { announceDocuments, loadDocumentSummaries, summaryFor, toVersionInfo } from './document-summaries';
import { loadSignatureChecks } from '../signatures/document-signatures';
import { assertNotAdopted } from '../records/adopted-lock';

/** An upload as it arrived: a temporary file (see upload-limits.ts). */
export interface UploadedPdf {
  originalName: string;
  path: string;
  size: number;
}

/** A checked upload, already in storage under `key`. */
interface CheckedPdf {
  key: string;
  size: number;
  pageCount: number;
  sha256: string;
  fileName: string;
  restricted: boolean;
}

@Injectable()
export class DocumentsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly access: MeetingAccessService,
    private readonly queue: IngestQueue,
    private readonly audit: AuditService,
    private readonly events: MeetingEventsService,
    private readonly workers: PdfWorkers,
  ) {}

  async list(caller: AuthUser, meetingId: string): Promise<DocumentSummary[]> {
    const { meeting, role } = await this.access.require(caller, meetingId, 'documents.readReleased');
    const docs = await listDocumentsOfMeeting(this.db, meetingId);
    return (await this.summaries(docs.filter((d) => documentReadable(role, d, meeting)))).map((s) => summaryFor(role, s));
  }

  /** Refuses the whole request if any file is refused: nothing of it is stored. */
  /**
   * Into a meeting still in draft a document comes released (it waits for the meeting's release); into a
   * published one it comes as a draft, unless `state` says otherwise, so delegates never get it unasked.
   */
  async upload(caller: AuthUser, meetingId: string, files: UploadedPdf[], agendaItemId: string | null, title: string | null, state?: DocumentState): Promise<DocumentSummary[]> {
    const { meeting } = await this.access.require(caller, meetingId, 'documents.write');
    const initialState: DocumentState = state ?? (meeting.status === 'draft' ? 'released' : 'draft');
    if (files.length === 0) throw new DomainError('FILE_MISSING', 'Choose at least one PDF file to upload');
    if (title && files.length > 1) throw new DomainError('VALIDATION_FAILED', 'A title can only be given when uploading one file');
    if (agendaItemId) await this.assertAgendaItem(meetingId, agendaItemId);
    const ids = files.map(() => ({ documentId: crypto.randomUUID(), versionId: crypto.randomUUID() }));
    const checked = await this.storeThenCommit(
      files.map((f, i) => ({ file: f, key: fileKey(ids[i].documentId, ids[i].versionId) })),
      async (tx, emit, stored) => {
        for (const [i, c] of ids.entries()) {
          await insertDocument(tx, {
            id: c.documentId,
            meetingId,
            agendaItemId,
            title: title || titleFromFileName(stored[i].fileName),
            createdBy: caller.id,
            state: initialState,
          });
          await insertPendingVersion(tx, this.versionRow(c.documentId, c.versionId, 1, stored[i], caller.id));
        }
        await announceDocuments(tx, emit, ids.map((c) => c.documentId));
      },
    );
    const created = ids.map((c, i) => ({ ...c, file: checked[i] }));
    for (const c of created) {
      await this.queue.enqueue(c.versionId);
      await this.audit.record({ userId: caller.id, action: 'document.upload', meetingId, targetId: c.documentId, meta: { fileName: c.file.fileName } });
    }
    return this.summaries(await findDocuments(this.db, created.map((c) => c.documentId)));
  }

  async addVersion(caller: AuthUser, documentId: string, files: UploadedPdf[]): Promise<DocumentDetail> {
    const doc = await this.findDocument(caller, documentId, 'documents.write');
    if (files.length !== 1) throw new DomainError('FILE_MISSING', 'Upload exactly one PDF file as the new version');
    await assertNotAdopted(this.db, doc.id);
    const versionId = crypto.randomUUID();
    const [file] = await this.storeThenCommit([{ file: files[0], key: fileKey(doc.id, versionId) }], async (tx, emit, [stored]) => {
      // lock the document so two uploads at once get consecutive version numbers
      await lockDocument(tx, doc.id);
      await assertNotAdopted(tx, doc.id);
      const next = await nextVersionNo(tx, doc.id);
      await insertPendingVersion(tx, this.versionRow(doc.id, versionId, next, stored, caller.id));
      await announceDocuments(tx, emit, [doc.id]);
    });
    await this.queue.enqueue(versionId);
    await this.audit.record({ userId: caller.id, action: 'document.version', meetingId: doc.meetingId, targetId: doc.id, meta: { fileName: file.fileName } });
    return this.get(caller, documentId);
  }

  async get(caller: AuthUser, documentId: string): Promise<DocumentDetail> {
    const { doc, access } = await this.requireDocument(caller, documentId, 'documents.readReleased');
    const [summary] = (await this.summaries([doc])).map((s) => summaryFor(access.role, s));
    // a delegate never sees a version newer than the one they read that is not ready
    const versions = (await listVersionsOfDocument(this.db, documentId)).filter(
      (v) => can(access.role, 'documents.readUnreleased') || v.status === 'ready' || v.versionNo <= summary.currentVersion.versionNo,
    );
    const checks = await loadSignatureChecks(this.db.manager, versions.map((v) => v.id));
    const withSignatures = (v: DocumentVersionInfo): DocumentVersionInfo => (checks.has(v.id) ? { ...v, signatures: checks.get(v.id) } : v);
    return {
      ...summary,
      currentVersion: withSignatures(summary.currentVersion),
      ...(summary.readableVersion ? { readableVersion: withSignatures(summary.readableVersion) } : {}),
      versions: versions.map(toVersionInfo).map(withSignatures),
    };
  }

  async update(caller: AuthUser, documentId: string, req: { title?: string; agendaItemId?: string | null }): Promise<DocumentDetail> {
    const doc = await this.findDocument(caller, documentId, 'documents.write');
    if (req.agendaItemId) await this.assertAgendaItem(doc.meetingId, req.agendaItemId);
    if (req.title !== undefined) doc.title = req.title;
    if (req.agendaItemId !== undefined) doc.agendaItemId = req.agendaItemId;
    await this.events.transaction(async (tx, emit) => {
      await updateDocumentFields(tx, doc);
      await announceDocuments(tx, emit, [doc.id]);
    });
    return this.get(caller, documentId);
  }

  /**
   * Releases a draft (or moves a released document's own time): from `releaseAt`, or the meeting's
   * release time when none is given. Delegates hear of it as they would read it (event-visibility.ts).
   */
  async release(caller: AuthUser, documentId: string, releaseAt: string | null): Promise<DocumentDetail> {
    const { doc, access } = await this.requireDocument(caller, documentId, 'documents.write');
    const at = releaseAt ? new Date(releaseAt) : null;
    if (at && at.getTime() < access.meeting.releaseAt.getTime()) {
      throw new DomainError('VALIDATION_FAILED', 'A document cannot be released before its meeting', [{ path: 'releaseAt', message: 'Must not be before the meeting\'s release time' }]);
    }
    await this.events.transaction(async (tx, emit) => {
      await releaseDocument(tx, doc.id, at);
      await announceDocuments(tx, emit, [doc.id]);
    });
    await this.audit.record({ userId: caller.id, action: 'document.release', meetingId: doc.meetingId, targetId: doc.id, meta: { releaseAt: at?.toISOString() ?? null } });
    return this.get(caller, documentId);
  }

  async paragraphsOf(caller: AuthUser, documentId: string, versionId: string): Promise<Paragraph[]> {
    const { access } = await this.requireDocument(caller, documentId, 'documents.readReleased');
    const version = await findVersion(this.db, documentId, versionId);
    if (!version || !(await this.versionVisible(access.role, version))) throw notFound('Document version');
    const rows = await listParagraphs(this.db, versionId);
    return rows.map((p) => ({ id: p.id, versionId: p.versionId, index: p.index, page: p.page, text: p.text, rects: p.rects, textHash: p.textHash, label: p.label, kind: p.kind, cells: p.cells }));
  }

  /** The version to serve (the newest when none is named), after the access check. */
  async versionForFile(caller: AuthUser, documentId: string, versionId: string | undefined): Promise<{ doc: DocumentEntity; version: DocumentVersionEntity; access: MeetingAccess }> {
    const access = await this.access.requireFor(caller, { kind: 'document', id: documentId }, 'documents.readReleased');
    const doc = await findDocument(this.db, documentId);
    if (!doc || !documentReadable(access.role, doc, access.meeting)) throw notFound('Document');
    const version = versionId
      ? await findVersion(this.db, documentId, versionId)
      : // the staff get the newest; everyone else the newest ready one while a newer is read or has failed
        can(access.role, 'documents.readUnreleased')
        ? await findNewestVersion(this.db, documentId, false)
        : ((await findNewestVersion(this.db, documentId, true)) ?? (await findNewestVersion(this.db, documentId, false)));
    if (!version || !(await this.versionVisible(access.role, version))) throw notFound('Document version');
    return { doc, version, access };
  }

  /**
   * May someone of `role` see this version: the staff any; the others any ready one, and the newest when
   * none is ready yet, never a newer one that is not ready (summaryFor, the same rule).
   */
  private async versionVisible(role: MeetingRole | null, version: DocumentVersionEntity): Promise<boolean> {
    if (can(role, 'documents.readUnreleased') || version.status === 'ready') return true;
    return !(await hasReadyOrNewerVersion(this.db, version.documentId, version.versionNo));
  }

  private async findDocument(caller: AuthUser, documentId: string, action: 'documents.readReleased' | 'documents.write'): Promise<DocumentEntity> {
    return (await this.requireDocument(caller, documentId, action)).doc;
  }

  /** The document and the caller's access to its meeting, checked for `action` (readable documents first). */
  async requireDocument(caller: AuthUser, documentId: string, action: MeetingAction): Promise<{ doc: DocumentEntity; access: MeetingAccess }> {
    const actions: MeetingAction[] = action === 'documents.readReleased' || action === 'documents.write' ? [action] : ['documents.readReleased', action];
    let access: MeetingAccess;
    try {
      access = await this.access.requireFor(caller, { kind: 'document', id: documentId }, actions);
    } catch (e) {
      // a delegate refused a write learns nothing of a document not yet released to them either
      if (e instanceof DomainError && e.code === 'FORBIDDEN' && !(await this.releasedToDelegates(documentId))) throw notFound('Document');
      throw e;
    }
    const doc = await findDocument(this.db, documentId);
    // a draft document, or one released for later, is not there yet for a delegate: as if it did not exist
    if (!doc || !documentReadable(access.role, doc, access.meeting)) throw notFound('Document');
    return { doc, access };
  }

  private async releasedToDelegates(documentId: string): Promise<boolean> {
    const row = await findDocumentReleaseFacts(this.db, documentId);
    return !!row && documentReadable('delegate', { state: row.state, releaseAt: row.doc_release_at }, { status: row.status, releaseAt: row.release_at });
  }

  /**
   * Each file in turn is read from its temporary file, checked and stored, so a request of many
   * large files holds one of them in memory at a time; then the rows are written in one
   * transaction. If any file is refused or the rows fail, the stored files go too: nothing
   * half-written remains.
   */
  private async storeThenCommit(
    files: { file: UploadedPdf; key: string }[],
    write: (tx: EntityManager, emit: EmitFn, stored: CheckedPdf[]) => Promise<void>,
  ): Promise<CheckedPdf[]> {
    const stored: CheckedPdf[] = [];
    try {
      for (const { file, key } of files) {
        const fileName = safeFileName(file.originalName);
        const refuse = (code: ErrorCode, message: string) => new DomainError(code, files.length > 1 ? `${fileName}: ${message}` : message);
        const data = await fs.readFile(file.path);
        const result = await this.inspect(data);
        if (!result.ok) throw refuse(result.code, result.message);
        await this.storage.put(key, data);
        stored.push({ key, fileName, size: data.length, pageCount: result.pageCount, restricted: result.restricted ?? false, sha256: crypto.createHash('sha256').update(data).digest('hex') });
      }
      await this.events.transaction((tx, emit) => write(tx, emit, stored));
      return stored;
    } catch (e) {
      await Promise.all(stored.map((f) => this.storage.delete(f.key)));
      throw e;
    }
  }

  /** inspectPdf off the event loop; a file too costly even to check is refused with its own code. */
  private async inspect(data: Buffer): Promise<PdfInspection> {
    try {
      return await this.workers.inspect.inspect(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), { maxBytes: this.config.maxUploadBytes, maxPages: this.config.maxPages });
    } catch (e) {
      if (e instanceof IngestFailure) return { ok: false, code: e.code, message: FAILURE_REASONS[e.code] };
      throw e;
    }
  }

  private versionRow(documentId: string, versionId: string, versionNo: number, file: CheckedPdf, userId: string): Parameters<typeof insertPendingVersion>[1] {
    return {
      id: versionId,
      documentId,
      versionNo,
      fileKey: fileKey(documentId, versionId),
      fileName: file.fileName,
      sizeBytes: file.size,
      sha256: file.sha256,
      pageCount: file.pageCount,
      restricted: file.restricted,
      uploadedBy: userId,
    };
  }

  private async assertAgendaItem(meetingId: string, agendaItemId: string): Promise<void> {
    if (!(await agendaItemExists(this.db, meetingId, agendaItemId))) {
      throw new DomainError('VALIDATION_FAILED', 'This agenda item does not belong to the meeting', [{ path: 'agendaItemId', message: 'Unknown agenda item' }]);
    }
  }

  private summaries(docs: DocumentEntity[]): Promise<DocumentSummary[]> {
    return loadDocumentSummaries(this.db, docs);
  }
}

const fileKey = (documentId: string, versionId: string) => `documents/${documentId}/${versionId}.pdf`;


function safeFileName(raw: string): string {
  const name = raw.normalize('NFC').replace(/[\\/\u0000-\u001f]/g, '_').trim();
  return (name || 'tai-lieu.pdf').slice(0, 200);
}

function titleFromFileName(fileName: string): string {
  return fileName.replace(/\.pdf$/i, '').replace(/[_]+/g, ' ').trim() || fileName;
}
