import crypto from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hash, verify } from '@node-rs/argon2';
import { DataSource, EntityNotFoundError } from 'typeorm';
import type { ChangePasswordRequest, CurrentUser, LoginRequest, LoginResponse } from '@hopso/shared';
import { APP_CONFIG, type AppConfig } from '../config';
import { DomainError } from '../common/domain-error';
import { UserEntity } from '../users/user.entity';
import { AuditService } from '../audit/audit.service';
import {
  deleteExpiredSessionsOf,
  findAccount,
  findAccountByLogin,
  findSessionUserByTokenHash,
  insertSession,
  listStaffCouncilIds,
  updatePasswordHash,
  type AccountRow,
} from './auth.repository';
import { SessionsService } from './sessions.service';
import type { AuthUser } from './auth-user';
import { LoginLimiterService } from './login-limiter.service';

export const hashPassword = (password: string) => hash(password);

const sha256 = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

@Injectable()
export class AuthService {
  // verifying against a real hash keeps "unknown user" as slow as "wrong password"
  private readonly dummyHash = hash('not-a-real-password');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly limiter: LoginLimiterService,
    private readonly sessionEnds: SessionsService,
  ) {}

  /** `address` is the client's address as Express sees it (HOPSO_TRUST_PROXY decides whose word counts). */
  async login({ login, password }: LoginRequest, address: string): Promise<LoginResponse> {
    const user = await findAccountByLogin(this.db, login);
    // one budget per account, whichever of its identifiers was typed
    const accountKey = user ? `user:${user.id}` : `login:${login.toLowerCase()}`;
    await this.limiter.assertBudget(accountKey, address);
    const ok = user ? await verify(user.password_hash, password) : (await verify(await this.dummyHash, password), false);
    if (!user || !ok) {
      await this.limiter.recordFailure(accountKey, address);
      throw new DomainError('INVALID_CREDENTIALS', 'Wrong username/phone or password');
    }
    const token = crypto.randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.sessionTtlHours * 3600_000);
    await insertSession(this.db, sha256(token), user.id, expiresAt);
    await deleteExpiredSessionsOf(this.db, user.id, new Date());
    await this.audit.record({ userId: user.id, action: 'auth.login' });
    return { token, expiresAt: expiresAt.toISOString(), user: await this.currentUser(user) };
  }

  async logout(user: AuthUser): Promise<void> {
    await this.sessionEnds.end(user.sessionId);
    await this.audit.record({ userId: user.id, action: 'auth.logout' });
  }

  /** The caller's own password; every other session of theirs ends, this one stays. */
  async changePassword(caller: AuthUser, req: ChangePasswordRequest): Promise<void> {
    const user = await this.account(caller.id);
    if (!(await verify(user.password_hash, req.currentPassword))) {
      throw new DomainError('WRONG_PASSWORD', 'The current password is wrong');
    }
    await updatePasswordHash(this.db, user.id, await hashPassword(req.newPassword));
    await this.sessionEnds.endOthersOf(user.id, caller.sessionId);
    await this.audit.record({ userId: user.id, action: 'auth.passwordChanged' });
  }

  /** Resolves a bearer/cookie token to its user; null when unknown or expired. */
  async authenticate(token: string): Promise<AuthUser | null> {
    // every request passes here: plain SQL, no query builder to assemble each time
    const row = await findSessionUserByTokenHash(this.db, sha256(token));
    if (!row) return null;
    return { id: row.id, username: row.username, fullName: row.full_name, isAdmin: row.is_admin, sessionId: row.session_id };
  }

  async me(userId: string): Promise<CurrentUser> {
    const user = await this.account(userId);
    return this.currentUser(user);
  }

  /** The account, or TypeORM's not-found error as before. */
  private async account(userId: string): Promise<AccountRow> {
    const user = await findAccount(this.db, userId);
    if (!user) throw new EntityNotFoundError(UserEntity, { id: userId });
    return user;
  }

  private async currentUser(user: AccountRow): Promise<CurrentUser> {
    return {
      id: user.id,
      username: user.username,
      phone: user.phone,
      fullName: user.full_name,
      isAdmin: user.is_admin,
      staffOfCouncilIds: await listStaffCouncilIds(this.db, user.id),
    };
  }
}
