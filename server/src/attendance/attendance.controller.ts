import { Controller, Get, HttpCode, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import {
  REPORT_FORMATS,
  checkInRequest,
  createSittingRequest,
  markAttendanceRequest,
  markRestAbsentRequest,
  reportAbsenceRequest,
  setVotingRightRequest,
  updateVotingSettingsRequest,
  type AttendanceEntry,
  type CheckInRequest,
  type CouncilVotingSettings,
  type CreateSittingRequest,
  type MarkAttendanceRequest,
  type MarkRestAbsentRequest,
  type MySitting,
  type ReportAbsenceRequest,
  type SetVotingRightRequest,
  type Sitting,
  type SittingAttendance,
  type UpdateVotingSettingsRequest,
} from '@hopso/shared';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { councilTimeIn, sendTableReport } from '../common/table-report';
import { UuidParam, ZodBody, ZodPipe } from '../common/zod';
import { AttendanceService, attendanceReport } from './attendance.service';

export const reportQuery = z.object({ format: z.enum(REPORT_FORMATS, { message: 'format must be csv, docx or pdf' }) });

@ApiTags('attendance')
@Controller()
export class AttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  @Get('councils/:id/voting-settings')
  settings(@CurrentUser() caller: AuthUser, @UuidParam('id') councilId: string): Promise<CouncilVotingSettings> {
    return this.attendance.votingSettings(caller, councilId);
  }

  @Put('councils/:id/voting-settings')
  updateSettings(@CurrentUser() caller: AuthUser, @UuidParam('id') councilId: string, @ZodBody(updateVotingSettingsRequest) body: UpdateVotingSettingsRequest): Promise<CouncilVotingSettings> {
    return this.attendance.updateVotingSettings(caller, councilId, body);
  }

  @Put('meetings/:id/participants/:userId/voting-right')
  votingRight(@CurrentUser() caller: AuthUser, @UuidParam('id') meetingId: string, @UuidParam('userId') userId: string, @ZodBody(setVotingRightRequest) body: SetVotingRightRequest): Promise<AttendanceEntry> {
    return this.attendance.setVotingRight(caller, meetingId, userId, body.votingRight);
  }

  @Get('meetings/:id/sittings')
  list(@CurrentUser() caller: AuthUser, @UuidParam('id') meetingId: string): Promise<MySitting[]> {
    return this.attendance.listSittings(caller, meetingId);
  }

  @Post('meetings/:id/sittings')
  create(@CurrentUser() caller: AuthUser, @UuidParam('id') meetingId: string, @ZodBody(createSittingRequest) body: CreateSittingRequest): Promise<Sitting> {
    return this.attendance.createSitting(caller, meetingId, body);
  }

  @Post('sittings/:id/open')
  @HttpCode(200)
  open(@CurrentUser() caller: AuthUser, @UuidParam('id') sittingId: string): Promise<Sitting> {
    return this.attendance.changeSitting(caller, sittingId, 'open');
  }

  @Post('sittings/:id/close')
  @HttpCode(200)
  close(@CurrentUser() caller: AuthUser, @UuidParam('id') sittingId: string): Promise<Sitting> {
    return this.attendance.changeSitting(caller, sittingId, 'closed');
  }

  @Get('sittings/:id/attendance')
  get(@CurrentUser() caller: AuthUser, @UuidParam('id') sittingId: string): Promise<SittingAttendance> {
    return this.attendance.attendance(caller, sittingId);
  }

  @Post('sittings/:id/attendance')
  @HttpCode(200)
  mark(@CurrentUser() caller: AuthUser, @UuidParam('id') sittingId: string, @ZodBody(markAttendanceRequest) body: MarkAttendanceRequest): Promise<SittingAttendance> {
    return this.attendance.mark(caller, sittingId, body);
  }

  @Post('sittings/:id/attendance/rest-absent')
  @HttpCode(200)
  restAbsent(@CurrentUser() caller: AuthUser, @UuidParam('id') sittingId: string, @ZodBody(markRestAbsentRequest) body: MarkRestAbsentRequest): Promise<SittingAttendance> {
    return this.attendance.markRestAbsent(caller, sittingId, body);
  }

  @Post('sittings/:id/check-in')
  @HttpCode(200)
  checkIn(@CurrentUser() caller: AuthUser, @UuidParam('id') sittingId: string, @ZodBody(checkInRequest) body: CheckInRequest): Promise<MySitting> {
    return this.attendance.checkIn(caller, sittingId, body);
  }

  @Post('sittings/:id/absence')
  @HttpCode(200)
  absence(@CurrentUser() caller: AuthUser, @UuidParam('id') sittingId: string, @ZodBody(reportAbsenceRequest) body: ReportAbsenceRequest): Promise<MySitting> {
    return this.attendance.reportAbsence(caller, sittingId, body);
  }

  @Get('sittings/:id/attendance/export')
  async export(@CurrentUser() caller: AuthUser, @UuidParam('id') sittingId: string, @Query(new ZodPipe(reportQuery)) { format }: z.infer<typeof reportQuery>, @Res() res: Response): Promise<void> {
    const list = await this.attendance.attendance(caller, sittingId);
    const names = await this.attendance.namesOf(list.sitting.meetingId);
    await sendTableReport(res, attendanceReport(names.councilName, names.meetingTitle, list, councilTimeIn(names.timeZone)), format);
  }
}
