import { Module } from '@nestjs/common';
import { MeetingsModule } from '../meetings/meetings.module';
import { BreakoutsController } from './breakouts.controller';
import { BreakoutsService } from './breakouts.service';

@Module({
  imports: [MeetingsModule],
  controllers: [BreakoutsController],
  providers: [BreakoutsService],
  exports: [BreakoutsService],
})
export class BreakoutsModule {}
