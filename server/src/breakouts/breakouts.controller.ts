import { Controller, Get, HttpCode, Patch, Post, Put, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  autoSplitRequest,
  breakoutCountdownRequest,
  breakoutItemRequest,
  postGroupMessageRequest,
  prepareBreakoutRequest,
  saveGroupReportRequest,
  updateBreakoutGroupRequest,
  type AutoSplitRequest,
  type Breakout,
  type BreakoutCountdownRequest,
  type BreakoutItemRequest,
  type GroupMessage,
  type PostGroupMessageRequest,
  type PrepareBreakoutRequest,
  type SaveGroupReportRequest,
  type UpdateBreakoutGroupRequest,
} from '@hopso/shared';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { UuidParam, ZodBody } from '../common/zod';
import { BreakoutGroupsService } from './breakout-groups.service';
import { BreakoutLifecycleService } from './breakout-lifecycle.service';
import { BreakoutMessagesService } from './breakout-messages.service';
import { BreakoutReportsService } from './breakout-reports.service';

@ApiTags('breakouts')
@Controller()
export class BreakoutsController {
  constructor(
    private readonly groups: BreakoutGroupsService,
    private readonly lifecycle: BreakoutLifecycleService,
    private readonly discussion: BreakoutMessagesService,
    private readonly reports: BreakoutReportsService,
  ) {}

  @Get('meetings/:id/breakouts')
  list(@CurrentUser() caller: AuthUser, @UuidParam('id') meetingId: string): Promise<Breakout[]> {
    return this.groups.list(caller, meetingId);
  }

  @Post('meetings/:id/breakouts')
  @HttpCode(200)
  prepare(@CurrentUser() caller: AuthUser, @UuidParam('id') meetingId: string, @ZodBody(prepareBreakoutRequest) body: PrepareBreakoutRequest): Promise<Breakout> {
    return this.groups.prepare(caller, meetingId, body);
  }

  @Post('meetings/:id/breakouts/auto')
  @HttpCode(200)
  autoSplit(@CurrentUser() caller: AuthUser, @UuidParam('id') meetingId: string, @ZodBody(autoSplitRequest) body: AutoSplitRequest): Promise<Breakout> {
    return this.groups.autoSplit(caller, meetingId, body);
  }

  @Post('meetings/:id/breakouts/start')
  @HttpCode(200)
  start(@CurrentUser() caller: AuthUser, @UuidParam('id') meetingId: string, @ZodBody(breakoutItemRequest) body: BreakoutItemRequest): Promise<Breakout> {
    return this.lifecycle.start(caller, meetingId, body.agendaItemId);
  }

  @Post('meetings/:id/breakouts/end')
  @HttpCode(200)
  end(@CurrentUser() caller: AuthUser, @UuidParam('id') meetingId: string, @ZodBody(breakoutItemRequest) body: BreakoutItemRequest): Promise<Breakout> {
    return this.lifecycle.end(caller, meetingId, body.agendaItemId);
  }

  @Post('meetings/:id/breakouts/countdown')
  @HttpCode(200)
  countdown(@CurrentUser() caller: AuthUser, @UuidParam('id') meetingId: string, @ZodBody(breakoutCountdownRequest) body: BreakoutCountdownRequest): Promise<Breakout> {
    return this.lifecycle.setCountdown(caller, meetingId, body.agendaItemId, body.minutes);
  }

  @Patch('breakout-groups/:id')
  update(@CurrentUser() caller: AuthUser, @UuidParam('id') groupId: string, @ZodBody(updateBreakoutGroupRequest) body: UpdateBreakoutGroupRequest): Promise<Breakout> {
    return this.groups.updateGroup(caller, groupId, body);
  }

  @Get('breakout-groups/:id/messages')
  messages(@CurrentUser() caller: AuthUser, @UuidParam('id') groupId: string): Promise<GroupMessage[]> {
    return this.discussion.messages(caller, groupId);
  }

  /** 201 when created, 200 when this client id was already stored (a retry). */
  @Post('breakout-groups/:id/messages')
  async post(
    @CurrentUser() caller: AuthUser,
    @UuidParam('id') groupId: string,
    @ZodBody(postGroupMessageRequest) body: PostGroupMessageRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<GroupMessage> {
    const { message, created } = await this.discussion.postMessage(caller, groupId, body);
    res.status(created ? 201 : 200);
    return message;
  }

  @Put('breakout-groups/:id/report')
  saveReport(@CurrentUser() caller: AuthUser, @UuidParam('id') groupId: string, @ZodBody(saveGroupReportRequest) body: SaveGroupReportRequest): Promise<Breakout> {
    return this.reports.saveReport(caller, groupId, body);
  }
}
