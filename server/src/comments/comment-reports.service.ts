import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ParagraphCommentCount } from '@hopso/shared';
import type { AuthUser } from '../auth/auth-user';
import { DocumentsService } from '../documents/documents.service';
import { countCommentsByParagraph, findSynthesisHead, listGroupReportsOfItem, listSynthesisComments, toParagraphCount } from './comments.repository';
import type { ReportSection, SynthesisReport } from './synthesis-report';

/** What the secretariat reads out of a document's comments: the heat strip's counts and the synthesis report (staff only). */
@Injectable()
export class CommentReportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly documents: DocumentsService,
  ) {}

  /** Comments per paragraph of the document's newest ready version (the one delegates comment on), for the desk's heat strip (staff only). */
  async countsByParagraph(caller: AuthUser, documentId: string): Promise<ParagraphCommentCount[]> {
    await this.documents.requireDocument(caller, documentId, 'comments.readAll');
    const rows = await countCommentsByParagraph(this.db, documentId);
    return rows.map(toParagraphCount);
  }

  /** The comment synthesis report's content: every comment on the document, by paragraph in document order. */
  async synthesisReport(caller: AuthUser, documentId: string): Promise<SynthesisReport> {
    const { doc } = await this.documents.requireDocument(caller, documentId, 'comments.readAll');
    const head = await findSynthesisHead(this.db, documentId);
    const rows = await listSynthesisComments(this.db, documentId, head.version_id);
    const sections: ReportSection[] = [];
    for (const r of rows) {
      const index = r.on_current ? r.paragraph_index : null;
      let section = sections.find((s) => s.paragraphIndex === index);
      if (!section) {
        section = { paragraphIndex: index, page: r.on_current ? r.page : null, label: r.on_current ? r.paragraph_label : null, paragraphText: r.on_current ? (r.paragraph_text ?? '') : '', comments: [] };
        sections.push(section);
      }
      section.comments.push({ author: r.author, unit: r.unit ?? '', quote: r.quote_exact, body: r.body, status: r.status, reply: r.reply, at: new Date(r.created_at) });
    }
    const groupReports = doc.agendaItemId ? await listGroupReportsOfItem(this.db, doc.agendaItemId) : [];
    return {
      councilName: head.council_name,
      meetingTitle: head.meeting_title,
      documentTitle: doc.title,
      versionNo: head.version_no,
      generatedAt: new Date(),
      timeZone: head.time_zone,
      sections,
      groupReports: groupReports.map((g) => ({ groupName: g.name, text: g.report_text, submitted: g.report_submitted_at !== null })),
    };
  }
}
