import { Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  changePasswordRequest,
  loginRequest,
  SESSION_COOKIE,
  type ChangePasswordRequest,
  type CurrentUser as CurrentUserDto,
  type LoginRequest,
  type LoginResponse,
} from '@hopso/shared';
import { ZodBody } from '../common/zod';
import { AuthService } from './auth.service';
import { CurrentUser, Public, type AuthUser } from './auth-user';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@ZodBody(loginRequest) body: LoginRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<LoginResponse> {
    const result = await this.auth.login(body, req.ip ?? req.socket.remoteAddress ?? 'unknown');
    res.cookie(SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: 'lax',
      // over HTTPS (directly, or behind a proxy trusted through HOPSO_TRUST_PROXY) the cookie never travels in clear
      secure: req.secure,
      expires: new Date(result.expiresAt),
      path: '/',
    });
    return result;
  }

  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentUser() user: AuthUser, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(user);
    res.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: req.secure });
  }

  @Get('me')
  me(@CurrentUser() user: AuthUser): Promise<CurrentUserDto> {
    return this.auth.me(user.id);
  }

  /** Đổi mật khẩu: the caller's own password; their other sessions end. */
  @Post('password')
  @HttpCode(204)
  changePassword(@CurrentUser() user: AuthUser, @ZodBody(changePasswordRequest) body: ChangePasswordRequest): Promise<void> {
    return this.auth.changePassword(user, body);
  }
}
