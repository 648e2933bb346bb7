import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { SESSION_COOKIE } from '@hopso/shared';
import { DomainError } from '../common/domain-error';
import { AuthService } from './auth.service';
import { IS_PUBLIC, type AuthedRequest } from './auth-user';

export function tokenFromRequest(req: AuthedRequest): string | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || null;
  const cookies = (req as { cookies?: Record<string, string> }).cookies;
  return cookies?.[SESSION_COOKIE] || null;
}

/** Global guard: every route needs a valid session unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [ctx.getHandler(), ctx.getClass()]);
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const token = tokenFromRequest(req);
    const user = token ? await this.auth.authenticate(token) : null;
    if (user) req.user = user;
    if (isPublic) return true;
    if (!user) throw new DomainError('UNAUTHENTICATED', 'Please log in (your session is missing or has expired)');
    return true;
  }
}
