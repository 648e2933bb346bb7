import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user';
import { notFound } from '../../common/domain-error';
import { documentReadable } from '../../documents/document-release';
import { MeetingAccessService } from '../../meetings/meeting-access.service';
import { SignaturesService } from '../../signatures/signatures.service';
import { FILE_STORAGE, type FileStorage } from '../../storage/file-storage';
import { dateLine } from '../format/admin-document';
import { findAdoptedVersion } from '../records.repository';
import { signRecord } from '../sign-record';

/**
 * An adopted resolution as the council issues it: the very file of the version the passed vote
 * adopted, signed (PAdES) with the council's certificate. Unsigned when the council has no usable
 * certificate, and as uploaded when that file carries signatures of its own.
 */
@Injectable()
export class AdoptedResolutionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly access: MeetingAccessService,
    private readonly signatures: SignaturesService,
  ) {}

  async signedFile(caller: AuthUser, versionId: string): Promise<{ body: Buffer; fileName: string }> {
    const r = await findAdoptedVersion(this.db, versionId);
    if (!r) throw notFound('Adopted resolution');
    const { meeting, role } = await this.access.require(caller, r.meeting_id, 'records.readFinal');
    if (!documentReadable(role, { state: r.state, releaseAt: r.release_at }, meeting)) throw notFound('Adopted resolution');
    const pdf = await this.storage.read(r.file_key);
    const reason = `${r.title} (phiên bản ${r.version_no}) được thông qua ${dateLine(new Date(r.adopted_at), r.time_zone)}: ${r.question}`;
    return { body: await signRecord(this.signatures, r.council_id, pdf, { reason }, { keepIfSigned: true }), fileName: `${r.title} (đã thông qua)` };
  }
}
