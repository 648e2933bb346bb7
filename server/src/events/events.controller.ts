import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { eventsQuery, type MeetingEvent } from '@hopso/shared';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { UuidParam, ZodPipe } from '../common/zod';
import { MeetingAccessService } from '../meetings/meeting-access.service';
import { MeetingEventsService } from './meeting-events.service';

@ApiTags('meetings')
@Controller('meetings')
export class EventsController {
  constructor(
    private readonly events: MeetingEventsService,
    private readonly access: MeetingAccessService,
  ) {}

  /** What a reconnecting client missed after sequence number `after`, in order, each once: only what REST shows the caller now. */
  @Get(':id/events')
  async since(@CurrentUser() caller: AuthUser, @UuidParam('id') meetingId: string, @Query(new ZodPipe(eventsQuery)) q: { after: number }): Promise<MeetingEvent[]> {
    const { role } = await this.access.require(caller, meetingId, 'meeting.read');
    return this.events.since(meetingId, q.after, await this.events.userViewer(meetingId, caller, role));
  }
}
