import crypto from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityNotFoundError } from 'typeorm';
import type { Annotation, CreateAnnotationRequest, UpdateAnnotationRequest, UpdateAnnotationResponse } from '@hopso/shared';
import type { AuthUser } from '../auth/auth-user';
import { ReanchorService } from '../anchoring/reanchor.service';
import { DomainError, notFound } from '../common/domain-error';
import { DocumentsService } from '../documents/documents.service';
import { AnnotationEntity } from './annotation.entity';
import {
  deleteAnnotationOfAuthor,
  findAnnotationByClientId,
  findAnnotationOfAuthor,
  insertAnnotationOnce,
  insertConflictCopy,
  listAnnotationsOfAuthor,
  toAnnotation,
  updateAnnotationEdit,
  type AnnotationRow,
} from './annotations.repository';

/**
 * Private highlights and notes. Every query is scoped to the caller as author:
 * there is no path by which anyone else (secretariat and administrators included)
 * reads, counts or infers another person's annotations.
 */
@Injectable()
export class AnnotationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly documents: DocumentsService,
    private readonly reanchor: ReanchorService,
  ) {}

  async listMine(caller: AuthUser, documentId: string): Promise<Annotation[]> {
    await this.documents.requireDocument(caller, documentId, 'annotations.own');
    const rows = await listAnnotationsOfAuthor(this.db, caller.id, documentId);
    return rows.map(toAnnotation);
  }

  /** Idempotent on the client id: a retry returns the stored annotation (created: false). */
  async create(caller: AuthUser, documentId: string, req: CreateAnnotationRequest): Promise<{ annotation: Annotation; created: boolean }> {
    await this.documents.requireDocument(caller, documentId, 'annotations.own');
    const existing = await findAnnotationByClientId(this.db, caller.id, req.clientId);
    if (existing) return { annotation: toAnnotation(existing), created: false };
    const { anchor } = await this.reanchor.acceptNew(documentId, req.anchor);
    const inserted = await insertAnnotationOnce(this.db, { clientId: req.clientId, authorId: caller.id, documentId, anchor, color: req.color, note: req.note });
    // a concurrent retry may have won the race: either way the stored row is the answer
    const row = await findAnnotationByClientId(this.db, caller.id, req.clientId);
    if (!row) throw new EntityNotFoundError(AnnotationEntity, { authorId: caller.id, clientId: req.clientId });
    return { annotation: toAnnotation(row), created: inserted.length === 1 };
  }

  /**
   * Applies an edit. When the annotation changed since the edit's base (another
   * device, or an offline edit arriving late), the later edit by `editedAt` wins and
   * the other is kept as a conflict copy: neither is silently dropped.
   */
  async update(caller: AuthUser, id: string, req: UpdateAnnotationRequest, now = new Date()): Promise<UpdateAnnotationResponse> {
    const row = await this.findMine(caller, id);
    const editedAt = req.editedAt ? new Date(req.editedAt) : now;
    if (editedAt.getTime() > now.getTime() + 5 * 60_000) {
      throw new DomainError('VALIDATION_FAILED', 'The time of the edit is in the future; check the phone’s clock', [{ path: 'editedAt', message: 'In the future' }]);
    }
    const incoming = { color: req.color ?? row.color, note: req.note ?? row.note, editedAt };
    // the replay of an edit already applied (its answer was lost) changes nothing and is no conflict
    if (req.editedAt && row.edited_at.getTime() === editedAt.getTime() && row.color === incoming.color && row.note === incoming.note) {
      return { ...toAnnotation(row), conflictCopy: null };
    }
    const conflict = req.baseUpdatedAt !== undefined && row.updated_at.getTime() > new Date(req.baseUpdatedAt).getTime();
    if (!conflict) {
      return { ...toAnnotation(await updateAnnotationEdit(this.db, row.id, incoming)), conflictCopy: null };
    }
    const stored = { color: row.color, note: row.note, editedAt: row.edited_at };
    const [winner, loser] = incoming.editedAt > stored.editedAt ? [incoming, stored] : [stored, incoming];
    const copy = await insertConflictCopy(this.db, crypto.randomUUID(), row, loser);
    // the stored edit winning changes nothing on the row (its updated_at stays)
    const kept = winner === stored ? row : await updateAnnotationEdit(this.db, row.id, winner);
    return { ...toAnnotation(kept), conflictCopy: toAnnotation(copy) };
  }

  async remove(caller: AuthUser, id: string): Promise<void> {
    const row = await this.findMine(caller, id);
    await deleteAnnotationOfAuthor(this.db, row.id, caller.id);
  }

  /** Someone else's annotation is indistinguishable from one that does not exist. */
  private async findMine(caller: AuthUser, id: string): Promise<AnnotationRow> {
    const row = await findAnnotationOfAuthor(this.db, id, caller.id);
    if (!row) throw notFound('Annotation');
    // losing access to the meeting also ends access to one's notes on it
    await this.documents.requireDocument(caller, row.document_id, 'annotations.own');
    return row;
  }
}
