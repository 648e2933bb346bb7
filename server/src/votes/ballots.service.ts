import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { BallotReceipt, CastBallotRequest, VoteKind, VoteTally } from '@hopso/shared';
import type { AuthUser } from '../auth/auth-user';
import { DomainError, notFound } from '../common/domain-error';
import { MeetingEventsService } from '../events/meeting-events.service';
import { MeetingAccessService } from '../meetings/meeting-access.service';
import { castNamedBallot, countTally, findNamedChoice, findVoteKind, findVoteState, findVoterStanding, isVoteOpen } from './ballots.repository';
import { castSecretBallot, findSecretBallotClientId } from './secret-ballots.repository';

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
    const ballot = { voteId, voterId: caller.id, choice: req.choice, clientId: req.clientId };
    if (vote.kind === 'named') {
      const r = await castNamedBallot(this.db, ballot);
      if (!r.ok) return this.refuse(caller, voteId);
      if (r.counted) {
        this.scheduleTally(vote.meetingId, voteId);
        return { voteId, counted: true, choice: req.choice, replay: false };
      }
      // a retry: the statement's snapshot may predate the first copy (both in flight at once)
      const choice = r.prior_choice ?? (await findNamedChoice(this.db, voteId, caller.id)) ?? null;
      return { voteId, counted: true, choice, replay: true };
    }
    if (vote.kind === 'secret') {
      const r = await castSecretBallot(this.db, ballot);
      if (!r.ok) return this.refuse(caller, voteId);
      if (r.counted) {
        this.scheduleTally(vote.meetingId, voteId);
        return { voteId, counted: true, choice: null, replay: false };
      }
      // a retry: the statement's snapshot may predate the first copy (both in flight at once), so read again
      const prior = r.prior_client_id ?? (await findSecretBallotClientId(this.db, voteId, caller.id));
      if (prior === req.clientId) return { voteId, counted: true, choice: null, replay: true };
      throw new DomainError('BALLOT_FINAL', 'A secret ballot cannot be changed once it is cast');
    }
    return this.refuse(caller, voteId);
  }

  async tally(voteId: string): Promise<VoteTally> {
    const r = await countTally(this.db, voteId);
    return { voteId, ballotsCast: r?.ballots_cast ?? 0, eligible: r?.eligible ?? 0 };
  }

  /** Why a ballot was not taken, in the order a person can act on. Nothing was written. */
  private async refuse(caller: Pick<AuthUser, 'id' | 'isAdmin'>, voteId: string): Promise<never> {
    await this.access.requireFor({ ...caller, username: '', fullName: '', sessionId: '' }, { kind: 'vote', id: voteId }, 'votes.cast');
    const v = await findVoteState(this.db, voteId);
    if (!v) throw notFound('Vote');
    if (v.status === 'closed' || v.overdue) throw new DomainError('VOTE_CLOSED', 'This vote has closed; ballots are no longer taken');
    if (v.status !== 'open') throw new DomainError('VOTE_NOT_OPEN', 'This vote has not been opened yet');
    if (v.kind === 'show_of_hands') throw new DomainError('VOTE_NOT_OPEN', 'This vote is by show of hands; the secretariat enters the result');
    const p = await findVoterStanding(this.db, v.meeting_id, caller.id, v.sitting_id);
    if (!p?.right) throw new DomainError('NO_VOTING_RIGHT', 'You do not have a voting right in this meeting');
    if (!p.present) throw new DomainError('NOT_PRESENT', 'Check in to the sitting (Có mặt) before voting');
    throw new DomainError('CONFLICT', 'The ballot could not be taken; try again');
  }

  private async kindOf(voteId: string): Promise<{ kind: VoteKind; meetingId: string }> {
    const known = this.kinds.get(voteId);
    if (known) return known;
    const v = await findVoteKind(this.db, voteId);
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
    if (!(await isVoteOpen(this.db, voteId))) return;
    await this.events.emit(meetingId, 'vote.tally', { tally: await this.tally(voteId) }, { to: 'all' });
  }
}
