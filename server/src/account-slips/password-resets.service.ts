import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AccountSlip } from '@hopso/shared';
import type { AuthUser } from '../auth/auth-user';
import { updatePasswordHash } from '../auth/auth.repository';
import { hashPassword } from '../auth/auth.service';
import { SessionsService } from '../auth/sessions.service';
import { AuditService } from '../audit/audit.service';
import { DomainError, notFound } from '../common/domain-error';
import { MeetingAccessService } from '../meetings/meeting-access.service';
import { randomPassword } from '../meetings/participant-import.service';
import { listResetTargets } from './password-resets.repository';

/**
 * "Quên mật khẩu? Hãy liên hệ tổ thư ký": the secretariat of a meeting gives its delegates (and
 * observers, officials) new one-time passwords for account slips. Never an administrator's or a
 * staff member's, never someone who also takes part in another council's meetings (a secretary
 * could otherwise add anyone to their meeting and take over the account); the person's sessions end
 * as with the administrator's reset. All or nothing: one refused person and no password changes.
 */
@Injectable()
export class PasswordResetsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: MeetingAccessService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  async reset(caller: AuthUser, meetingId: string, userIds: string[]): Promise<AccountSlip[]> {
    const { meeting } = await this.access.require(caller, meetingId, 'participants.resetPasswords');
    const ids = [...new Set(userIds)];
    const targets = await listResetTargets(this.db, meetingId, meeting.councilId, ids);
    // someone who is not in this meeting is unknown here, as a random id is
    if (targets.length !== ids.length) throw notFound('Participant');
    const refused = targets.find((t) => t.is_admin || t.staff_anywhere || t.elsewhere || t.id === caller.id);
    if (refused) {
      throw new DomainError(
        'FORBIDDEN',
        `The password of ${refused.full_name} can only be reset by an administrator (an administrator, a member of a secretariat, or someone of another council)`,
      );
    }
    const slips: AccountSlip[] = [];
    const hashed: { id: string; hash: string }[] = [];
    for (const t of targets) {
      const oneTimePassword = randomPassword();
      slips.push({ userId: t.id, fullName: t.full_name, username: t.username, phone: t.phone, oneTimePassword });
      hashed.push({ id: t.id, hash: await hashPassword(oneTimePassword) });
    }
    await this.db.transaction(async (tx) => {
      for (const h of hashed) await updatePasswordHash(tx, h.id, h.hash);
      for (const t of targets) await this.audit.record({ userId: caller.id, action: 'participant.passwordReset', meetingId, targetId: t.id }, tx);
    });
    for (const t of targets) await this.sessions.endAllOf(t.id);
    const order = new Map(ids.map((id, i) => [id, i]));
    return slips.sort((a, b) => order.get(a.userId)! - order.get(b.userId)!);
  }
}
