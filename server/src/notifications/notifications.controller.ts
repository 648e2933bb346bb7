import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { NotificationList } from '@hopso/shared';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { UuidParam } from '../common/zod';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  /** The caller's newest notifications (only what they may see now) and how many are unread. */
  @Get()
  list(@CurrentUser() caller: AuthUser): Promise<NotificationList> {
    return this.notifications.list(caller);
  }

  @Post('read-all')
  @HttpCode(200)
  readAll(@CurrentUser() caller: AuthUser): Promise<NotificationList> {
    return this.notifications.markAllRead(caller);
  }

  @Post(':id/read')
  @HttpCode(200)
  read(@CurrentUser() caller: AuthUser, @UuidParam('id') id: string): Promise<NotificationList> {
    return this.notifications.markRead(caller, id);
  }
}
