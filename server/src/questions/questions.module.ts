import { Module } from '@nestjs/common';
import { MeetingsModule } from '../meetings/meetings.module';
import { SpeakersModule } from '../speakers/speakers.module';
import { QuestionsController } from './questions.controller';
import { QuestionsService } from './questions.service';

@Module({
  imports: [MeetingsModule, SpeakersModule],
  controllers: [QuestionsController],
  providers: [QuestionsService],
})
export class QuestionsModule {}
