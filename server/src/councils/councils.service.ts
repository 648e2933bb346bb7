import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import type { CouncilDetail, CouncilSummary, CreateCouncilRequest, UpdateCouncilRequest } from '@hopso/shared';
import { accountCan, accountRoleOf, councilCan, councilRoleOf } from '@hopso/shared';
import { DomainError, forbidden, notFound } from '../common/domain-error';
import type { AuthUser } from '../auth/auth-user';
import { UserEntity } from '../users/user.entity';
import { toUserSummary } from '../users/users.service';
import { CouncilEntity, CouncilStaffEntity } from './council.entity';

const toSummary = (c: CouncilEntity): CouncilSummary => ({ id: c.id, name: c.name, level: c.level, timeZone: c.timeZone });

@Injectable()
export class CouncilsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(CouncilEntity) private readonly councils: Repository<CouncilEntity>,
    @InjectRepository(CouncilStaffEntity) private readonly staff: Repository<CouncilStaffEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {}

  async list(caller: AuthUser): Promise<CouncilSummary[]> {
    if (caller.isAdmin) return (await this.councils.find({ order: { name: 'ASC' } })).map(toSummary);
    const mine = await this.staff.findBy({ userId: caller.id });
    if (mine.length === 0) return [];
    return (await this.councils.find({ where: { id: In(mine.map((s) => s.councilId)) }, order: { name: 'ASC' } })).map(toSummary);
  }

  async isStaff(userId: string, councilId: string): Promise<boolean> {
    return this.staff.existsBy({ userId, councilId });
  }

  async get(caller: AuthUser, id: string): Promise<CouncilDetail> {
    const council = await this.councils.findOneBy({ id });
    if (!council || !councilCan(councilRoleOf(caller.isAdmin, !caller.isAdmin && (await this.isStaff(caller.id, id))), 'council.read')) throw notFound('Council');
    const staffRows = await this.staff.findBy({ councilId: id });
    const staffUsers = staffRows.length ? await this.users.findBy({ id: In(staffRows.map((s) => s.userId)) }) : [];
    return { ...toSummary(council), staff: staffUsers.map(toUserSummary) };
  }

  async create(caller: AuthUser, req: CreateCouncilRequest): Promise<CouncilSummary> {
    if (!accountCan(accountRoleOf(caller.isAdmin, false), 'users.manage')) throw forbidden('Only an administrator can create councils');
    return toSummary(await this.councils.save(this.councils.create(req)));
  }

  async update(caller: AuthUser, id: string, req: UpdateCouncilRequest): Promise<CouncilSummary> {
    if (!accountCan(accountRoleOf(caller.isAdmin, false), 'users.manage')) throw forbidden('Only an administrator can edit councils');
    const council = await this.councils.findOneBy({ id });
    if (!council) throw notFound('Council');
    Object.assign(council, req);
    return toSummary(await this.councils.save(council));
  }

  async setStaff(caller: AuthUser, id: string, userIds: string[]): Promise<CouncilDetail> {
    if (!accountCan(accountRoleOf(caller.isAdmin, false), 'users.manage')) throw forbidden('Only an administrator can set a council secretariat');
    if (!(await this.councils.existsBy({ id }))) throw notFound('Council');
    const unique = [...new Set(userIds)];
    if (unique.length && (await this.users.countBy({ id: In(unique) })) !== unique.length) {
      throw new DomainError('VALIDATION_FAILED', 'Some of these people do not have an account');
    }
    await this.db.transaction(async (tx) => {
      await tx.delete(CouncilStaffEntity, { councilId: id });
      if (unique.length) await tx.insert(CouncilStaffEntity, unique.map((userId) => ({ councilId: id, userId })));
    });
    return this.get(caller, id);
  }
}
