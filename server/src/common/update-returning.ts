import type { EntityManager } from 'typeorm';

/** The rows of an UPDATE … RETURNING: TypeORM's postgres driver answers UPDATE and DELETE with [rows, affected]. */
export async function updateReturning<T>(tx: Pick<EntityManager, 'query'>, sql: string, params: unknown[]): Promise<T[]> {
  const result: unknown = await tx.query(sql, params);
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
}
