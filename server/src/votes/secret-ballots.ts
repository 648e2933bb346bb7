import type { EntityManager } from 'typeorm';

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
export const SECRET_BALLOT_SQL = `
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

/** Run in the closing transaction, after the vote row is locked closed: rewrites both tables' rows in an order that says nothing. */
export async function rewriteSecretBallots(tx: Pick<EntityManager, 'query'>, voteId: string): Promise<void> {
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
