import crypto from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { hash, verify } from '@node-rs/argon2';
import { LessThan, Repository } from 'typeorm';
import type { ChangePasswordRequest, CurrentUser, LoginRequest, LoginResponse } from '@hopso/shared';
import { APP_CONFIG, type AppConfig } from '../config';
import { DomainError } from '../common/domain-error';
import { CouncilStaffEntity } from '../councils/council.entity';
import { UserEntity } from '../users/user.entity';
import { AuditService } from '../audit/audit.service';
import { SessionEntity } from './session.entity';
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
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    @InjectRepository(CouncilStaffEntity) private readonly councilStaff: Repository<CouncilStaffEntity>,
    private readonly audit: AuditService,
    private readonly limiter: LoginLimiterService,
    private readonly sessionEnds: SessionsService,
  ) {}

  /** `address` is the client's address as Express sees it (HOPSO_TRUST_PROXY decides whose word counts). */
  async login({ login, password }: LoginRequest, address: string): Promise<LoginResponse> {
    const user = await this.users
      .createQueryBuilder('u')
      .where('u.username = lower(:login) OR u.phone = :login', { login })
      .getOne();
    // one budget per account, whichever of its identifiers was typed
    const accountKey = user ? `user:${user.id}` : `login:${login.toLowerCase()}`;
    await this.limiter.assertBudget(accountKey, address);
    const ok = user ? await verify(user.passwordHash, password) : (await verify(await this.dummyHash, password), false);
    if (!user || !ok) {
      await this.limiter.recordFailure(accountKey, address);
      throw new DomainError('INVALID_CREDENTIALS', 'Wrong username/phone or password');
    }
    const token = crypto.randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.sessionTtlHours * 3600_000);
    await this.sessions.insert({ tokenHash: sha256(token), userId: user.id, expiresAt });
    await this.sessions.delete({ userId: user.id, expiresAt: LessThan(new Date()) });
    await this.audit.record({ userId: user.id, action: 'auth.login' });
    return { token, expiresAt: expiresAt.toISOString(), user: await this.currentUser(user) };
  }

  async logout(user: AuthUser): Promise<void> {
    await this.sessionEnds.end(user.sessionId);
    await this.audit.record({ userId: user.id, action: 'auth.logout' });
  }

  /** The caller's own password; every other session of theirs ends, this one stays. */
  async changePassword(caller: AuthUser, req: ChangePasswordRequest): Promise<void> {
    const user = await this.users.findOneByOrFail({ id: caller.id });
    if (!(await verify(user.passwordHash, req.currentPassword))) {
      throw new DomainError('WRONG_PASSWORD', 'The current password is wrong');
    }
    await this.users.update({ id: user.id }, { passwordHash: await hashPassword(req.newPassword) });
    await this.sessionEnds.endOthersOf(user.id, caller.sessionId);
    await this.audit.record({ userId: user.id, action: 'auth.passwordChanged' });
  }

  /** Resolves a bearer/cookie token to its user; null when unknown or expired. */
  async authenticate(token: string): Promise<AuthUser | null> {
    // every request passes here: plain SQL, no query builder to assemble each time
    const [row]: { session_id: string; id: string; username: string; full_name: string; is_admin: boolean }[] = await this.sessions.query(
      `SELECT s.id AS session_id, u.id, u.username, u.full_name, u.is_admin
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.expires_at > now()`,
      [sha256(token)],
    );
    if (!row) return null;
    return { id: row.id, username: row.username, fullName: row.full_name, isAdmin: row.is_admin, sessionId: row.session_id };
  }

  async me(userId: string): Promise<CurrentUser> {
    const user = await this.users.findOneByOrFail({ id: userId });
    return this.currentUser(user);
  }

  private async currentUser(user: UserEntity): Promise<CurrentUser> {
    const staff = await this.councilStaff.findBy({ userId: user.id });
    return {
      id: user.id,
      username: user.username,
      phone: user.phone,
      fullName: user.fullName,
      isAdmin: user.isAdmin,
      staffOfCouncilIds: staff.map((s) => s.councilId),
    };
  }
}
