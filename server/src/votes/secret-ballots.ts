/**
 * Secret ballots (bỏ phiếu kín) — threat model.
 *
 * Protected: nobody (chair, secretariat, administrator, someone reading the tables, a dump, the
 * application logs, the event log, the audit log or the exports) can tell what a given voter chose.
 * How: who voted (secret_ballot_voters: vote, voter, no choice, no time) and what was chosen
 * (secret_ballot_tallies: one counter per choice, no voter, no row per ballot) share nothing but the
 * vote. No ballot id, timestamp, sequence or per-ballot event exists to join them: while open, events
 * and screens carry only the number of ballots cast; per-choice counts appear once, at the close. The
 * voter list is always read ordered by name. At the close the voter rows and counters are rewritten
 * by the closing transaction (so their xmin is the close's, not the ballot's) and the client ids are
 * dropped; VACUUM then removes the earlier row versions. The ballot's own answer goes to the voter's
 * socket or request only.
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

/** Run in the closing transaction, after the vote row is locked closed. */
export const SECRET_CLOSE_SQL = [
  `UPDATE secret_ballot_voters SET client_id = NULL WHERE vote_id = $1`,
  `UPDATE secret_ballot_tallies SET count = count WHERE vote_id = $1`,
];
