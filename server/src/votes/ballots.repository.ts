import { MEETING_PERMISSIONS, type VoteChoice, type VoteKind } from '@hopso/shared';
import { hasVotingRightSql } from '../attendance/voting-right';
import type { Queryable } from '../common/queryable';

/** The caller ($2) is a present voting member of the vote's meeting and sitting; roles ($5) from the permission table. */
export const ELIGIBLE = `
  SELECT 1 FROM v
    JOIN meeting_participants p ON p.meeting_id = v.meeting_id AND p.user_id = $2 AND p.role = ANY($5) AND ${hasVotingRightSql('p')}
    JOIN attendance a ON a.sitting_id = v.sitting_id AND a.user_id = $2 AND a.status IN ('hall', 'online')`;

/** Change of choice until the close; a client id already seen is a retry and changes nothing. */
const NAMED_BALLOT_SQL = `
  WITH v AS (
         SELECT id, meeting_id, sitting_id FROM votes
          WHERE id = $1 AND kind = 'named' AND status = 'open' AND (closes_at IS NULL OR closes_at > now())
          FOR SHARE),
       ok AS (${ELIGIBLE}),
       ins AS (INSERT INTO named_ballots (vote_id, voter_id, choice, client_ids) SELECT $1, $2, $3, ARRAY[$4::uuid] FROM ok
               ON CONFLICT (vote_id, voter_id) DO UPDATE
                 SET choice = EXCLUDED.choice, client_ids = named_ballots.client_ids || EXCLUDED.client_ids, changed_at = now()
               WHERE NOT ($4::uuid = ANY (named_ballots.client_ids))
               RETURNING choice)
  SELECT (SELECT count(*) FROM ok)::int AS ok, (SELECT count(*) FROM ins)::int AS counted,
         (SELECT choice FROM named_ballots WHERE vote_id = $1 AND voter_id = $2) AS prior_choice`;

/** Who may cast a ballot, from the permission table. */
export const CAST_ROLES = [...MEETING_PERMISSIONS['votes.cast']];

export interface BallotRequest {
  voteId: string;
  voterId: string;
  choice: VoteChoice;
  clientId: string;
}

/** One statement: the vote open (read FOR SHARE), the caller a present voting member, the ballot written or changed. */
export async function castNamedBallot(db: Queryable, b: BallotRequest): Promise<{ ok: number; counted: number; prior_choice: VoteChoice | null }> {
  const [r] = await db.query(NAMED_BALLOT_SQL, [b.voteId, b.voterId, b.choice, b.clientId, CAST_ROLES]);
  return r;
}

export async function findNamedChoice(db: Queryable, voteId: string, voterId: string): Promise<VoteChoice | undefined> {
  const [b]: { choice: VoteChoice }[] = await db.query('SELECT choice FROM named_ballots WHERE vote_id = $1 AND voter_id = $2', [voteId, voterId]);
  return b?.choice;
}

/** Named ballots with the voter's name and unit, by name. */
export async function listNamedBallots(db: Queryable, voteId: string, meetingId: string): Promise<{ user_id: string; full_name: string; unit: string; choice: VoteChoice }[]> {
  return db.query(
    `SELECT b.voter_id AS user_id, u.full_name, COALESCE(p.unit, '') AS unit, b.choice FROM named_ballots b JOIN users u ON u.id = b.voter_id
           LEFT JOIN meeting_participants p ON p.meeting_id = $2 AND p.user_id = b.voter_id
          WHERE b.vote_id = $1 ORDER BY u.full_name, b.voter_id`,
    [voteId, meetingId],
  );
}

export async function countNamedChoices(db: Queryable, voteId: string): Promise<{ choice: VoteChoice; n: number }[]> {
  return db.query('SELECT choice, count(*)::int AS n FROM named_ballots WHERE vote_id = $1 GROUP BY choice', [voteId]);
}

/** Ballots cast so far and the present voting members who may cast one. */
export async function countTally(db: Queryable, voteId: string): Promise<{ ballots_cast: number; eligible: number } | undefined> {
  const [r]: { ballots_cast: number; eligible: number }[] = await db.query(
    `SELECT CASE v.kind WHEN 'secret' THEN (SELECT count(*)::int FROM secret_ballot_voters s WHERE s.vote_id = v.id)
                          ELSE (SELECT count(*)::int FROM named_ballots b WHERE b.vote_id = v.id) END AS ballots_cast,
              (SELECT count(*)::int FROM meeting_participants p JOIN attendance a ON a.sitting_id = v.sitting_id AND a.user_id = p.user_id
                WHERE p.meeting_id = v.meeting_id AND a.status IN ('hall', 'online') AND ${hasVotingRightSql('p')}) AS eligible
         FROM votes v WHERE v.id = $1`,
    [voteId],
  );
  return r;
}

/** What a refused ballot is checked against: the vote's state. */
export async function findVoteState(
  db: Queryable,
  voteId: string,
): Promise<{ meeting_id: string; sitting_id: string | null; status: string; kind: VoteKind; overdue: boolean } | undefined> {
  const [v] = await db.query('SELECT meeting_id, sitting_id, status, kind, (closes_at IS NOT NULL AND closes_at <= now()) AS overdue FROM votes WHERE id = $1', [voteId]);
  return v;
}

/** What a refused ballot is checked against: the caller's voting right and presence in the sitting. */
export async function findVoterStanding(db: Queryable, meetingId: string, userId: string, sittingId: string | null): Promise<{ right: boolean; present: boolean } | undefined> {
  const [p]: { right: boolean; present: boolean }[] = await db.query(
    `SELECT ${hasVotingRightSql('p')} AS right,
              EXISTS (SELECT 1 FROM attendance a WHERE a.sitting_id = $3 AND a.user_id = p.user_id AND a.status IN ('hall', 'online')) AS present
         FROM meeting_participants p WHERE p.meeting_id = $1 AND p.user_id = $2`,
    [meetingId, userId, sittingId],
  );
  return p;
}

export async function findVoteKind(db: Queryable, voteId: string): Promise<{ kind: VoteKind; meeting_id: string } | undefined> {
  const [v]: { kind: VoteKind; meeting_id: string }[] = await db.query('SELECT kind, meeting_id FROM votes WHERE id = $1', [voteId]);
  return v;
}

export async function isVoteOpen(db: Queryable, voteId: string): Promise<boolean> {
  const [open] = await db.query(`SELECT 1 FROM votes WHERE id = $1 AND status = 'open'`, [voteId]);
  return !!open;
}
