import { In, type EntityManager } from 'typeorm';
import type { UserSummary } from '@hopso/shared';
import { CouncilStaffEntity } from '../councils/council.entity';
import { UserEntity } from './user.entity';

/** Users are read and written through their TypeORM entity; `db` is the DataSource's manager or a transaction's. */

export const toUserSummary = (u: UserEntity): UserSummary => ({
  id: u.id,
  username: u.username,
  fullName: u.fullName,
  phone: u.phone,
  isAdmin: u.isAdmin,
});

/** Whether the person sits in any council's secretariat. */
export async function isStaffOfAnyCouncil(db: EntityManager, userId: string): Promise<boolean> {
  return db.getRepository(CouncilStaffEntity).existsBy({ userId });
}

/**
 * Up to 200 accounts by name matching `q` (name, username or phone); with `ownCouncilsOf`, only the people
 * of that person's councils (their secretariats and the participants of their meetings).
 */
export async function searchUsers(db: EntityManager, q: string | undefined, ownCouncilsOf: string | null): Promise<UserEntity[]> {
  const qb = db.getRepository(UserEntity).createQueryBuilder('u').orderBy('u.full_name').limit(200);
  if (q) qb.where('(u.full_name ILIKE :q OR u.username ILIKE :q OR u.phone ILIKE :q)', { q: `%${q}%` });
  if (ownCouncilsOf !== null) {
    qb.andWhere(
      `u.id IN (
         SELECT s.user_id FROM council_staff s WHERE s.council_id IN (SELECT council_id FROM council_staff WHERE user_id = :me)
         UNION
         SELECT p.user_id FROM meeting_participants p JOIN meetings m ON m.id = p.meeting_id
          WHERE m.council_id IN (SELECT council_id FROM council_staff WHERE user_id = :me))`,
      { me: ownCouncilsOf },
    );
  }
  return qb.getMany();
}

export async function insertUser(
  db: EntityManager,
  fields: { username: string; fullName: string; phone: string | null; passwordHash: string; isAdmin: boolean },
): Promise<UserEntity> {
  const users = db.getRepository(UserEntity);
  return users.save(users.create(fields));
}

export async function findUser(db: EntityManager, id: string): Promise<UserEntity | null> {
  return db.getRepository(UserEntity).findOneBy({ id });
}

export async function findUsers(db: EntityManager, ids: string[]): Promise<UserEntity[]> {
  return db.getRepository(UserEntity).findBy({ id: In(ids) });
}

export async function countUsers(db: EntityManager, ids: string[]): Promise<number> {
  return db.getRepository(UserEntity).countBy({ id: In(ids) });
}

export async function saveUser(db: EntityManager, user: UserEntity): Promise<UserEntity> {
  return db.getRepository(UserEntity).save(user);
}

export async function usernameTaken(db: EntityManager, username: string): Promise<boolean> {
  return db.getRepository(UserEntity).existsBy({ username });
}

export async function phoneTaken(db: EntityManager, phone: string): Promise<boolean> {
  return db.getRepository(UserEntity).existsBy({ phone });
}

export async function findUserByPhone(db: EntityManager, phone: string): Promise<UserEntity | null> {
  return db.getRepository(UserEntity).findOneBy({ phone });
}

/** The person's full name alone (null: no such account). */
export async function findUserFullName(db: EntityManager, id: string): Promise<string | null> {
  const user = await db.findOne(UserEntity, { where: { id }, select: { fullName: true } });
  return user?.fullName ?? null;
}
