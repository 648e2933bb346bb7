import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { accountCan, accountRoleOf, USER_SEARCH_SCOPE, type AccountRole, type CreateUserRequest, type UpdateUserRequest, type UserSummary } from '@hopso/shared';
import { DomainError, forbidden, notFound } from '../common/domain-error';
import type { AuthUser } from '../auth/auth-user';
import { hashPassword } from '../auth/auth.service';
import { SessionsService } from '../auth/sessions.service';
import type { UserEntity } from './user.entity';
import { findUser, insertUser, isStaffOfAnyCouncil, phoneTaken, saveUser, searchUsers, toUserSummary, usernameTaken } from './users.repository';

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: SessionsService,
  ) {}

  /** Who the caller is towards accounts (shared/src/roles.ts). */
  async accountRole(caller: AuthUser): Promise<AccountRole> {
    return accountRoleOf(caller.isAdmin, !caller.isAdmin && (await isStaffOfAnyCouncil(this.db.manager, caller.id)));
  }

  /**
   * People search, as the permission table says: administrators reach every account; a council's
   * secretariat only the people of its own councils (their secretariats and the participants of their
   * meetings), so one council's staff cannot list another council's delegates and their phones.
   */
  async search(caller: AuthUser, q: string | undefined): Promise<UserSummary[]> {
    const role = await this.accountRole(caller);
    const scope = USER_SEARCH_SCOPE[role];
    if (!accountCan(role, 'users.search') || scope === 'none') throw forbidden();
    const found = await searchUsers(this.db.manager, q, scope === 'ownCouncils' ? caller.id : null);
    const seesPhones = accountCan(role, 'users.readPhone');
    return found.map((u) => ({ ...toUserSummary(u), phone: seesPhones ? u.phone : null }));
  }

  async create(caller: AuthUser, req: CreateUserRequest): Promise<UserSummary> {
    if (!accountCan(await this.accountRole(caller), 'users.manage')) throw forbidden('Only an administrator can create accounts');
    return toUserSummary(await this.createAccount(req));
  }

  /** Also used by the seed, the participant import and the create-admin command. */
  async createAccount(req: CreateUserRequest, db: EntityManager = this.db.manager): Promise<UserEntity> {
    await this.assertFree(req.username, req.phone ?? null, db);
    return insertUser(db, {
      username: req.username.toLowerCase(),
      fullName: req.fullName,
      phone: req.phone ?? null,
      passwordHash: await hashPassword(req.password),
      isAdmin: req.isAdmin,
    });
  }

  async update(caller: AuthUser, id: string, req: UpdateUserRequest): Promise<UserSummary> {
    if (!accountCan(await this.accountRole(caller), 'users.manage')) throw forbidden('Only an administrator can edit accounts');
    const user = await findUser(this.db.manager, id);
    if (!user) throw notFound('User');
    if (req.phone !== undefined && req.phone !== user.phone) await this.assertFree(null, req.phone ?? null);
    if (req.isAdmin === false && user.id === caller.id) {
      throw new DomainError('CONFLICT', 'You cannot remove your own administrator role');
    }
    const rightsChanged = req.isAdmin !== undefined && req.isAdmin !== user.isAdmin;
    if (req.fullName !== undefined) user.fullName = req.fullName;
    if (req.phone !== undefined) user.phone = req.phone ?? null;
    if (req.isAdmin !== undefined) user.isAdmin = req.isAdmin;
    if (req.password !== undefined) user.passwordHash = await hashPassword(req.password);
    const saved = toUserSummary(await saveUser(this.db.manager, user));
    // a reset password ends every old session (HTTP and sockets); new rights are judged again on reconnect
    if (req.password !== undefined) await this.sessions.endAllOf(user.id);
    else if (rightsChanged) this.sessions.rightsChanged(user.id);
    return saved;
  }

  private async assertFree(username: string | null, phone: string | null, db: EntityManager = this.db.manager): Promise<void> {
    if (username && (await usernameTaken(db, username.toLowerCase()))) {
      throw new DomainError('CONFLICT', `The username "${username}" is already taken`);
    }
    if (phone && (await phoneTaken(db, phone))) {
      throw new DomainError('CONFLICT', `The phone number ${phone} already belongs to another account`);
    }
  }
}
