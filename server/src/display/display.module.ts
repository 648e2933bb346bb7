import { Module } from '@nestjs/common';
import { MeetingsModule } from '../meetings/meetings.module';
import { DisplayLinksController } from './display-links.controller';
import { DisplayLinksService } from './display-links.service';

@Module({
  imports: [MeetingsModule],
  controllers: [DisplayLinksController],
  providers: [DisplayLinksService],
  exports: [DisplayLinksService],
})
export class DisplayModule {}
