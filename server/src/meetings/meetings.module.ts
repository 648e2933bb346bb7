import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CouncilEntity, CouncilStaffEntity } from '../councils/council.entity';
import { UserEntity } from '../users/user.entity';
import { EventsController } from '../events/events.controller';
import { UsersModule } from '../users/users.module';
import { AgendaItemEntity } from './agenda-item.entity';
import { AgendaService } from './agenda.service';
import { MeetingEntity } from './meeting.entity';
import { MeetingAccessService } from './meeting-access.service';
import { MeetingsController } from './meetings.controller';
import { MeetingsService } from './meetings.service';
import { ParticipantEntity } from './participant.entity';
import { ParticipantImportService } from './participant-import.service';
import { ParticipantsService } from './participants.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([MeetingEntity, ParticipantEntity, AgendaItemEntity, CouncilEntity, CouncilStaffEntity, UserEntity]),
    UsersModule,
  ],
  controllers: [MeetingsController, EventsController],
  providers: [MeetingsService, AgendaService, ParticipantsService, ParticipantImportService, MeetingAccessService],
  exports: [MeetingAccessService, MeetingsService, AgendaService],
})
export class MeetingsModule {}
