import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CouncilDetail, CouncilSummary, CreateCouncilRequest, UpdateCouncilRequest } from '@hopso/shared';
import { accountCan, accountRoleOf, councilCan, councilRoleOf } from '@hopso/shared';
import { DomainError, forbidden, notFound } from '../common/domain-error';
import type { AuthUser } from '../auth/auth-user';
import { countUsers, findUsers, toUserSummary } from '../users/users.repository';
import {
  councilExists,
  findCouncil,
  insertCouncil,
  isCouncilStaff,
  listCouncils,
  listCouncilsByIds,
  listStaffOfCouncil,
  listStaffSeatsOf,
  replaceCouncilStaff,
  saveCouncil,
  toCouncilSummary as toSummary,
} from './councils.repository';

@Injectable()
export class CouncilsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(caller: AuthUser): Promise<CouncilSummary[]> {
    if (caller.isAdmin) return (await listCouncils(this.db.manager)).map(toSummary);
    const mine = await listStaffSeatsOf(this.db.manager, caller.id);
    if (mine.length === 0) return [];
    return (await listCouncilsByIds(this.db.manager, mine.map((s) => s.councilId))).map(toSummary);
  }

  async isStaff(userId: string, councilId: string): Promise<boolean> {
    return isCouncilStaff(this.db.manager, userId, councilId);
  }

  async get(caller: AuthUser, id: string): Promise<CouncilDetail> {
    const council = await findCouncil(this.db.manager, id);
    if (!council || !councilCan(councilRoleOf(caller.isAdmin, !caller.isAdmin && (await this.isStaff(caller.id, id))), 'council.read')) throw notFound('Council');
    const staffRows = await listStaffOfCouncil(this.db.manager, id);
    const staffUsers = staffRows.length ? await findUsers(this.db.manager, staffRows.map((s) => s.userId)) : [];
    return { ...toSummary(council), staff: staffUsers.map(toUserSummary) };
  }

  async create(caller: AuthUser, req: CreateCouncilRequest): Promise<CouncilSummary> {
    if (!accountCan(accountRoleOf(caller.isAdmin, false), 'users.manage')) throw forbidden('Only an administrator can create councils');
    return toSummary(await insertCouncil(this.db.manager, req));
  }

  async update(caller: AuthUser, id: string, req: UpdateCouncilRequest): Promise<CouncilSummary> {
    if (!accountCan(accountRoleOf(caller.isAdmin, false), 'users.manage')) throw forbidden('Only an administrator can edit councils');
    const council = await findCouncil(this.db.manager, id);
    if (!council) throw notFound('Council');
    Object.assign(council, req);
    return toSummary(await saveCouncil(this.db.manager, council));
  }

  async setStaff(caller: AuthUser, id: string, userIds: string[]): Promise<CouncilDetail> {
    if (!accountCan(accountRoleOf(caller.isAdmin, false), 'users.manage')) throw forbidden('Only an administrator can set a council secretariat');
    if (!(await councilExists(this.db.manager, id))) throw notFound('Council');
    const unique = [...new Set(userIds)];
    if (unique.length && (await countUsers(this.db.manager, unique)) !== unique.length) {
      throw new DomainError('VALIDATION_FAILED', 'Some of these people do not have an account');
    }
    await this.db.transaction(async (tx) => {
      await replaceCouncilStaff(tx, id, unique);
    });
    return this.get(caller, id);
  }
}
