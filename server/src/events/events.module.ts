import { Global, Module } from '@nestjs/common';
import { MeetingEventsService } from './meeting-events.service';

@Global()
@Module({ providers: [MeetingEventsService], exports: [MeetingEventsService] })
export class EventsModule {}
