import { Module } from '@nestjs/common';
import { MeetingsModule } from '../meetings/meetings.module';
import { BreakoutAccessService } from './breakout-access.service';
import { BreakoutGroupsService } from './breakout-groups.service';
import { BreakoutLifecycleService } from './breakout-lifecycle.service';
import { BreakoutMessagesService } from './breakout-messages.service';
import { BreakoutReportsService } from './breakout-reports.service';
import { BreakoutsController } from './breakouts.controller';

/** Breakout discussion groups, one service per job: access, groups, lifecycle (and its countdown), messages, reports. */
@Module({
  imports: [MeetingsModule],
  controllers: [BreakoutsController],
  providers: [BreakoutAccessService, BreakoutGroupsService, BreakoutLifecycleService, BreakoutMessagesService, BreakoutReportsService],
  exports: [BreakoutGroupsService],
})
export class BreakoutsModule {}
