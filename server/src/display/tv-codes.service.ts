import crypto from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TV_CODE_FAILURES_PER_MINUTE, TV_CODE_LENGTH, TV_CODE_TTL_SECONDS, type CreateTvCodeRequest, type RedeemedTvCode, type TvCode } from '@hopso/shared';
import type { AuthUser } from '../auth/auth-user';
import { DomainError } from '../common/domain-error';
import { MeetingAccessService } from '../meetings/meeting-access.service';
import { DisplayLinksService } from './display-links.service';
import { claimTvCode, countRecentTvCodeFailures, deleteOldTvCodeFailures, deleteSpentTvCode, deleteStaleTvCodes, insertTvCode, insertTvCodeFailure } from './display.repository';

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

/**
 * Short one-time codes for setting up the hall TV: the secretariat asks for one on the console, the TV
 * types it on /tv and is sent to a new display link. A code lives TV_CODE_TTL_SECONDS and opens once;
 * wrong codes are budgeted per address, so six digits cannot be walked through.
 */
@Injectable()
export class TvCodesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: MeetingAccessService,
    private readonly links: DisplayLinksService,
  ) {}

  async create(caller: AuthUser, meetingId: string, req: CreateTvCodeRequest): Promise<TvCode> {
    await this.access.require(caller, meetingId, 'meeting.update');
    await deleteStaleTvCodes(this.db);
    for (;;) {
      const code = String(crypto.randomInt(0, 10 ** TV_CODE_LENGTH)).padStart(TV_CODE_LENGTH, '0');
      // a live code is never handed out twice; an expired or used one with the same digits makes way
      await deleteSpentTvCode(this.db, sha256(code));
      const rows = await insertTvCode(this.db, { codeHash: sha256(code), meetingId, label: req.label, createdBy: caller.id, ttlSeconds: TV_CODE_TTL_SECONDS });
      if (rows.length) return { code, expiresAt: new Date(rows[0].expires_at).toISOString() };
    }
  }

  /** The display link a live code opens (once); TV_CODE_INVALID for a wrong, used or expired one, TV_CODE_RATE_LIMITED after too many. */
  async redeem(rawCode: string, address: string): Promise<RedeemedTvCode> {
    const n = await countRecentTvCodeFailures(this.db, address);
    if (n >= TV_CODE_FAILURES_PER_MINUTE) throw new DomainError('TV_CODE_RATE_LIMITED', 'Too many wrong codes; wait a minute');
    const code = rawCode.replace(/[\s-]/g, '');
    const claimed = await claimTvCode(this.db, sha256(code));
    if (!claimed) {
      await insertTvCodeFailure(this.db, address);
      await deleteOldTvCodeFailures(this.db);
      throw new DomainError('TV_CODE_INVALID', 'This code is wrong, used or expired');
    }
    const link = await this.links.createFor(claimed.meeting_id, claimed.label, claimed.created_by);
    return { url: link.url! };
  }
}
