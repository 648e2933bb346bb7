import { Controller, Delete, Get, HttpCode, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  addSpeakerRequest,
  closeSpeakersListRequest,
  extendSpeechRequest,
  reorderSpeakersRequest,
  requestFloorRequest,
  speakingTimesRequest,
  type AddSpeakerRequest,
  type CloseSpeakersListRequest,
  type ExtendSpeechRequest,
  type ReorderSpeakersRequest,
  type RequestFloorRequest,
  type SpeakersList,
  type SpeakingTimes,
  type SpeakingTimesInfo,
  type SpeakingTimesRequest,
  type SpeechRecord,
} from '@hopso/shared';
import { CurrentUser, Public, type AuthUser } from '../auth/auth-user';
import { DomainError } from '../common/domain-error';
import { UuidParam, ZodBody } from '../common/zod';
import { DisplayLinksService } from '../display/display-links.service';
import { SpeakersService } from './speakers.service';

@ApiTags('speakers')
@Controller()
export class SpeakersController {
  constructor(
    private readonly speakers: SpeakersService,
    private readonly displays: DisplayLinksService,
  ) {}

  @Get('meetings/:id/agenda/:itemId/speakers')
  list(@CurrentUser() caller: AuthUser, @UuidParam('id') meetingId: string, @UuidParam('itemId') itemId: string): Promise<SpeakersList> {
    return this.speakers.list(caller, meetingId, itemId);
  }

  /** 201 when the request is new, 200 when this client id was already taken (a retry). */
  @Post('meetings/:id/agenda/:itemId/speakers')
  async request(
    @CurrentUser() caller: AuthUser,
    @UuidParam('id') meetingId: string,
    @UuidParam('itemId') itemId: string,
    @ZodBody(requestFloorRequest) body: RequestFloorRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SpeakersList> {
    const { list, created } = await this.speakers.requestFloor(caller, meetingId, itemId, body);
    res.status(created ? 201 : 200);
    return list;
  }

  @Post('meetings/:id/agenda/:itemId/speakers/add')
  add(@CurrentUser() caller: AuthUser, @UuidParam('id') meetingId: string, @UuidParam('itemId') itemId: string, @ZodBody(addSpeakerRequest) body: AddSpeakerRequest): Promise<SpeakersList> {
    return this.speakers.addSpeaker(caller, meetingId, itemId, body);
  }

  @Put('meetings/:id/agenda/:itemId/speakers/order')
  reorder(@CurrentUser() caller: AuthUser, @UuidParam('id') meetingId: string, @UuidParam('itemId') itemId: string, @ZodBody(reorderSpeakersRequest) body: ReorderSpeakersRequest): Promise<SpeakersList> {
    return this.speakers.reorder(caller, meetingId, itemId, body);
  }

  @Put('meetings/:id/agenda/:itemId/speakers/closed')
  setClosed(@CurrentUser() caller: AuthUser, @UuidParam('id') meetingId: string, @UuidParam('itemId') itemId: string, @ZodBody(closeSpeakersListRequest) body: CloseSpeakersListRequest): Promise<SpeakersList> {
    return this.speakers.setClosed(caller, meetingId, itemId, body.closed);
  }

  @Post('meetings/:id/agenda/:itemId/speakers/next')
  @HttpCode(200)
  next(@CurrentUser() caller: AuthUser, @UuidParam('id') meetingId: string, @UuidParam('itemId') itemId: string): Promise<SpeakersList> {
    return this.speakers.next(caller, meetingId, itemId);
  }

  @Delete('speeches/:id')
  withdraw(@CurrentUser() caller: AuthUser, @UuidParam('id') speechId: string): Promise<SpeakersList> {
    return this.speakers.withdraw(caller, speechId);
  }

  @Post('speeches/:id/start')
  @HttpCode(200)
  start(@CurrentUser() caller: AuthUser, @UuidParam('id') speechId: string): Promise<SpeakersList> {
    return this.speakers.start(caller, speechId);
  }

  @Post('speeches/:id/stop')
  @HttpCode(200)
  stop(@CurrentUser() caller: AuthUser, @UuidParam('id') speechId: string): Promise<SpeakersList> {
    return this.speakers.stop(caller, speechId);
  }

  @Post('speeches/:id/pause')
  @HttpCode(200)
  pause(@CurrentUser() caller: AuthUser, @UuidParam('id') speechId: string): Promise<SpeakersList> {
    return this.speakers.pause(caller, speechId);
  }

  @Post('speeches/:id/resume')
  @HttpCode(200)
  resume(@CurrentUser() caller: AuthUser, @UuidParam('id') speechId: string): Promise<SpeakersList> {
    return this.speakers.resume(caller, speechId);
  }

  @Post('speeches/:id/extend')
  @HttpCode(200)
  extend(@CurrentUser() caller: AuthUser, @UuidParam('id') speechId: string, @ZodBody(extendSpeechRequest) body: ExtendSpeechRequest): Promise<SpeakersList> {
    return this.speakers.extend(caller, speechId, body.seconds);
  }

  @Get('meetings/:id/speeches')
  record(@CurrentUser() caller: AuthUser, @UuidParam('id') meetingId: string): Promise<SpeechRecord> {
    return this.speakers.record(caller, meetingId);
  }

  @Get('meetings/:id/speaking-times')
  times(@CurrentUser() caller: AuthUser, @UuidParam('id') meetingId: string): Promise<SpeakingTimesInfo> {
    return this.speakers.speakingTimes(caller, meetingId);
  }

  @Put('meetings/:id/speaking-times')
  setTimes(@CurrentUser() caller: AuthUser, @UuidParam('id') meetingId: string, @ZodBody(speakingTimesRequest) body: SpeakingTimesRequest): Promise<SpeakingTimesInfo> {
    return this.speakers.setSpeakingTimes(caller, meetingId, body);
  }

  @Delete('meetings/:id/speaking-times')
  resetTimes(@CurrentUser() caller: AuthUser, @UuidParam('id') meetingId: string): Promise<SpeakingTimesInfo> {
    return this.speakers.resetSpeakingTimes(caller, meetingId);
  }

  @Get('councils/:id/speaking-times')
  councilTimes(@CurrentUser() caller: AuthUser, @UuidParam('id') councilId: string): Promise<SpeakingTimesInfo> {
    return this.speakers.councilSpeakingTimes(caller, councilId);
  }

  @Put('councils/:id/speaking-times')
  setCouncilTimes(@CurrentUser() caller: AuthUser, @UuidParam('id') councilId: string, @ZodBody(speakingTimesRequest) body: SpeakingTimesRequest): Promise<SpeakingTimes> {
    return this.speakers.setCouncilSpeakingTimes(caller, councilId, body);
  }

  /** The hall screen's speakers list: no login, the display link's token instead. */
  @Public()
  @Get('hall/:meetingId/speakers')
  async hall(@UuidParam('meetingId') meetingId: string, @Query('token') token?: string): Promise<{ list: SpeakersList | null }> {
    const link = typeof token === 'string' ? await this.displays.resolve(token) : null;
    if (!link || link.meetingId !== meetingId) throw new DomainError('UNAUTHENTICATED', 'This display link is not valid or has been revoked');
    return { list: await this.speakers.hallList(meetingId) };
  }
}
