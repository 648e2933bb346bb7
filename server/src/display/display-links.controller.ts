import { Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createDisplayLinkRequest, type CreateDisplayLinkRequest, type DisplayLink, type HallState } from '@hopso/shared';
import { CurrentUser, Public, type AuthUser } from '../auth/auth-user';
import { UuidParam, ZodBody } from '../common/zod';
import { DisplayLinksService } from './display-links.service';

@ApiTags('hall')
@Controller()
export class DisplayLinksController {
  constructor(private readonly links: DisplayLinksService) {}

  @Get('meetings/:id/display-links')
  list(@CurrentUser() caller: AuthUser, @UuidParam('id') meetingId: string): Promise<DisplayLink[]> {
    return this.links.list(caller, meetingId);
  }

  @Post('meetings/:id/display-links')
  create(@CurrentUser() caller: AuthUser, @UuidParam('id') meetingId: string, @ZodBody(createDisplayLinkRequest) body: CreateDisplayLinkRequest): Promise<DisplayLink> {
    return this.links.create(caller, meetingId, body);
  }

  @Delete('display-links/:id')
  @HttpCode(204)
  revoke(@CurrentUser() caller: AuthUser, @UuidParam('id') id: string): Promise<void> {
    return this.links.revoke(caller, id);
  }

  /** The hall screen: no login, the display link's token instead. */
  @Public()
  @Get('hall/:meetingId')
  hall(@UuidParam('meetingId') meetingId: string, @Query('token') token?: string): Promise<HallState> {
    return this.links.hallState(meetingId, typeof token === 'string' ? token : undefined);
  }
}
