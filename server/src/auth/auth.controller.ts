import { Controller, Get, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { loginRequest, SESSION_COOKIE, type CurrentUser as CurrentUserDto, type LoginRequest, type LoginResponse } from '@hopso/shared';
import { ZodBody } from '../common/zod';
import { AuthService } from './auth.service';
import { CurrentUser, Public, type AuthUser } from './auth-user';
import { LoginThrottlerGuard } from './login-throttler.guard';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @UseGuards(LoginThrottlerGuard)
  @Post('login')
  @HttpCode(200)
  async login(@ZodBody(loginRequest) body: LoginRequest, @Res({ passthrough: true }) res: Response): Promise<LoginResponse> {
    const result = await this.auth.login(body);
    res.cookie(SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: false,
      expires: new Date(result.expiresAt),
      path: '/',
    });
    return result;
  }

  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(user);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('me')
  me(@CurrentUser() user: AuthUser): Promise<CurrentUserDto> {
    return this.auth.me(user.id);
  }
}
