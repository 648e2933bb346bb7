import { Module } from '@nestjs/common';
import { BreakoutsModule } from '../breakouts/breakouts.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { DisplayLinksController } from './display-links.controller';
import { DisplayLinksService } from './display-links.service';
import { TvCodesController } from './tv-codes.controller';
import { TvCodesService } from './tv-codes.service';

@Module({
  imports: [MeetingsModule, BreakoutsModule],
  controllers: [DisplayLinksController, TvCodesController],
  providers: [DisplayLinksService, TvCodesService],
  exports: [DisplayLinksService],
})
export class DisplayModule {}
