import type { Queryable } from '../common/queryable';

/** Whether the database answers (throws when it does not). */
export async function pingDatabase(db: Queryable): Promise<void> {
  await db.query('SELECT 1');
}
