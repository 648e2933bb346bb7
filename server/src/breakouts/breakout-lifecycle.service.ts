import { Injectable } from '@nestjs/common';
import type { Breakout, BreakoutStatus } from '@hopso/shared';
import type { AuthUser } from '../auth/auth-user';
import { DomainError, notFound } from '../common/domain-error';
import { MeetingEventsService } from '../events/meeting-events.service';
import { BreakoutAccessService } from './breakout-access.service';
import { announceBreakout } from './breakout-announce';
import { countGroupsOfItem, lockBreakoutOfMeeting, moveBreakout, setBreakoutEndsAt } from './breakouts.repository';

/** A breakout's life: prepared → running → ended, moved by staff. */
@Injectable()
export class BreakoutLifecycleService {
  constructor(
    private readonly access: BreakoutAccessService,
    private readonly events: MeetingEventsService,
  ) {}

  async start(caller: AuthUser, meetingId: string, agendaItemId: string): Promise<Breakout> {
    return this.move(caller, meetingId, agendaItemId, 'prepared', 'running');
  }

  async end(caller: AuthUser, meetingId: string, agendaItemId: string): Promise<Breakout> {
    return this.move(caller, meetingId, agendaItemId, 'running', 'ended');
  }

  /** Sets (minutes from now) or takes away the countdown of a running group discussion; everyone who sees the breakout sees it. */
  async setCountdown(caller: AuthUser, meetingId: string, agendaItemId: string, minutes: number | null): Promise<Breakout> {
    await this.access.requireManage(caller, meetingId);
    return this.events.transaction(async (tx, emit) => {
      const row = await lockBreakoutOfMeeting(tx, agendaItemId, meetingId);
      if (!row) throw notFound('Breakout');
      if (row.status !== 'running') throw new DomainError('BREAKOUT_NOT_RUNNING', 'Start the group discussion before setting its countdown');
      await setBreakoutEndsAt(tx, agendaItemId, minutes);
      return announceBreakout(tx, emit, agendaItemId);
    });
  }

  private async move(caller: AuthUser, meetingId: string, agendaItemId: string, from: BreakoutStatus, to: BreakoutStatus): Promise<Breakout> {
    await this.access.requireManage(caller, meetingId);
    return this.events.transaction(async (tx, emit) => {
      const row = await lockBreakoutOfMeeting(tx, agendaItemId, meetingId);
      if (!row) throw notFound('Breakout');
      if (row.status !== from) throw new DomainError('CONFLICT', `The breakout is ${row.status}; it cannot become ${to}`);
      const n = await countGroupsOfItem(tx, agendaItemId);
      if (to === 'running' && n === 0) throw new DomainError('CONFLICT', 'Make the groups before starting the breakout');
      await moveBreakout(tx, agendaItemId, to);
      return announceBreakout(tx, emit, agendaItemId);
    });
  }
}
