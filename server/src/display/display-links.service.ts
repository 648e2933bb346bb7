import crypto from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Subject } from 'rxjs';
import { DataSource } from 'typeorm';
import type { CreateDisplayLinkRequest, DisplayLink, HallState } from '@hopso/shared';
import type { AuthUser } from '../auth/auth-user';
import { DomainError } from '../common/domain-error';
import { hallBreakout } from '../events/event-visibility';
import { MeetingEventsService } from '../events/meeting-events.service';
import { BreakoutGroupsService } from '../breakouts/breakout-groups.service';
import { AgendaService } from '../meetings/agenda.service';
import { MeetingAccessService } from '../meetings/meeting-access.service';
import { findHallMeeting, findLiveLinkByTokenHash, insertLink, listLinksOfMeeting, revokeLink, toLink } from './display.repository';

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

/** Read-only links for the hall screen: created and revoked by the secretariat; only the token's hash is stored. */
@Injectable()
export class DisplayLinksService {
  readonly revoked = new Subject<{ linkId: string; meetingId: string }>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: MeetingAccessService,
    private readonly agenda: AgendaService,
    private readonly events: MeetingEventsService,
    private readonly breakouts: BreakoutGroupsService,
  ) {}

  async list(caller: AuthUser, meetingId: string): Promise<DisplayLink[]> {
    await this.access.require(caller, meetingId, 'meeting.update');
    const rows = await listLinksOfMeeting(this.db, meetingId);
    return rows.map(toLink);
  }

  async create(caller: AuthUser, meetingId: string, req: CreateDisplayLinkRequest): Promise<DisplayLink> {
    await this.access.require(caller, meetingId, 'meeting.update');
    return this.createFor(meetingId, req.label, caller.id);
  }

  /** A new link of the meeting, made on behalf of `createdBy` (access checked by the caller: a TV code redeemed, or create above). */
  async createFor(meetingId: string, label: string, createdBy: string): Promise<DisplayLink> {
    const token = crypto.randomBytes(24).toString('base64url');
    const row = await this.events.transaction(async (tx, emit) => {
      const inserted = await insertLink(tx, meetingId, label, sha256(token), createdBy);
      await emit(meetingId, 'displayLinks.changed', { meetingId }, { to: 'staff' });
      return inserted;
    });
    return { ...toLink(row), url: `/hall/${meetingId}?token=${token}` };
  }

  async revoke(caller: AuthUser, linkId: string): Promise<void> {
    // links are the secretariat's: to anyone else one that exists answers as one that does not
    const { meeting } = await this.access.requireFor(caller, { kind: 'displayLink', id: linkId }, 'meeting.update', { hideForbidden: true });
    await this.events.transaction(async (tx, emit) => {
      await revokeLink(tx, linkId);
      await emit(meeting.id, 'displayLinks.changed', { meetingId: meeting.id }, { to: 'staff' });
    });
    this.revoked.next({ linkId, meetingId: meeting.id });
  }

  /** The live link a token belongs to, or null when unknown or revoked. */
  async resolve(token: string): Promise<{ id: string; meetingId: string } | null> {
    const row = await findLiveLinkByTokenHash(this.db, sha256(token));
    return row ? { id: row.id, meetingId: row.meeting_id } : null;
  }

  async hallState(meetingId: string, token: string | undefined): Promise<HallState> {
    const link = token ? await this.resolve(token) : null;
    if (!link || link.meetingId !== meetingId) throw new DomainError('UNAUTHENTICATED', 'This display link is not valid or has been revoked');
    const m = await findHallMeeting(this.db, meetingId);
    return {
      meetingId,
      councilName: m.council_name,
      councilTimeZone: m.council_time_zone,
      title: m.title,
      status: m.status,
      location: m.location,
      startsAt: new Date(m.starts_at).toISOString(),
      currentAgendaItemId: m.current_agenda_item_id,
      agenda: await this.agenda.list(meetingId),
      // the same view of breakouts the hall gets through events (event-visibility.ts)
      breakouts: (await this.breakouts.listAll(meetingId)).map(hallBreakout),
      seq: await this.events.currentSeq(meetingId),
    };
  }
}
