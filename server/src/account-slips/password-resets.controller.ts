import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { resetPasswordsRequest, type ResetPasswordsRequest, type ResetPasswordsResult } from '@hopso/shared';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { UuidParam, ZodBody } from '../common/zod';
import { PasswordResetsService } from './password-resets.service';

@ApiTags('participants')
@Controller('meetings')
export class PasswordResetsController {
  constructor(private readonly resets: PasswordResetsService) {}

  /** New one-time passwords for some of the meeting's delegates, answered once as account slips to print. */
  @Post(':id/password-resets')
  @HttpCode(200)
  async reset(@CurrentUser() caller: AuthUser, @UuidParam('id') meetingId: string, @ZodBody(resetPasswordsRequest) body: ResetPasswordsRequest): Promise<ResetPasswordsResult> {
    return { slips: await this.resets.reset(caller, meetingId, body.userIds) };
  }
}
