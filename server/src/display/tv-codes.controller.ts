import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { createTvCodeRequest, redeemTvCodeRequest, type CreateTvCodeRequest, type RedeemedTvCode, type RedeemTvCodeRequest, type TvCode } from '@hopso/shared';
import { CurrentUser, Public, type AuthUser } from '../auth/auth-user';
import { UuidParam, ZodBody } from '../common/zod';
import { TvCodesService } from './tv-codes.service';

@ApiTags('hall')
@Controller()
export class TvCodesController {
  constructor(private readonly codes: TvCodesService) {}

  @Post('meetings/:id/tv-codes')
  create(@CurrentUser() caller: AuthUser, @UuidParam('id') meetingId: string, @ZodBody(createTvCodeRequest) body: CreateTvCodeRequest): Promise<TvCode> {
    return this.codes.create(caller, meetingId, body);
  }

  /** The TV's /tv page: no login, the short code instead. */
  @Public()
  @Post('tv-codes/redeem')
  @HttpCode(200)
  redeem(@ZodBody(redeemTvCodeRequest) body: RedeemTvCodeRequest, @Req() req: Request): Promise<RedeemedTvCode> {
    return this.codes.redeem(body.code, req.ip ?? req.socket.remoteAddress ?? 'unknown');
  }
}
