import { Module } from '@nestjs/common';
import { AttendanceModule } from '../attendance/attendance.module';
import { DisplayModule } from '../display/display.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { BallotsService } from './ballots.service';
import { HallSessionDayService } from './hall-session-day.service';
import { VotesController } from './votes.controller';
import { VotesGateway } from './votes.gateway';
import { VotesService } from './votes.service';

@Module({
  imports: [MeetingsModule, AttendanceModule, DisplayModule],
  controllers: [VotesController],
  providers: [VotesService, BallotsService, HallSessionDayService, VotesGateway],
})
export class VotesModule {}
