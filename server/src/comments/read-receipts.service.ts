import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ReadReceipt } from '@hopso/shared';
import type { AuthUser } from '../auth/auth-user';
import { DocumentsService } from '../documents/documents.service';
import { listReadReceipts, toReadReceipt } from './comments.repository';

/** Per delegate, per document: when they opened it, from the audit log (staff only). */
@Injectable()
export class ReadReceiptsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly documents: DocumentsService,
  ) {}

  async readReceipts(caller: AuthUser, documentId: string): Promise<ReadReceipt[]> {
    const { doc } = await this.documents.requireDocument(caller, documentId, 'readReceipts.read');
    const rows = await listReadReceipts(this.db, doc.meetingId, documentId);
    return rows.map(toReadReceipt);
  }
}
