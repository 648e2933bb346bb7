import { Controller, Delete, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import {
  castBallotRequest,
  createVoteRequest,
  manualResultRequest,
  openVoteRequest,
  prepareSectionVotesRequest,
  showOnHallRequest,
  updateVoteRequest,
  type BallotReceipt,
  type CastBallotRequest,
  type CreateVoteRequest,
  type HallSessionDay,
  type ManualResultRequest,
  type OpenVoteRequest,
  type PrepareSectionVotesRequest,
  type ShowOnHallRequest,
  type UpdateVoteRequest,
  type Vote,
  type VoteForMe,
  type VoteRecords,
  type VoteTally,
} from '@hopso/shared';
import { reportQuery } from '../attendance/attendance.controller';
import { AttendanceService } from '../attendance/attendance.service';
import { CurrentUser, Public, type AuthUser } from '../auth/auth-user';
import { sendTableReport } from '../common/table-report';
import { UuidParam, ZodBody, ZodPipe } from '../common/zod';
import { BallotsService } from './ballots.service';
import { HallSessionDayService } from './hall-session-day.service';
import { votesReport } from './votes-report';
import { VotesService } from './votes.service';

@ApiTags('votes')
@Controller()
export class VotesController {
  constructor(
    private readonly votes: VotesService,
    private readonly ballots: BallotsService,
    private readonly attendance: AttendanceService,
    private readonly hall: HallSessionDayService,
  ) {}

  @Get('meetings/:id/votes')
  list(@CurrentUser() caller: AuthUser, @UuidParam('id') meetingId: string): Promise<VoteForMe[]> {
    return this.votes.list(caller, meetingId);
  }

  @Post('meetings/:id/votes')
  create(@CurrentUser() caller: AuthUser, @UuidParam('id') meetingId: string, @ZodBody(createVoteRequest) body: CreateVoteRequest): Promise<Vote> {
    return this.votes.create(caller, meetingId, body);
  }

  @Post('meetings/:id/votes/sections')
  sections(@CurrentUser() caller: AuthUser, @UuidParam('id') meetingId: string, @ZodBody(prepareSectionVotesRequest) body: PrepareSectionVotesRequest): Promise<Vote[]> {
    return this.votes.prepareSections(caller, meetingId, body);
  }

  @Get('meetings/:id/votes/export')
  async export(@CurrentUser() caller: AuthUser, @UuidParam('id') meetingId: string, @Query(new ZodPipe(reportQuery)) { format }: z.infer<typeof reportQuery>, @Res() res: Response): Promise<void> {
    const { rows, records } = await this.votes.exportRows(caller, meetingId);
    const names = await this.attendance.namesOf(meetingId);
    await sendTableReport(res, votesReport(names, rows, records), format);
  }

  @Get('votes/:id')
  get(@CurrentUser() caller: AuthUser, @UuidParam('id') voteId: string): Promise<VoteForMe> {
    return this.votes.get(caller, voteId);
  }

  @Get('votes/:id/tally')
  async tally(@CurrentUser() caller: AuthUser, @UuidParam('id') voteId: string): Promise<VoteTally> {
    await this.votes.get(caller, voteId);
    return this.ballots.tally(voteId);
  }

  @Get('votes/:id/records')
  records(@CurrentUser() caller: AuthUser, @UuidParam('id') voteId: string): Promise<VoteRecords> {
    return this.votes.records(caller, voteId);
  }

  @Post('votes/:id/open')
  @HttpCode(200)
  open(@CurrentUser() caller: AuthUser, @UuidParam('id') voteId: string, @ZodBody(openVoteRequest) body: OpenVoteRequest): Promise<Vote> {
    return this.votes.open(caller, voteId, body);
  }

  @Post('votes/:id/close')
  @HttpCode(200)
  close(@CurrentUser() caller: AuthUser, @UuidParam('id') voteId: string): Promise<Vote> {
    return this.votes.close(caller, voteId);
  }

  @Post('votes/:id/manual-result')
  @HttpCode(200)
  manual(@CurrentUser() caller: AuthUser, @UuidParam('id') voteId: string, @ZodBody(manualResultRequest) body: ManualResultRequest): Promise<Vote> {
    return this.votes.enterManual(caller, voteId, body);
  }

  @Post('votes/:id/repeat')
  repeat(@CurrentUser() caller: AuthUser, @UuidParam('id') voteId: string): Promise<Vote> {
    return this.votes.repeat(caller, voteId);
  }

  @Post('votes/:id/hall')
  @HttpCode(200)
  showOnHall(@CurrentUser() caller: AuthUser, @UuidParam('id') voteId: string, @ZodBody(showOnHallRequest) body: ShowOnHallRequest): Promise<Vote> {
    return this.votes.showOnHall(caller, voteId, body.show);
  }

  @Post('votes/:id/publish-records')
  @HttpCode(200)
  publish(@CurrentUser() caller: AuthUser, @UuidParam('id') voteId: string): Promise<Vote> {
    return this.votes.publishRecords(caller, voteId);
  }

  /** A ballot over REST (the socket's `vote:cast` does the same). Never queued offline by the client. */
  @Post('votes/:id/ballots')
  @HttpCode(200)
  cast(@CurrentUser() caller: AuthUser, @UuidParam('id') voteId: string, @ZodBody(castBallotRequest) body: CastBallotRequest): Promise<BallotReceipt> {
    return this.ballots.cast(caller, voteId, body);
  }

  /** A draft's settings before it opens. */
  @Patch('votes/:id')
  update(@CurrentUser() caller: AuthUser, @UuidParam('id') voteId: string, @ZodBody(updateVoteRequest) body: UpdateVoteRequest): Promise<Vote> {
    return this.votes.updateDraft(caller, voteId, body);
  }

  /** A draft deleted before it opens (an open or closed vote stays on the record). */
  @Delete('votes/:id')
  @HttpCode(204)
  async remove(@CurrentUser() caller: AuthUser, @UuidParam('id') voteId: string): Promise<void> {
    await this.votes.deleteDraft(caller, voteId);
  }

  /** The hall screen's session day: no login, the display link's token. */
  @Public()
  @Get('hall/:meetingId/session-day')
  hallSessionDay(@UuidParam('meetingId') meetingId: string, @Query('token') token?: string): Promise<HallSessionDay> {
    return this.hall.state(meetingId, typeof token === 'string' ? token : undefined);
  }
}
