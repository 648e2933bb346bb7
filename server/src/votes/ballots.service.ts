import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MEETING_PERMISSIONS, type BallotReceipt, type CastBallotRequest, type VoteChoice, type VoteKind, type VoteTally } from '@hopso/shared';
import type { AuthUser } from '../auth/auth-user';
import { hasVotingRightSql } from '../attendance/voting-right';
import { DomainError, notFound } from '../common/domain-error';
import { MeetingEventsService } from '../events/meeting-events.service';
import { MeetingAccessService } from '../meetings/meeting-access.service';
import { SECRET_BALLOT_SQL } from './secret-ballots';

/** The caller ($2) is a present voting member of the vote's meeting and sitting; roles ($5) from the permission table. */
const ELIGIBLE = `
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

const SECRET_SQL = SECRET_BALLOT_SQL.replace('%ELIGIBLE%', ELIGIBLE);
const CAST_ROLES = [...MEETING_PERMISSIONS['votes.cast']];
const TALLY_COALESCE_MS = 1000;

/**
 * Ballots: one statement on the hot path (the vote is open, the caller a present voting member,
 * the ballot written), shared by REST and the socket. The vote row is read FOR SHARE, so a close
 * (which updates it) waits for ballots in flight and every ballot after it sees the vote closed.
 */
@Injectable()
export class BallotsService implements OnModuleDestroy {
  private readonly logger = new Logger('BallotsService');
  private readonly kinds = new Map<string, { kind: VoteKind; meetingId: string }>();
  private readonly tallyTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: MeetingAccessService,
    private readonly events: MeetingEventsService,
  ) {}

  onModuleDestroy(): void {
    for (const t of this.tallyTimers.values()) clearTimeout(t);
  }

  async cast(caller: Pick<AuthUser, 'id' | 'isAdmin'>, voteId: string, req: CastBallotRequest): Promise<BallotReceipt> {
    const vote = await this.kindOf(voteId);
    const params = [voteId, caller.id, req.choice, req.clientId, CAST_ROLES];
    if (vote.kind === 'named') {
      const [r]: { ok: number; counted: number; prior_choice: VoteChoice | null }[] = await this.db.query(NAMED_BALLOT_SQL, params);
      if (!r.ok) return this.refuse(caller, voteId);
      if (r.counted) {
        this.scheduleTally(vote.meetingId, voteId);
        return { voteId, counted: true, choice: req.choice, replay: false };
      }
      // a retry: the statement's snapshot may predate the first copy (both in flight at once)
      const choice = r.prior_choice ?? (await this.db.query('SELECT choice FROM named_ballots WHERE vote_id = $1 AND voter_id = $2', [voteId, caller.id]))[0]?.choice ?? null;
      return { voteId, counted: true, choice, replay: true };
    }
    if (vote.kind === 'secret') {
      const [r]: { ok: number; counted: number; prior_client_id: string | null }[] = await this.db.query(SECRET_SQL, params);
      if (!r.ok) return this.refuse(caller, voteId);
      if (r.counted) {
        this.scheduleTally(vote.meetingId, voteId);
        return { voteId, counted: true, choice: null, replay: false };
      }
      // a retry: the statement's snapshot may predate the first copy (both in flight at once), so read again
      const prior = r.prior_client_id ?? (await this.db.query('SELECT client_id FROM secret_ballot_voters WHERE vote_id = $1 AND voter_id = $2', [voteId, caller.id]))[0]?.client_id;
      if (prior === req.clientId) return { voteId, counted: true, choice: null, replay: true };
      throw new DomainError('BALLOT_FINAL', 'A secret ballot cannot be changed once it is cast');
    }
    return this.refuse(caller, voteId);
  }

  async tally(voteId: string): Promise<VoteTally> {
    const [r]: { ballots_cast: number; eligible: number }[] = await this.db.query(
      `SELECT CASE v.kind WHEN 'secret' THEN (SELECT count(*)::int FROM secret_ballot_voters s WHERE s.vote_id = v.id)
                          ELSE (SELECT count(*)::int FROM named_ballots b WHERE b.vote_id = v.id) END AS ballots_cast,
              (SELECT count(*)::int FROM meeting_participants p JOIN attendance a ON a.sitting_id = v.sitting_id AND a.user_id = p.user_id
                WHERE p.meeting_id = v.meeting_id AND a.status IN ('hall', 'online') AND ${hasVotingRightSql('p')}) AS eligible
         FROM votes v WHERE v.id = $1`,
      [voteId],
    );
    return { voteId, ballotsCast: r?.ballots_cast ?? 0, eligible: r?.eligible ?? 0 };
  }

  /** Why a ballot was not taken, in the order a person can act on. Nothing was written. */
  private async refuse(caller: Pick<AuthUser, 'id' | 'isAdmin'>, voteId: string): Promise<never> {
    await this.access.requireFor({ ...caller, username: '', fullName: '', sessionId: '' }, { kind: 'vote', id: voteId }, 'votes.cast');
    const [v]: { meeting_id: string; sitting_id: string | null; status: string; kind: VoteKind; overdue: boolean }[] = await this.db.query(
      'SELECT meeting_id, sitting_id, status, kind, (closes_at IS NOT NULL AND closes_at <= now()) AS overdue FROM votes WHERE id = $1',
      [voteId],
    );
    if (!v) throw notFound('Vote');
    if (v.status === 'closed' || v.overdue) throw new DomainError('VOTE_CLOSED', 'This vote has closed; ballots are no longer taken');
    if (v.status !== 'open') throw new DomainError('VOTE_NOT_OPEN', 'This vote has not been opened yet');
    if (v.kind === 'show_of_hands') throw new DomainError('VOTE_NOT_OPEN', 'This vote is by show of hands; the secretariat enters the result');
    const [p]: { right: boolean; present: boolean }[] = await this.db.query(
      `SELECT ${hasVotingRightSql('p')} AS right,
              EXISTS (SELECT 1 FROM attendance a WHERE a.sitting_id = $3 AND a.user_id = p.user_id AND a.status IN ('hall', 'online')) AS present
         FROM meeting_participants p WHERE p.meeting_id = $1 AND p.user_id = $2`,
      [v.meeting_id, caller.id, v.sitting_id],
    );
    if (!p?.right) throw new DomainError('NO_VOTING_RIGHT', 'You do not have a voting right in this meeting');
    if (!p.present) throw new DomainError('NOT_PRESENT', 'Check in to the sitting (Có mặt) before voting');
    throw new DomainError('CONFLICT', 'The ballot could not be taken; try again');
  }

  private async kindOf(voteId: string): Promise<{ kind: VoteKind; meetingId: string }> {
    const known = this.kinds.get(voteId);
    if (known) return known;
    const [v]: { kind: VoteKind; meeting_id: string }[] = await this.db.query('SELECT kind, meeting_id FROM votes WHERE id = $1', [voteId]);
    if (!v) throw notFound('Vote');
    const entry = { kind: v.kind, meetingId: v.meeting_id };
    // a vote's kind and meeting never change
    if (this.kinds.size > 10_000) this.kinds.clear();
    this.kinds.set(voteId, entry);
    return entry;
  }

  /** Ballot counts go out once a second, not once per ballot: 2,000 phones voting must not mean 4 million messages (bench/vote). */
  private scheduleTally(meetingId: string, voteId: string): void {
    if (this.tallyTimers.has(voteId)) return;
    this.tallyTimers.set(
      voteId,
      setTimeout(() => {
        this.tallyTimers.delete(voteId);
        void this.publishTally(meetingId, voteId).catch((e) => this.logger.error(e));
      }, TALLY_COALESCE_MS),
    );
  }

  private async publishTally(meetingId: string, voteId: string): Promise<void> {
    const [open] = await this.db.query(`SELECT 1 FROM votes WHERE id = $1 AND status = 'open'`, [voteId]);
    if (!open) return;
    await this.events.emit(meetingId, 'vote.tally', { tally: await this.tally(voteId) }, { to: 'all' });
  }
}
