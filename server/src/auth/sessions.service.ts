import { Global, Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Subject } from 'rxjs';
import { DataSource } from 'typeorm';
import type { AuthUser } from './auth-user';
import { deleteOtherSessionsOf, deleteSession, deleteSessionsOf, findCurrentSession } from './auth.repository';

/** Sessions that ended, or a person whose rights changed: every process drops the matching sockets at once. */
export type SessionsEnded = { sessionIds: string[] } | { userId: string };

/**
 * Where sessions end (logout, a password reset, a change of administrator rights) and where the
 * live layer asks, on every socket request, whether a session still holds and with which rights.
 */
@Injectable()
export class SessionsService {
  readonly ended = new Subject<SessionsEnded>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The session's user as the database knows them now, with its expiry; null once it ended or expired. */
  async current(sessionId: string): Promise<{ user: AuthUser; expiresAt: Date } | null> {
    const row = await findCurrentSession(this.db, sessionId);
    if (!row) return null;
    return { user: { id: row.id, username: row.username, fullName: row.full_name, isAdmin: row.is_admin, sessionId }, expiresAt: new Date(row.expires_at) };
  }

  /** Logout: this session ends over HTTP and on every socket. */
  async end(sessionId: string): Promise<void> {
    await deleteSession(this.db, sessionId);
    this.ended.next({ sessionIds: [sessionId] });
  }

  /** A password reset: every session of the person ends, over HTTP and on every socket. */
  async endAllOf(userId: string): Promise<void> {
    await deleteSessionsOf(this.db, userId);
    this.ended.next({ userId });
  }

  /** A change of one's own password: every other session of the person ends, over HTTP and on every socket. */
  async endOthersOf(userId: string, keepSessionId: string): Promise<void> {
    const rows = await deleteOtherSessionsOf(this.db, userId, keepSessionId);
    if (rows.length > 0) this.ended.next({ sessionIds: rows.map((r) => r.id) });
  }

  /** Rights changed (administrator granted or taken): sessions hold, but sockets reconnect and are judged again. */
  rightsChanged(userId: string): void {
    this.ended.next({ userId });
  }
}

@Global()
@Module({ providers: [SessionsService], exports: [SessionsService] })
export class SessionsModule {}
