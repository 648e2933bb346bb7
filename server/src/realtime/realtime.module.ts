import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { DisplayModule } from '../display/display.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { RealtimeGateway } from './realtime.gateway';

@Module({
  imports: [AuthModule, MeetingsModule, DisplayModule],
  providers: [RealtimeGateway],
})
export class RealtimeModule {}
