import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { CreateUserRequest, UpdateUserRequest, UserSummary } from '@hopso/shared';
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

  /** Administrators, and council secretariat picking participants, may search people. */
  async search(caller: AuthUser, q: string | undefined): Promise<UserSummary[]> {
    if (!caller.isAdmin && (await this.councilStaff.countBy({ userId: caller.id })) === 0) throw forbidden();
    const qb = this.users.createQueryBuilder('u').orderBy('u.full_name').limit(200);
    if (q) qb.where('u.full_name ILIKE :q OR u.username ILIKE :q OR u.phone ILIKE :q', { q: `%${q}%` });
    return (await qb.getMany()).map(toUserSummary);
  }

  async create(caller: AuthUser, req: CreateUserRequest): Promise<UserSummary> {
    if (!caller.isAdmin) throw forbidden('Only an administrator can create accounts');
    return toUserSummary(await this.createAccount(req));
  }

  /** Also used by the seed, the participant import and the create-admin command. */
  async createAccount(req: CreateUserRequest): Promise<UserEntity> {
    await this.assertFree(req.username, req.phone ?? null);
    const user = this.users.create({
      username: req.username.toLowerCase(),
      fullName: req.fullName,
      phone: req.phone ?? null,
      passwordHash: await hashPassword(req.password),
      isAdmin: req.isAdmin,
    });
    return this.users.save(user);
  }

  async update(caller: AuthUser, id: string, req: UpdateUserRequest): Promise<UserSummary> {
    if (!caller.isAdmin) throw forbidden('Only an administrator can edit accounts');
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

  private async assertFree(username: string | null, phone: string | null): Promise<void> {
    if (username && (await this.users.existsBy({ username: username.toLowerCase() }))) {
      throw new DomainError('CONFLICT', `The username "${username}" is already taken`);
    }
    if (phone && (await this.users.existsBy({ phone }))) {
      throw new DomainError('CONFLICT', `The phone number ${phone} already belongs to another account`);
    }
  }
}
