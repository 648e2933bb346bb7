import { VOTE_CHOICES, type VoteChoice } from '@hopso/shared';
import type { Queryable } from '../common/queryable';
import { CAST_ROLES, ELIGIBLE, type BallotRequest } from './ballots.repository';

/**
 * Secret ballots (bỏ phiếu kín) — threat model.
 *
 * Protected: nobody (chair, secretariat, administrator, someone reading the tables, a dump, the
 * application logs, the event log, the audit log or the exports) can tell what a given voter chose.
 * How: who voted (secret_ballot_voters: vote, voter, no choice, no time) and what was chosen
 * (secret_ballot_tallies: one counter per choice, no voter, no row per ballot) share nothing but the
 * vote. No ballot id, timestamp, sequence or per-ballot event exists to join them: while open, events
 * and screens carry only the number of ballots cast; per-choice counts appear once, at the close. The
 * voter list is always read ordered by name. At the close both tables' rows of the vote are deleted and
 * written again by the closing transaction, voters in id order and counters in choice order, so neither
 * their physical order (ctid) nor their xmin keeps the order or transaction of any ballot, and the
 * client ids are dropped; VACUUM then removes the earlier row versions. The ballot's own answer goes to
 * the voter's socket or request only.
 *
 * Not protected (stated, not solved): whoever controls the server process, or watches the database
 * live (polling the counters while the vote is open, reading WAL or heap pages before VACUUM), sees a
 * ballot as it is counted. A secret ballot is final once cast: changing it would need the link.
 */
const SECRET_BALLOT_SQL = `
  WITH v AS (
         SELECT id, meeting_id, sitting_id FROM votes
          WHERE id = $1 AND kind = 'secret' AND status = 'open' AND (closes_at IS NULL OR closes_at > now())
          FOR SHARE),
       ok AS (%ELIGIBLE%),
       ins AS (INSERT INTO secret_ballot_voters (vote_id, voter_id, client_id) SELECT $1, $2, $4 FROM ok
               ON CONFLICT (vote_id, voter_id) DO NOTHING RETURNING 1),
       counted AS (UPDATE secret_ballot_tallies SET count = count + 1
                    WHERE vote_id = $1 AND choice = $3 AND EXISTS (SELECT 1 FROM ins) RETURNING 1)
  SELECT (SELECT count(*) FROM ok)::int AS ok, (SELECT count(*) FROM counted)::int AS counted,
         (SELECT client_id FROM secret_ballot_voters WHERE vote_id = $1 AND voter_id = $2) AS prior_client_id`;

const SECRET_SQL = SECRET_BALLOT_SQL.replace('%ELIGIBLE%', ELIGIBLE);

/** One statement: the vote open (read FOR SHARE), the caller a present voting member, the voter recorded and one counter raised. */
export async function castSecretBallot(db: Queryable, b: BallotRequest): Promise<{ ok: number; counted: number; prior_client_id: string | null }> {
  const [r] = await db.query(SECRET_SQL, [b.voteId, b.voterId, b.choice, b.clientId, CAST_ROLES]);
  return r;
}

/** The client id of the voter's ballot (until the close drops them); undefined when they have not voted. */
export async function findSecretBallotClientId(db: Queryable, voteId: string, voterId: string): Promise<string | null | undefined> {
  return (await db.query('SELECT client_id FROM secret_ballot_voters WHERE vote_id = $1 AND voter_id = $2', [voteId, voterId]))[0]?.client_id;
}

export async function hasSecretBallot(db: Queryable, voteId: string, voterId: string): Promise<boolean> {
  const [b] = await db.query('SELECT 1 FROM secret_ballot_voters WHERE vote_id = $1 AND voter_id = $2', [voteId, voterId]);
  return !!b;
}

/** Who voted, by name, never in the order of voting. */
export async function listSecretVoters(db: Queryable, voteId: string): Promise<{ user_id: string; full_name: string }[]> {
  return db.query('SELECT s.voter_id AS user_id, u.full_name FROM secret_ballot_voters s JOIN users u ON u.id = s.voter_id WHERE s.vote_id = $1 ORDER BY u.full_name, s.voter_id', [voteId]);
}

export async function countSecretTallies(db: Queryable, voteId: string): Promise<{ choice: VoteChoice; n: number }[]> {
  return db.query('SELECT choice, count AS n FROM secret_ballot_tallies WHERE vote_id = $1', [voteId]);
}

/** A new secret vote's three counters. */
export async function insertSecretTallies(db: Queryable, voteId: string): Promise<void> {
  await db.query('INSERT INTO secret_ballot_tallies (vote_id, choice) SELECT $1, unnest($2::text[])', [voteId, [...VOTE_CHOICES]]);
}

/** A draft that becomes secret gets its counters (kept if it has them). */
export async function ensureSecretTallies(db: Queryable, voteId: string): Promise<void> {
  await db.query('INSERT INTO secret_ballot_tallies (vote_id, choice) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING', [voteId, [...VOTE_CHOICES]]);
}

/** A draft that is no longer secret loses its counters. */
export async function deleteSecretTallies(db: Queryable, voteId: string): Promise<void> {
  await db.query('DELETE FROM secret_ballot_tallies WHERE vote_id = $1', [voteId]);
}

/** Run in the closing transaction, after the vote row is locked closed: rewrites both tables' rows in an order that says nothing. */
export async function rewriteSecretBallots(tx: Queryable, voteId: string): Promise<void> {
  const voters: { voter_id: string }[] = await tx.query('SELECT voter_id FROM secret_ballot_voters WHERE vote_id = $1', [voteId]);
  const tallies: { choice: string; count: number }[] = await tx.query('SELECT choice, count FROM secret_ballot_tallies WHERE vote_id = $1', [voteId]);
  await tx.query('DELETE FROM secret_ballot_voters WHERE vote_id = $1', [voteId]);
  await tx.query('DELETE FROM secret_ballot_tallies WHERE vote_id = $1', [voteId]);
  await tx.query('INSERT INTO secret_ballot_voters (vote_id, voter_id) SELECT $1, v FROM unnest($2::uuid[]) AS v ORDER BY v', [voteId, voters.map((v) => v.voter_id)]);
  await tx.query('INSERT INTO secret_ballot_tallies (vote_id, choice, count) SELECT $1, c, n FROM unnest($2::text[], $3::int[]) AS t(c, n) ORDER BY c', [
    voteId,
    tallies.map((t) => t.choice),
    tallies.map((t) => t.count),
  ]);
}

/** After the closing transaction: the counters' and voter rows' earlier versions (one per ballot) go away. */
export async function vacuumSecretBallots(db: Queryable): Promise<void> {
  await db.query('VACUUM secret_ballot_tallies, secret_ballot_voters');
}
