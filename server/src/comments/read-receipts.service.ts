import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ReadReceipt } from '@hopso/shared';
import type { AuthUser } from '../auth/auth-user';
import { DocumentsService } from '../documents/documents.service';

/** Per delegate, per document: when they opened it, from the audit log (staff only). */
@Injectable()
export class ReadReceiptsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly documents: DocumentsService,
  ) {}

  async readReceipts(caller: AuthUser, documentId: string): Promise<ReadReceipt[]> {
    const { doc } = await this.documents.requireDocument(caller, documentId, 'readReceipts.read');
    const rows: { user_id: string; full_name: string; unit: string; first_at: Date | null; last_at: Date | null; views: number }[] = await this.db.query(
      `SELECT p.user_id, u.full_name, p.unit, min(e.at) AS first_at, max(e.at) AS last_at, count(e.id)::int AS views
         FROM meeting_participants p
         JOIN users u ON u.id = p.user_id
         LEFT JOIN audit_events e ON e.user_id = p.user_id AND e.target_id = $2 AND e.action IN ('document.view', 'document.download')
        WHERE p.meeting_id = $1 AND p.role = 'delegate'
        GROUP BY p.user_id, u.full_name, p.unit
        ORDER BY min(e.at) NULLS LAST, u.full_name`,
      [doc.meetingId, documentId],
    );
    return rows.map((r) => ({
      userId: r.user_id,
      fullName: r.full_name,
      unit: r.unit,
      firstOpenedAt: r.first_at ? new Date(r.first_at).toISOString() : null,
      lastOpenedAt: r.last_at ? new Date(r.last_at).toISOString() : null,
      views: r.views,
    }));
  }
}
