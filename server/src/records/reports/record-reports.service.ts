import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { paragraphName } from '@hopso/shared';
import type { AuthUser } from '../../auth/auth-user';
import { notFound } from '../../common/domain-error';
import { MeetingAccessService } from '../../meetings/meeting-access.service';
import type { AdminDocument } from '../format/admin-document';
import { documentOfMeetingExists, findDocumentMeeting, findDocumentMeetingId, findReportHead, listMeetingGroupReports, listReportComments, listReportDocuments } from './record-reports.repository';
import { type Synthesis, type SynthesisDocumentPart, type SynthesisItem, explanationDocument, synthesisDocument } from './synthesis-document';

/**
 * The meeting-wide reports, read through this domain's own queries (the comments and breakouts
 * services are not asked): the synthesis of comments and the explanation report of a draft.
 */
@Injectable()
export class RecordReportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: MeetingAccessService,
  ) {}

  async synthesis(caller: AuthUser, meetingId: string, opts: { documentId?: string; anonymous: boolean }): Promise<AdminDocument> {
    await this.access.require(caller, meetingId, 'comments.readAll');
    if (opts.documentId) await this.requireDocumentOf(meetingId, opts.documentId);
    return synthesisDocument(await this.gather(caller, meetingId, opts.documentId ?? null, opts.anonymous));
  }

  /** The same report for one document (GET /documents/:id/report as DOCX or PDF): its counts per status and per tổ, its structure labels. */
  async synthesisOfDocument(caller: AuthUser, documentId: string): Promise<AdminDocument> {
    const d = await findDocumentMeetingId(this.db, documentId);
    if (!d) throw notFound('Document');
    return this.synthesis(caller, d.meeting_id, { documentId, anonymous: false });
  }

  async explanation(caller: AuthUser, documentId: string, anonymous: boolean): Promise<{ doc: AdminDocument; title: string }> {
    await this.access.requireFor(caller, { kind: 'document', id: documentId }, 'comments.readAll');
    const d = await findDocumentMeeting(this.db, documentId);
    if (!d) throw notFound('Document');
    return { doc: explanationDocument(await this.gather(caller, d.meeting_id, documentId, anonymous)), title: d.title };
  }

  private async requireDocumentOf(meetingId: string, documentId: string): Promise<void> {
    if (!(await documentOfMeetingExists(this.db, documentId, meetingId))) throw notFound('Document');
  }

  private async gather(caller: AuthUser, meetingId: string, documentId: string | null, anonymous: boolean): Promise<Synthesis> {
    const head = await findReportHead(this.db, meetingId);
    const docs = await listReportDocuments(this.db, meetingId, documentId);
    const rows = await listReportComments(this.db, meetingId, documentId);
    const groups = await listMeetingGroupReports(this.db, meetingId);
    const items: SynthesisItem[] = [];
    const byItem = new Map<string | null, SynthesisItem>();
    for (const d of docs) {
      let item = byItem.get(d.agenda_item_id);
      if (!item) {
        item = {
          title: d.agenda_item_id ? d.item_title : null,
          presenter: d.presenter ?? '',
          documents: [],
          groupReports: groups.filter((g) => g.agenda_item_id === d.agenda_item_id).map((g) => ({ groupName: g.name, text: g.report_text, submitted: g.report_submitted_at !== null })),
        };
        items.push(item);
        byItem.set(d.agenda_item_id, item);
      }
      const part: SynthesisDocumentPart = { id: d.id, title: d.title, versionNo: d.version_no, sections: [] };
      for (const r of rows.filter((x) => x.document_id === d.id)) {
        const index = r.on_current ? r.paragraph_index : null;
        let section = part.sections.find((s) => s.paragraphIndex === index);
        if (!section) {
          section = { paragraphIndex: index, page: r.on_current ? r.page : null, label: r.on_current ? r.label : null, paragraphText: r.on_current ? (r.paragraph_text ?? '') : '', comments: [], oldPlaces: [] };
          part.sections.push(section);
        }
        section.comments.push({ authorId: r.author_id, author: r.author, unit: r.unit ?? '', group: r.group_name, quote: r.quote_exact, body: r.body, status: r.status, reply: r.reply, at: new Date(r.created_at) });
        section.oldPlaces!.push(
          r.on_current || r.old_index === null ? '' : `${paragraphName({ index: r.old_index, page: r.old_page ?? 1, label: r.old_label })}, phiên bản ${r.old_version_no}`,
        );
      }
      item.documents.push(part);
    }
    return {
      issuer: { councilName: head.council_name, timeZone: head.time_zone },
      meetingTitle: head.title,
      generatedAt: new Date(),
      scope: documentId ? 'document' : 'meeting',
      anonymous,
      items,
      signerName: caller.fullName,
    };
  }
}
