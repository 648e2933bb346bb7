import { Module } from '@nestjs/common';
import { MeetingsModule } from '../meetings/meetings.module';
import { PasswordResetsController } from './password-resets.controller';
import { PasswordResetsService } from './password-resets.service';

/** Password resets by a meeting's secretariat, answered as account slips to print. */
@Module({
  imports: [MeetingsModule],
  controllers: [PasswordResetsController],
  providers: [PasswordResetsService],
})
export class AccountSlipsModule {}
