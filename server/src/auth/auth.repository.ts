import type { Queryable } from '../common/queryable';

/** An account as login and the caller's own page need it. */
export interface AccountRow {
  id: string;
  username: string;
  phone: string | null;
  full_name: string;
  password_hash: string;
  is_admin: boolean;
}

const ACCOUNT_COLUMNS = 'u.id, u.username, u.phone, u.full_name, u.password_hash, u.is_admin';

/** The account whose username (any case) or phone number was typed. */
export async function findAccountByLogin(db: Queryable, login: string): Promise<AccountRow | undefined> {
  const [row]: AccountRow[] = await db.query(`SELECT ${ACCOUNT_COLUMNS} FROM users u WHERE u.username = lower($1) OR u.phone = $1`, [login]);
  return row;
}

export async function findAccount(db: Queryable, userId: string): Promise<AccountRow | undefined> {
  const [row]: AccountRow[] = await db.query(`SELECT ${ACCOUNT_COLUMNS} FROM users u WHERE u.id = $1`, [userId]);
  return row;
}

export async function updatePasswordHash(db: Queryable, userId: string, passwordHash: string): Promise<void> {
  await db.query('UPDATE users SET password_hash = $2 WHERE id = $1', [userId, passwordHash]);
}

/** The councils whose secretariat the person sits in. */
export async function listStaffCouncilIds(db: Queryable, userId: string): Promise<string[]> {
  const rows: { council_id: string }[] = await db.query('SELECT council_id FROM council_staff WHERE user_id = $1', [userId]);
  return rows.map((r) => r.council_id);
}

export async function insertSession(db: Queryable, tokenHash: string, userId: string, expiresAt: Date): Promise<void> {
  await db.query('INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3)', [tokenHash, userId, expiresAt]);
}

/** The person's sessions that expired before `before`. */
export async function deleteExpiredSessionsOf(db: Queryable, userId: string, before: Date): Promise<void> {
  await db.query('DELETE FROM sessions WHERE user_id = $1 AND expires_at < $2', [userId, before]);
}

export interface SessionUserRow {
  session_id: string;
  id: string;
  username: string;
  full_name: string;
  is_admin: boolean;
}

/** The unexpired session holding this token hash, with its user. */
export async function findSessionUserByTokenHash(db: Queryable, tokenHash: string): Promise<SessionUserRow | undefined> {
  const [row]: SessionUserRow[] = await db.query(
    `SELECT s.id AS session_id, u.id, u.username, u.full_name, u.is_admin
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > now()`,
    [tokenHash],
  );
  return row;
}

/** The unexpired session's user as the database knows them now, with its expiry. */
export async function findCurrentSession(
  db: Queryable,
  sessionId: string,
): Promise<{ id: string; username: string; full_name: string; is_admin: boolean; expires_at: Date } | undefined> {
  const [row]: { id: string; username: string; full_name: string; is_admin: boolean; expires_at: Date }[] = await db.query(
    `SELECT u.id, u.username, u.full_name, u.is_admin, s.expires_at
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.id = $1 AND s.expires_at > now()`,
    [sessionId],
  );
  return row;
}

export async function deleteSession(db: Queryable, sessionId: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE id = $1', [sessionId]);
}

export async function deleteSessionsOf(db: Queryable, userId: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
}

/** Every session of the person but one; the ids of those that ended. */
export async function deleteOtherSessionsOf(db: Queryable, userId: string, keepSessionId: string): Promise<{ id: string }[]> {
  return db.query('WITH d AS (DELETE FROM sessions WHERE user_id = $1 AND id <> $2 RETURNING id) SELECT id FROM d', [userId, keepSessionId]);
}

/** Failed logins of the account and of the address within each window. */
export async function countLoginFailures(
  db: Queryable,
  accountKey: string,
  address: string,
  accountWindowSecs: number,
  addressWindowSecs: number,
): Promise<{ account: number; address: number }> {
  const [row]: { account: number; address: number }[] = await db.query(
    `SELECT count(*) FILTER (WHERE account_key = $1 AND at > now() - make_interval(secs => $3))::int AS account,
            count(*) FILTER (WHERE address = $2 AND at > now() - make_interval(secs => $4))::int AS address
       FROM login_failures
      WHERE (account_key = $1 OR address = $2) AND at > now() - make_interval(secs => greatest($3, $4))`,
    [accountKey, address, accountWindowSecs, addressWindowSecs],
  );
  return row;
}

export async function insertLoginFailure(db: Queryable, accountKey: string, address: string): Promise<void> {
  await db.query(`INSERT INTO login_failures (account_key, address) VALUES ($1, $2)`, [accountKey, address]);
}

export async function deleteOldLoginFailures(db: Queryable): Promise<void> {
  await db.query(`DELETE FROM login_failures WHERE at < now() - interval '1 day'`);
}
