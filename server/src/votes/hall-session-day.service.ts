import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { HallSessionDay } from '@hopso/shared';
import { AttendanceService, toSitting } from '../attendance/attendance.service';
import { DomainError } from '../common/domain-error';
import { DisplayLinksService } from '../display/display-links.service';
import { MeetingEventsService } from '../events/meeting-events.service';
import { SELECT_VOTES, toVote, type VoteRow } from './vote-rows';

/** What the hall screen shows of the session day: the open sitting with its check-in code and quorum, the vote in play. */
@Injectable()
export class HallSessionDayService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly displays: DisplayLinksService,
    private readonly attendance: AttendanceService,
    private readonly events: MeetingEventsService,
  ) {}

  async state(meetingId: string, token: string | undefined): Promise<HallSessionDay> {
    const link = token ? await this.displays.resolve(token) : null;
    if (!link || link.meetingId !== meetingId) throw new DomainError('UNAUTHENTICATED', 'This display link is not valid or has been revoked');
    const seq = await this.events.currentSeq(meetingId);
    const [sitting] = await this.db.query(
      `SELECT * FROM sittings WHERE meeting_id = $1 ORDER BY (status = 'open') DESC, (status = 'planned') DESC, position DESC LIMIT 1`,
      [meetingId],
    );
    const [vote]: VoteRow[] = await this.db.query(
      `${SELECT_VOTES} WHERE v.meeting_id = $1 AND (v.status = 'open' OR v.on_hall) ORDER BY (v.status = 'open') DESC, v.position DESC LIMIT 1`,
      [meetingId],
    );
    return {
      meetingId,
      sitting: sitting ? toSitting(sitting, sitting.status === 'open') : null,
      quorum: sitting ? await this.attendance.quorum(this.db.manager, sitting) : null,
      vote: vote ? toVote(vote) : null,
      seq,
    };
  }
}
