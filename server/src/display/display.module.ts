import { Module } from '@nestjs/common';
import { BreakoutsModule } from '../breakouts/breakouts.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { DisplayLinksController } from './display-links.controller';
import { DisplayLinksService } from './display-links.service';

@Module({
  imports: [MeetingsModule, BreakoutsModule],
  controllers: [DisplayLinksController],
  providers: [DisplayLinksService],
  exports: [DisplayLinksService],
})
export class DisplayModule {}
