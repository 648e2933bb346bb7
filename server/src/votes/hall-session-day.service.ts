import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { HallSessionDay } from '@hopso/shared';
import { findHallSitting, toSitting } from '../attendance/attendance.repository';
import { AttendanceService } from '../attendance/attendance.service';
import { DomainError } from '../common/domain-error';
import { DisplayLinksService } from '../display/display-links.service';
import { MeetingEventsService } from '../events/meeting-events.service';
import { findHallVote, toVote } from './votes.repository';

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
    const sitting = await findHallSitting(this.db, meetingId);
    const vote = await findHallVote(this.db, meetingId);
    return {
      meetingId,
      sitting: sitting ? toSitting(sitting, sitting.status === 'open') : null,
      quorum: sitting ? await this.attendance.quorum(this.db.manager, sitting) : null,
      vote: vote ? toVote(vote) : null,
      seq,
    };
  }
}
