import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import { accountCan, accountRoleOf, USER_SEARCH_SCOPE, type AccountRole, type CreateUserRequest, type UpdateUserRequest, type UserSummary } from '@hopso/shared';
import { DomainError, forbidden, notFound } from '../common/domain-error';
import type { AuthUser } from '../auth/auth-user';
import { hashPassword } from '../auth/auth.service';
import { SessionsService } from '../auth/sessions.service';
import { CouncilStaffEntity } from '../councils/council.entity';
import { UserEntity } from './user.entity';

export const toUserSummary = (u: UserEntity): UserSummary => ({
  id: u.id,
  username: u.username,
  fullName: u.fullName,
  phone: u.phone,
  isAdmin: u.isAdmin,
});

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(CouncilStaffEntity) private readonly councilStaff: Repository<CouncilStaffEntity>,
    private readonly sessions: SessionsService,
  ) {}

  /** Who the caller is towards accounts (shared/src/roles.ts). */
  async accountRole(caller: AuthUser): Promise<AccountRole> {
    return accountRoleOf(caller.isAdmin, !caller.isAdmin && (await this.councilStaff.existsBy({ userId: caller.id })));
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
    const qb = this.users.createQueryBuilder('u').orderBy('u.full_name').limit(200);
    if (q) qb.where('(u.full_name ILIKE :q OR u.username ILIKE :q OR u.phone ILIKE :q)', { q: `%${q}%` });
    if (scope === 'ownCouncils') {
      qb.andWhere(
        `u.id IN (
           SELECT s.user_id FROM council_staff s WHERE s.council_id IN (SELECT council_id FROM council_staff WHERE user_id = :me)
           UNION
           SELECT p.user_id FROM meeting_participants p JOIN meetings m ON m.id = p.meeting_id
            WHERE m.council_id IN (SELECT council_id FROM council_staff WHERE user_id = :me))`,
        { me: caller.id },
      );
    }
    const seesPhones = accountCan(role, 'users.readPhone');
    return (await qb.getMany()).map((u) => ({ ...toUserSummary(u), phone: seesPhones ? u.phone : null }));
  }

  async create(caller: AuthUser, req: CreateUserRequest): Promise<UserSummary> {
    if (!accountCan(await this.accountRole(caller), 'users.manage')) throw forbidden('Only an administrator can create accounts');
    return toUserSummary(await this.createAccount(req));
  }

  /** Also used by the seed, the participant import and the create-admin command. */
  async createAccount(req: CreateUserRequest, db: EntityManager = this.users.manager): Promise<UserEntity> {
    const users = db.getRepository(UserEntity);
    await this.assertFree(req.username, req.phone ?? null, users);
    const user = users.create({
      username: req.username.toLowerCase(),
      fullName: req.fullName,
      phone: req.phone ?? null,
      passwordHash: await hashPassword(req.password),
      isAdmin: req.isAdmin,
    });
    return users.save(user);
  }

  async update(caller: AuthUser, id: string, req: UpdateUserRequest): Promise<UserSummary> {
    if (!accountCan(await this.accountRole(caller), 'users.manage')) throw forbidden('Only an administrator can edit accounts');
    const user = await this.users.findOneBy({ id });
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
    const saved = toUserSummary(await this.users.save(user));
    // a reset password ends every old session (HTTP and sockets); new rights are judged again on reconnect
    if (req.password !== undefined) await this.sessions.endAllOf(user.id);
    else if (rightsChanged) this.sessions.rightsChanged(user.id);
    return saved;
  }

  private async assertFree(username: string | null, phone: string | null, users = this.users): Promise<void> {
    if (username && (await users.existsBy({ username: username.toLowerCase() }))) {
      throw new DomainError('CONFLICT', `The username "${username}" is already taken`);
    }
    if (phone && (await users.existsBy({ phone }))) {
      throw new DomainError('CONFLICT', `The phone number ${phone} already belongs to another account`);
    }
  }
}
