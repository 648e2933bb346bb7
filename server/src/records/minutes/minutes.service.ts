import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  type AdoptedResolution,
  can,
  type CreateMinutesRequest,
  type Minutes,
  type MinutesContent,
  type MinutesStatus,
  type MinutesSummary,
  type MinutesVersion,
  type PdfSignatureInfo,
  type ReturnMinutesRequest,
  type UpdateMinutesRequest,
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
import { listAdoptedVersionsOfMeeting, toAdoptedResolution } from '../records.repository';
import {
  findCouncilOfMeeting,
  findMinutes,
  insertMinutes,
  insertMinutesVersion,
  listMinutesOfMeeting,
  listMinutesVersions,
  type MinutesRow,
  sittingOfMeetingExists,
  toMinutesVersion,
  toSummary,
  updateMinutesContent,
  updateMinutesStatus,
} from './minutes.repository';

const EMPTY: MinutesContent = { opening: '', items: {}, closing: '' };


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
    const rows = await listMinutesOfMeeting(this.db, meetingId, can(role, 'records.draft'));
    return rows.map(toSummary);
  }

  async create(caller: AuthUser, meetingId: string, req: CreateMinutesRequest): Promise<Minutes> {
    await this.access.require(caller, meetingId, 'records.draft');
    if (req.sittingId) {
      if (!(await sittingOfMeetingExists(this.db, req.sittingId, meetingId))) throw notFound('Sitting');
    }
    const id = await this.events.transaction(async (tx, emit) => {
      try {
        const minutesId = await insertMinutes(tx, meetingId, req.sittingId, EMPTY, caller.id);
        await this.writeVersion(tx, minutesId, caller, '');
        await this.announce(tx, emit, minutesId);
        return minutesId;
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
      await updateMinutesContent(tx, id, req.content, frozen, caller.id);
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
    const rows = await listMinutesVersions(this.db, id);
    return rows.map(toMinutesVersion);
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
    const meeting = await findCouncilOfMeeting(this.db, m.meetingId);
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
    const rows = await listAdoptedVersionsOfMeeting(this.db, meetingId);
    return rows.map(toAdoptedResolution);
  }

  private async transition(caller: AuthUser, id: string, action: 'records.draft' | 'records.approve', check: (s: MinutesStatus) => void, to: 'submitted' | 'returned' | 'final', note: string): Promise<Minutes> {
    const row = await this.requireStaff(caller, id, action);
    await this.events.transaction(async (tx, emit) => {
      const cur = await this.find(tx, id, true);
      check(cur.status);
      const frozen = to === 'final' ? (cur.frozen_facts ?? (await this.facts.assemble(caller, cur.meeting_id, cur.sitting_id))) : cur.frozen_facts;
      await updateMinutesStatus(tx, id, to, to === 'returned' ? note : '', frozen, caller.id);
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
    const row = await findMinutes(tx, id, lock);
    if (!row) throw notFound('Minutes');
    return row;
  }

  /** Every step of the workflow, live: event-visibility.ts shows a draft to the staff and the final minutes to every participant. */
  private async announce(tx: EntityManager, emit: EmitFn, id: string): Promise<void> {
    const row = await this.find(tx, id);
    await emit(row.meeting_id, 'minutes.changed', { minutes: toSummary(row) }, { to: 'all' });
  }

  private async writeVersion(tx: EntityManager, id: string, caller: AuthUser, note: string): Promise<void> {
    await insertMinutesVersion(tx, id, note, caller.id);
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
