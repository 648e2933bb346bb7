import { In, type EntityManager } from 'typeorm';
import type { CouncilSummary, CreateCouncilRequest } from '@hopso/shared';
import { CouncilEntity, CouncilStaffEntity } from './council.entity';

/** Councils and their secretariats are read and written through their TypeORM entities; `db` is the DataSource's manager or a transaction's. */

export const toCouncilSummary = (c: CouncilEntity): CouncilSummary => ({ id: c.id, name: c.name, level: c.level, timeZone: c.timeZone });

/** Every council, by name. */
export async function listCouncils(db: EntityManager): Promise<CouncilEntity[]> {
  return db.getRepository(CouncilEntity).find({ order: { name: 'ASC' } });
}

/** These councils, by name. */
export async function listCouncilsByIds(db: EntityManager, ids: string[]): Promise<CouncilEntity[]> {
  return db.getRepository(CouncilEntity).find({ where: { id: In(ids) }, order: { name: 'ASC' } });
}

export async function findCouncil(db: EntityManager, id: string): Promise<CouncilEntity | null> {
  return db.getRepository(CouncilEntity).findOneBy({ id });
}

export async function councilExists(db: EntityManager, id: string): Promise<boolean> {
  return db.getRepository(CouncilEntity).existsBy({ id });
}

export async function insertCouncil(db: EntityManager, req: CreateCouncilRequest): Promise<CouncilEntity> {
  const councils = db.getRepository(CouncilEntity);
  return councils.save(councils.create(req));
}

export async function saveCouncil(db: EntityManager, council: CouncilEntity): Promise<CouncilEntity> {
  return db.getRepository(CouncilEntity).save(council);
}

/** The secretariat seats the person holds. */
export async function listStaffSeatsOf(db: EntityManager, userId: string): Promise<CouncilStaffEntity[]> {
  return db.getRepository(CouncilStaffEntity).findBy({ userId });
}

/** The council's secretariat. */
export async function listStaffOfCouncil(db: EntityManager, councilId: string): Promise<CouncilStaffEntity[]> {
  return db.getRepository(CouncilStaffEntity).findBy({ councilId });
}

export async function isCouncilStaff(db: EntityManager, userId: string, councilId: string): Promise<boolean> {
  return db.getRepository(CouncilStaffEntity).existsBy({ userId, councilId });
}

/** The council's secretariat becomes exactly these people (inside the caller's transaction). */
export async function replaceCouncilStaff(tx: EntityManager, councilId: string, userIds: string[]): Promise<void> {
  await tx.delete(CouncilStaffEntity, { councilId });
  if (userIds.length) await tx.insert(CouncilStaffEntity, userIds.map((userId) => ({ councilId, userId })));
}
