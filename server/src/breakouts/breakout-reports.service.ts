import { Injectable } from '@nestjs/common';
import { canWriteGroupReport, type Breakout, type SaveGroupReportRequest } from '@hopso/shared';
import type { AuthUser } from '../auth/auth-user';
import { DomainError, forbidden } from '../common/domain-error';
import { MeetingEventsService } from '../events/meeting-events.service';
import { BreakoutAccessService } from './breakout-access.service';
import { announceBreakout } from './breakout-announce';
import { saveGroupReport } from './breakouts.repository';

/** A group's report: the summary of views its leader (or staff) writes and submits. */
@Injectable()
export class BreakoutReportsService {
  constructor(
    private readonly access: BreakoutAccessService,
    private readonly events: MeetingEventsService,
  ) {}

  /** The leader (or staff) writes the group's summary of views and may submit it. */
  async saveReport(caller: AuthUser, groupId: string, req: SaveGroupReportRequest): Promise<Breakout> {
    const group = await this.access.findReadableGroup(caller, groupId);
    if (!canWriteGroupReport(group.role, group.leader_id === caller.id)) throw forbidden('Only the group leader (tổ trưởng) writes the report');
    if (group.status === 'prepared') throw new DomainError('BREAKOUT_NOT_RUNNING', 'The group discussion has not started yet');
    return this.events.transaction(async (tx, emit) => {
      await saveGroupReport(tx, groupId, req.text, req.submit);
      return announceBreakout(tx, emit, group.agenda_item_id);
    });
  }
}
