import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuditAction, AuditEntry } from '@hopso/shared';
import type { AuditEventEntity } from './audit-event.entity';
import { insertAuditEvent, listAuditEventsOfMeeting, toAuditEntry } from './audit.repository';

export interface AuditRecord {
  userId: string | null;
  action: AuditAction;
  meetingId?: string | null;
  targetId?: string | null;
  meta?: AuditEventEntity['meta'];
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** `tx`: the change's own transaction, so the entry stands or falls with it. */
  async record(r: AuditRecord, tx?: EntityManager): Promise<void> {
    await insertAuditEvent(tx ?? this.db, {
      userId: r.userId,
      action: r.action,
      meetingId: r.meetingId ?? null,
      targetId: r.targetId ?? null,
      meta: r.meta ?? {},
    });
  }

  /** Callers check access first (audit.read on the meeting). */
  async listForMeeting(meetingId: string, limit = 500): Promise<AuditEntry[]> {
    return (await listAuditEventsOfMeeting(this.db, meetingId, limit)).map(toAuditEntry);
  }
}
