import crypto from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TV_CODE_FAILURES_PER_MINUTE, TV_CODE_LENGTH, TV_CODE_TTL_SECONDS, type CreateTvCodeRequest, type RedeemedTvCode, type TvCode } from '@hopso/shared';
import type { AuthUser } from '../auth/auth-user';
import { DomainError } from '../common/domain-error';
import { updateReturning } from '../common/update-returning';
import { MeetingAccessService } from '../meetings/meeting-access.service';
import { DisplayLinksService } from './display-links.service';

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
    await this.db.query(`DELETE FROM tv_codes WHERE expires_at < now() - interval '1 day'`);
    for (;;) {
      const code = String(crypto.randomInt(0, 10 ** TV_CODE_LENGTH)).padStart(TV_CODE_LENGTH, '0');
      // a live code is never handed out twice; an expired or used one with the same digits makes way
      await this.db.query('DELETE FROM tv_codes WHERE code_hash = $1 AND (expires_at < now() OR used_at IS NOT NULL)', [sha256(code)]);
      const rows: { expires_at: Date }[] = await this.db.query(
        `INSERT INTO tv_codes (code_hash, meeting_id, label, created_by, expires_at) VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))
         ON CONFLICT (code_hash) DO NOTHING RETURNING expires_at`,
        [sha256(code), meetingId, req.label, caller.id, TV_CODE_TTL_SECONDS],
      );
      if (rows.length) return { code, expiresAt: new Date(rows[0].expires_at).toISOString() };
    }
  }

  /** The display link a live code opens (once); TV_CODE_INVALID for a wrong, used or expired one, TV_CODE_RATE_LIMITED after too many. */
  async redeem(rawCode: string, address: string): Promise<RedeemedTvCode> {
    const [{ n }]: { n: number }[] = await this.db.query(`SELECT count(*)::int AS n FROM tv_code_failures WHERE address = $1 AND at > now() - interval '1 minute'`, [address]);
    if (n >= TV_CODE_FAILURES_PER_MINUTE) throw new DomainError('TV_CODE_RATE_LIMITED', 'Too many wrong codes; wait a minute');
    const code = rawCode.replace(/[\s-]/g, '');
    const [claimed] = await updateReturning<{ meeting_id: string; label: string; created_by: string }>(
      this.db,
      `UPDATE tv_codes SET used_at = now() WHERE code_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING meeting_id, label, created_by`,
      [sha256(code)],
    );
    if (!claimed) {
      await this.db.query('INSERT INTO tv_code_failures (address) VALUES ($1)', [address]);
      await this.db.query(`DELETE FROM tv_code_failures WHERE at < now() - interval '1 day'`);
      throw new DomainError('TV_CODE_INVALID', 'This code is wrong, used or expired');
    }
    const link = await this.links.createFor(claimed.meeting_id, claimed.label, claimed.created_by);
    return { url: link.url! };
  }
}
