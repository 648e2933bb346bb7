import { Module } from '@nestjs/common';
import { EventsController } from '../events/events.controller';
import { UsersModule } from '../users/users.module';
import { AgendaService } from './agenda.service';
import { MeetingAccessService } from './meeting-access.service';
import { MeetingsController } from './meetings.controller';
import { MeetingsService } from './meetings.service';
import { ParticipantImportService } from './participant-import.service';
import { ParticipantsService } from './participants.service';

@Module({
  imports: [UsersModule],
  controllers: [MeetingsController, EventsController],
  providers: [MeetingsService, AgendaService, ParticipantsService, ParticipantImportService, MeetingAccessService],
  exports: [MeetingAccessService, MeetingsService, AgendaService],
})
export class MeetingsModule {}
