import { Module } from '@nestjs/common';
import { AttendanceModule } from '../attendance/attendance.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { MinutesFactsService } from './minutes/minutes-facts.service';
import { MinutesService } from './minutes/minutes.service';
import { RecordsController } from './records.controller';
import { RecordReportsService } from './reports/record-reports.service';
import { AdoptedResolutionsService } from './resolutions/adopted-resolutions.service';
import { SignaturesModule } from '../signatures/signatures.module';

/** Documents of record: the meeting-wide reports, the minutes and the adopted resolutions. */
@Module({
  imports: [MeetingsModule, AttendanceModule, SignaturesModule],
  controllers: [RecordsController],
  providers: [RecordReportsService, MinutesFactsService, MinutesService, AdoptedResolutionsService],
  exports: [MinutesService, RecordReportsService],
})
export class RecordsModule {}
