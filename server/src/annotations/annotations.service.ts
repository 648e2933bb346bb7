import crypto from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import type { Annotation, CreateAnnotationRequest, UpdateAnnotationRequest, UpdateAnnotationResponse } from '@hopso/shared';
import type { AuthUser } from '../auth/auth-user';
import { ReanchorService } from '../anchoring/reanchor.service';
import { DomainError, notFound } from '../common/domain-error';
import { DocumentsService } from '../documents/documents.service';
import { AnnotationEntity } from './annotation.entity';

export const toAnnotation = (a: AnnotationEntity): Annotation => ({
  id: a.id,
  clientId: a.clientId,
  documentId: a.documentId,
  anchor: {
    versionId: a.versionId,
    paragraphId: a.paragraphId ?? '',
    quote: { exact: a.quoteExact, prefix: a.quotePrefix, suffix: a.quoteSuffix },
    rects: a.rects,
    detached: a.detached,
  },
  color: a.color,
  note: a.note,
  editedAt: a.editedAt.toISOString(),
  conflictOf: a.conflictOf,
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
});

/**
 * Private highlights and notes. Every query is scoped to the caller as author:
 * there is no path by which anyone else (secretariat and administrators included)
 * reads, counts or infers another person's annotations.
 */
@Injectable()
export class AnnotationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(AnnotationEntity) private readonly annotations: Repository<AnnotationEntity>,
    private readonly documents: DocumentsService,
    private readonly reanchor: ReanchorService,
  ) {}

  async listMine(caller: AuthUser, documentId: string): Promise<Annotation[]> {
    await this.documents.requireDocument(caller, documentId, 'annotations.own');
    const rows = await this.annotations.find({ where: { authorId: caller.id, documentId }, order: { createdAt: 'ASC' } });
    return rows.map(toAnnotation);
  }

  /** Idempotent on the client id: a retry returns the stored annotation (created: false). */
  async create(caller: AuthUser, documentId: string, req: CreateAnnotationRequest): Promise<{ annotation: Annotation; created: boolean }> {
    await this.documents.requireDocument(caller, documentId, 'annotations.own');
    const existing = await this.annotations.findOneBy({ authorId: caller.id, clientId: req.clientId });
    if (existing) return { annotation: toAnnotation(existing), created: false };
    const { anchor } = await this.reanchor.acceptNew(documentId, req.anchor);
    const inserted: { id: string }[] = await this.db.query(
      `INSERT INTO annotations (client_id, author_id, document_id, version_id, paragraph_id, quote_exact, quote_prefix, quote_suffix, rects, detached, color, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (author_id, client_id) DO NOTHING RETURNING id`,
      [req.clientId, caller.id, documentId, anchor.versionId, anchor.paragraphId, anchor.quote.exact, anchor.quote.prefix, anchor.quote.suffix, JSON.stringify(anchor.rects), anchor.detached, req.color, req.note],
    );
    // a concurrent retry may have won the race: either way the stored row is the answer
    const row = await this.annotations.findOneByOrFail({ authorId: caller.id, clientId: req.clientId });
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
    if (req.editedAt && row.editedAt.getTime() === editedAt.getTime() && row.color === incoming.color && row.note === incoming.note) {
      return { ...toAnnotation(row), conflictCopy: null };
    }
    const conflict = req.baseUpdatedAt !== undefined && row.updatedAt.getTime() > new Date(req.baseUpdatedAt).getTime();
    if (!conflict) {
      Object.assign(row, incoming);
      return { ...toAnnotation(await this.annotations.save(row)), conflictCopy: null };
    }
    const stored = { color: row.color, note: row.note, editedAt: row.editedAt };
    const [winner, loser] = incoming.editedAt > stored.editedAt ? [incoming, stored] : [stored, incoming];
    const copy = await this.annotations.save(
      this.annotations.create({
        clientId: crypto.randomUUID(),
        authorId: row.authorId,
        documentId: row.documentId,
        versionId: row.versionId,
        paragraphId: row.paragraphId,
        quoteExact: row.quoteExact,
        quotePrefix: row.quotePrefix,
        quoteSuffix: row.quoteSuffix,
        rects: row.rects,
        detached: row.detached,
        conflictOf: row.id,
        ...loser,
      }),
    );
    Object.assign(row, winner);
    return { ...toAnnotation(await this.annotations.save(row)), conflictCopy: toAnnotation(copy) };
  }

  async remove(caller: AuthUser, id: string): Promise<void> {
    const row = await this.findMine(caller, id);
    await this.annotations.delete({ id: row.id, authorId: caller.id });
  }

  /** Someone else's annotation is indistinguishable from one that does not exist. */
  private async findMine(caller: AuthUser, id: string): Promise<AnnotationEntity> {
    const row = await this.annotations.findOneBy({ id, authorId: caller.id });
    if (!row) throw notFound('Annotation');
    // losing access to the meeting also ends access to one's notes on it
    await this.documents.requireDocument(caller, row.documentId, 'annotations.own');
    return row;
  }
}
