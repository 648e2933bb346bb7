import { Module } from '@nestjs/common';
import { DisplayModule } from '../display/display.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { SpeakersController } from './speakers.controller';
import { SpeakersService } from './speakers.service';

@Module({
  imports: [MeetingsModule, DisplayModule],
  controllers: [SpeakersController],
  providers: [SpeakersService],
  exports: [SpeakersService],
})
export class SpeakersModule {}
