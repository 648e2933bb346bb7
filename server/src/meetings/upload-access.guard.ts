import { applyDecorators, CanActivate, ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { z } from 'zod';
import type { MeetingAction } from '@hopso/shared';
import type { AuthedRequest } from '../auth/auth-user';
import { DomainError } from '../common/domain-error';
import { MeetingAccessService } from './meeting-access.service';

interface UploadAccess {
  action: MeetingAction;
  /** The route param naming the meeting, or the document whose meeting it is. */
  of: 'meeting' | 'document';
}

const UPLOAD_ACCESS = 'hopso:uploadAccess';
const uuid = z.string().uuid();

/**
 * Checks the caller's right before the upload body is read: guards run before the interceptor
 * that reads multipart bodies, so a delegate or an outsider is refused without the server taking
 * in a byte of their files. The service checks again; this one only spares the server the upload.
 */
@Injectable()
export class UploadAccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly access: MeetingAccessService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.get<UploadAccess | undefined>(UPLOAD_ACCESS, ctx.getHandler());
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    if (!rule || !req.user) return true;
    const id = uuid.safeParse(req.params.id);
    if (!id.success) throw new DomainError('VALIDATION_FAILED', 'Malformed identifier');
    await this.access.requireFor(req.user, { kind: rule.of, id: id.data }, rule.action);
    return true;
  }
}

/** The caller must be allowed `action` on the meeting (or the document's meeting) named by `:id` before the body is read. */
export const UploadRequires = (action: MeetingAction, of: UploadAccess['of'] = 'meeting') =>
  applyDecorators(SetMetadata(UPLOAD_ACCESS, { action, of } satisfies UploadAccess), UseGuards(UploadAccessGuard));
