import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { AuthedRequest } from '../auth/auth-user';
import { forbidden } from '../common/domain-error';

/**
 * Refuses anyone but an administrator before the multipart body is read (guards run before the
 * upload interceptor): a certificate upload from anyone else costs the server nothing. The service checks again.
 */
@Injectable()
export class AdminUploadGuard implements CanActivate {
  canActivate(ctx: ExecutionContext): boolean {
    const user = ctx.switchToHttp().getRequest<AuthedRequest>().user;
    if (user && !user.isAdmin) throw forbidden('Only an administrator manages signing certificates');
    return true;
  }
}
