import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  type AdoptedResolution,
  can,
  type CreateMinutesRequest,
  type Minutes,
  type MinutesContent,
  type MinutesFacts,
  type MinutesStatus,
  type MinutesSummary,
  type MinutesVersion,
  type PdfSignatureInfo,
  type ReturnMinutesRequest,
  type UpdateMinutesRequest,
  type VoteResult,
} from '@hopso/shared';
import type { AuthUser } from '../../auth/auth-user';
import { AuditService } from '../../audit/audit.service';
import { DomainError, notFound } from '../../common/domain-error';
import { type EmitFn, MeetingEventsService } from '../../events/meeting-events.service';
import { MeetingAccessService } from '../../meetings/meeting-access.service';
import { isUniqueViolation } from '../../speakers/speakers.service';
import type { RecordFormat } from '../format/record-document';
import { renderDocx, renderPdf } from '../format/renderers';
import { minutesDocument, minutesTitle } from './minutes-document';
import { MinutesFactsService } from './minutes-facts.service';
import { SignaturesService } from '../../signatures/signatures.service';
import { verifyPdfSignatures } from '../../signatures/signature-libraries';
import { signRecord } from '../sign-record';

interface MinutesRow {
  id: string;
  meeting_id: string;
  sitting_id: string | null;
  sitting_title: string | null;
  meeting_title: string;
  status: MinutesStatus;
  version: number;
  content: MinutesContent;
  frozen_facts: MinutesFacts | null;
  return_note: string;
  updated_at: Date;
  finalized_at: Date | null;
}

const SELECT_MINUTES = `
  SELECT n.*, s.title AS sitting_title, m.title AS meeting_title
    FROM minutes n JOIN meetings m ON m.id = n.meeting_id LEFT JOIN sittings s ON s.id = n.sitting_id`;

const EMPTY: MinutesContent = { opening: '', items: {}, closing: '' };

const toSummary = (r: MinutesRow): MinutesSummary => ({
  id: r.id,
  meetingId: r.meeting_id,
  sittingId: r.sitting_id,
  title: r.sitting_title ? `${r.sitting_title}, ${r.meeting_title}` : r.meeting_title,
  status: r.status,
  version: r.version,
  frozen: r.frozen_facts !== null,
  returnNote: r.return_note,
  updatedAt: new Date(r.updated_at).toISOString(),
  finalizedAt: r.finalized_at ? new Date(r.finalized_at).toISOString() : null,
});

/**
 * Minutes (biên bản) per sitting and for the session: draft → submitted → final, or returned with a
 * note. Every change writes a version; the generated facts follow the record until frozen (at the
 * latest when the chair approves); a final minutes refuses every change (MINUTES_FINAL, and a trigger).
 */

@Injectable()
export class MinutesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: MeetingAccessService,
    private readonly facts: MinutesFactsService,
    private readonly audit: AuditService,
    private readonly signatures: SignaturesService,
    private readonly events: MeetingEventsService,
  ) {}

  /** Staff see every minutes of the meeting; everyone else only the final ones. */
  async list(caller: AuthUser, meetingId: string): Promise<MinutesSummary[]> {
    const { role } = await this.access.require(caller, meetingId, 'records.readFinal');
    const rows: MinutesRow[] = await this.db.query(`${SELECT_MINUTES} WHERE n.meeting_id = $1 AND ($2 OR n.status = 'final') ORDER BY n.sitting_id IS NULL, s.position`, [meetingId, can(role, 'records.draft')]);
    return rows.map(toSummary);
  }

  async create(caller: AuthUser, meetingId: string, req: CreateMinutesRequest): Promise<Minutes> {
    await this.access.require(caller, meetingId, 'records.draft');
    if (req.sittingId) {
      const [s] = await this.db.query('SELECT 1 FROM sittings WHERE id = $1 AND meeting_id = $2', [req.sittingId, meetingId]);
      if (!s) throw notFound('Sitting');
    }
    const id = await this.events.transaction(async (tx, emit) => {
      try {
        const [row]: { id: string }[] = await tx.query('INSERT INTO minutes (meeting_id, sitting_id, content, created_by, updated_by) VALUES ($1, $2, $3, $4, $4) RETURNING id', [meetingId, req.sittingId, EMPTY, caller.id]);
        await this.writeVersion(tx, row.id, caller, '');
        await this.announce(tx, emit, row.id);
        return row.id;
      } catch (e) {
        if (isUniqueViolation(e, 'minutes_sitting_idx') || isUniqueViolation(e, 'minutes_session_idx')) throw new DomainError('CONFLICT', 'These minutes already exist: open them instead');
        throw e;
      }
    });
    await this.audit.record({ userId: caller.id, action: 'minutes.create', meetingId, targetId: id, meta: { sittingId: req.sittingId } });
    return this.get(caller, id);
  }

  /** A draft is for the staff only: to anyone else it does not exist until it is final. */
  async get(caller: AuthUser, id: string): Promise<Minutes> {
    const { role } = await this.access.requireFor(caller, { kind: 'minutes', id: id }, 'records.readFinal');
    const row = await this.find(this.db.manager, id);
    if (row.status !== 'final' && !can(role, 'records.draft')) throw notFound('Minutes');
    return this.present(caller, row);
  }

  async update(caller: AuthUser, id: string, req: UpdateMinutesRequest): Promise<Minutes> {
    const row = await this.requireStaff(caller, id, 'records.draft');
    await this.events.transaction(async (tx, emit) => {
      const cur = await this.find(tx, id, true);
      assertEditable(cur.status);
      if (cur.version !== req.version) throw new DomainError('CONFLICT', 'Someone saved these minutes meanwhile: reload them and write your change again');
      const frozen = cur.frozen_facts ?? (req.freeze ? await this.facts.assemble(caller, cur.meeting_id, cur.sitting_id) : null);
      await tx.query(`UPDATE minutes SET content = $2, frozen_facts = $3, status = 'draft', version = version + 1, updated_by = $4, updated_at = now() WHERE id = $1`, [id, req.content, frozen, caller.id]);
      await this.writeVersion(tx, id, caller, '');
      await this.announce(tx, emit, id);
    });
    await this.audit.record({ userId: caller.id, action: 'minutes.update', meetingId: row.meeting_id, targetId: id, meta: { freeze: req.freeze ?? false } });
    return this.get(caller, id);
  }

  async submit(caller: AuthUser, id: string): Promise<Minutes> {
    return this.transition(caller, id, 'records.draft', (s) => assertEditable(s), 'submitted', '');
  }

  async returnToSecretariat(caller: AuthUser, id: string, req: ReturnMinutesRequest): Promise<Minutes> {
    return this.transition(caller, id, 'records.approve', assertSubmitted, 'returned', req.note);
  }

  /** The chair approves: the facts are frozen as they stand and the minutes become final and locked. */
  async approve(caller: AuthUser, id: string): Promise<Minutes> {
    return this.transition(caller, id, 'records.approve', assertSubmitted, 'final', '');
  }

  async versions(caller: AuthUser, id: string): Promise<MinutesVersion[]> {
    await this.requireStaff(caller, id, 'records.draft');
    const rows: { version: number; status: MinutesStatus; note: string; full_name: string | null; at: Date }[] = await this.db.query(
      'SELECT v.version, v.status, v.note, u.full_name, v.at FROM minutes_versions v LEFT JOIN users u ON u.id = v.by_user WHERE v.minutes_id = $1 ORDER BY v.version',
      [id],
    );
    return rows.map((r) => ({ version: r.version, status: r.status, note: r.note, byName: r.full_name ?? '', at: new Date(r.at).toISOString() }));
  }

  /** The minutes as a file; final minutes as PDF carry the council's digital signature when it has a certificate. */
  async file(caller: AuthUser, id: string, format: RecordFormat): Promise<{ body: Buffer; fileName: string }> {
    const m = await this.get(caller, id);
    const body = format === 'docx' ? await renderDocx(minutesDocument(m)) : m.status === 'final' ? await this.finalPdf(m) : await renderPdf(minutesDocument(m));
    return { body, fileName: `Biên bản ${minutesTitle(m)}${m.status === 'final' ? '' : ' (dự thảo)'}` };
  }

  /**
   * The final minutes' PDF, from the frozen facts, signed with the council's certificate. A council
   * without a usable certificate (none stored, no signing key, expired) still gets its minutes, unsigned.
   */
  async finalPdf(m: Minutes): Promise<Buffer> {
    const pdf = await renderPdf(minutesDocument(m));
    const [meeting] = await this.db.query('SELECT council_id FROM meetings WHERE id = $1', [m.meetingId]);
    return signRecord(this.signatures, meeting.council_id, pdf, { reason: `Biên bản ${minutesTitle(m)}` });
  }

  /** The signatures of the PDF GET /minutes/:id/file serves, as an independent check reads them (none until final). */
  async finalSignatures(caller: AuthUser, id: string): Promise<PdfSignatureInfo[]> {
    const m = await this.get(caller, id);
    return m.status === 'final' ? verifyPdfSignatures(await this.finalPdf(m)) : [];
  }

  /** The document versions a passed vote adopted: marked by the vote's closing, shown on the meeting page. */
  async adopted(caller: AuthUser, meetingId: string): Promise<AdoptedResolution[]> {
    await this.access.require(caller, meetingId, 'records.readFinal');
    const rows: { document_id: string; title: string; version_id: string; version_no: number; vote_id: string; question: string; adopted_at: Date; result: VoteResult }[] = await this.db.query(
      `SELECT d.id AS document_id, d.title, v.id AS version_id, v.version_no, vt.id AS vote_id, vt.question, v.adopted_at, vt.result
         FROM document_versions v JOIN documents d ON d.id = v.document_id JOIN votes vt ON vt.id = v.adopted_by_vote_id
        WHERE d.meeting_id = $1 ORDER BY v.adopted_at`,
      [meetingId],
    );
    return rows.map((r) => ({ documentId: r.document_id, documentTitle: r.title, versionId: r.version_id, versionNo: r.version_no, voteId: r.vote_id, question: r.question, adoptedAt: new Date(r.adopted_at).toISOString(), result: r.result }));
  }

  private async transition(caller: AuthUser, id: string, action: 'records.draft' | 'records.approve', check: (s: MinutesStatus) => void, to: 'submitted' | 'returned' | 'final', note: string): Promise<Minutes> {
    const row = await this.requireStaff(caller, id, action);
    await this.events.transaction(async (tx, emit) => {
      const cur = await this.find(tx, id, true);
      check(cur.status);
      const frozen = to === 'final' ? (cur.frozen_facts ?? (await this.facts.assemble(caller, cur.meeting_id, cur.sitting_id))) : cur.frozen_facts;
      await tx.query(
        `UPDATE minutes SET status = $2, return_note = $3, frozen_facts = $4, version = version + 1, updated_by = $5, updated_at = now(),
                finalized_at = CASE WHEN $2 = 'final' THEN now() ELSE NULL END WHERE id = $1`,
        [id, to, to === 'returned' ? note : '', frozen, caller.id],
      );
      await this.writeVersion(tx, id, caller, note);
      await this.announce(tx, emit, id);
    });
    await this.audit.record({ userId: caller.id, action: `minutes.${to}`, meetingId: row.meeting_id, targetId: id, meta: {} });
    return this.get(caller, id);
  }

  private async requireStaff(caller: AuthUser, id: string, action: 'records.draft' | 'records.approve'): Promise<MinutesRow> {
    const { role } = await this.access.requireFor(caller, { kind: 'minutes', id: id }, 'records.readFinal');
    const row = await this.find(this.db.manager, id);
    // a delegate is not told that a draft exists
    if (!can(role, 'records.draft') && row.status !== 'final') throw notFound('Minutes');
    await this.access.require(caller, row.meeting_id, action);
    return row;
  }

  private async find(tx: EntityManager, id: string, lock = false): Promise<MinutesRow> {
    const [row]: MinutesRow[] = await tx.query(`${SELECT_MINUTES} WHERE n.id = $1${lock ? ' FOR UPDATE OF n' : ''}`, [id]);
    if (!row) throw notFound('Minutes');
    return row;
  }

  /** Every step of the workflow, live: event-visibility.ts shows a draft to the staff and the final minutes to every participant. */
  private async announce(tx: EntityManager, emit: EmitFn, id: string): Promise<void> {
    const row = await this.find(tx, id);
    await emit(row.meeting_id, 'minutes.changed', { minutes: toSummary(row) }, { to: 'all' });
  }

  private async writeVersion(tx: EntityManager, id: string, caller: AuthUser, note: string): Promise<void> {
    await tx.query('INSERT INTO minutes_versions (minutes_id, version, status, content, frozen_facts, note, by_user) SELECT id, version, status, content, frozen_facts, $2, $3 FROM minutes WHERE id = $1', [id, note, caller.id]);
  }

  private async present(caller: AuthUser, row: MinutesRow): Promise<Minutes> {
    const facts = row.frozen_facts ?? (await this.facts.assemble(caller, row.meeting_id, row.sitting_id));
    return { ...toSummary(row), content: { ...EMPTY, ...row.content }, facts };
  }
}

function assertEditable(s: MinutesStatus): void {
  if (s === 'final') throw new DomainError('MINUTES_FINAL', 'These minutes are final and locked');
  if (s === 'submitted') throw new DomainError('MINUTES_SUBMITTED', 'These minutes are with the chair: wait for the approval or the return');
}

function assertSubmitted(s: MinutesStatus): void {
  if (s === 'final') throw new DomainError('MINUTES_FINAL', 'These minutes are final and locked');
  if (s !== 'submitted') throw new DomainError('MINUTES_NOT_SUBMITTED', 'These minutes have not been submitted to the chair');
}
