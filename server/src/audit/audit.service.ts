import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import type { AuditAction, AuditEntry } from '@hopso/shared';
import { UserEntity } from '../users/user.entity';
import { AuditEventEntity } from './audit-event.entity';

export interface AuditRecord {
  userId: string | null;
  action: AuditAction;
  meetingId?: string | null;
  targetId?: string | null;
  meta?: AuditEventEntity['meta'];
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEventEntity) private readonly events: Repository<AuditEventEntity>) {}

  /** `tx`: the change's own transaction, so the entry stands or falls with it. */
  async record(r: AuditRecord, tx?: EntityManager): Promise<void> {
    await (tx ? tx.getRepository(AuditEventEntity) : this.events).insert({
      userId: r.userId,
      action: r.action,
      meetingId: r.meetingId ?? null,
      targetId: r.targetId ?? null,
      meta: r.meta ?? {},
    });
  }

  /** Callers check access first (audit.read on the meeting). */
  async listForMeeting(meetingId: string, limit = 500): Promise<AuditEntry[]> {
    const rows = await this.events
      .createQueryBuilder('e')
      .leftJoin(UserEntity, 'u', 'u.id = e.user_id')
      .select(['e.id AS id', 'e.at AS at', 'e.user_id AS user_id', 'u.full_name AS user_name', 'e.action AS action', 'e.meeting_id AS meeting_id', 'e.target_id AS target_id', 'e.meta AS meta'])
      .where('e.meeting_id = :meetingId', { meetingId })
      .orderBy('e.at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .limit(limit)
      .getRawMany<{ id: string; at: Date; user_id: string | null; user_name: string | null; action: AuditAction; meeting_id: string | null; target_id: string | null; meta: AuditEntry['meta'] }>();
    return rows.map((r) => ({
      id: String(r.id),
      at: new Date(r.at).toISOString(),
      userId: r.user_id,
      userName: r.user_name,
      action: r.action,
      meetingId: r.meeting_id,
      targetId: r.target_id,
      meta: r.meta,
    }));
  }
}
