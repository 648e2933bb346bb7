import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CommentStatus, ParagraphCommentCount } from '@hopso/shared';
import type { AuthUser } from '../auth/auth-user';
import { DocumentsService } from '../documents/documents.service';
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
    const rows: { paragraph_id: string; index: number; page: number; label: string | null; count: number }[] = await this.db.query(
      `SELECT p.id AS paragraph_id, p.index, p.page, p.label, count(c.id)::int AS count
         FROM paragraphs p
         JOIN (SELECT id FROM document_versions WHERE document_id = $1 ORDER BY (status = 'ready') DESC, version_no DESC LIMIT 1) v ON v.id = p.version_id
         LEFT JOIN comments c ON c.paragraph_id = p.id
        GROUP BY p.id, p.index, p.page, p.label
        ORDER BY p.index`,
      [documentId],
    );
    return rows.map((r) => ({ paragraphId: r.paragraph_id, paragraphIndex: r.index, page: r.page, label: r.label, count: r.count }));
  }

  /** The comment synthesis report's content: every comment on the document, by paragraph in document order. */
  async synthesisReport(caller: AuthUser, documentId: string): Promise<SynthesisReport> {
    const { doc } = await this.documents.requireDocument(caller, documentId, 'comments.readAll');
    const [head]: { council_name: string; time_zone: string; meeting_title: string; version_id: string; version_no: number }[] = await this.db.query(
      `SELECT c.name AS council_name, c.time_zone, m.title AS meeting_title, v.id AS version_id, v.version_no
         FROM documents d JOIN meetings m ON m.id = d.meeting_id JOIN councils c ON c.id = m.council_id
         JOIN LATERAL (SELECT id, version_no FROM document_versions WHERE document_id = d.id ORDER BY (status = 'ready') DESC, version_no DESC LIMIT 1) v ON true
        WHERE d.id = $1`,
      [documentId],
    );
    const rows: { paragraph_index: number | null; page: number | null; paragraph_label: string | null; paragraph_text: string | null; on_current: boolean; author: string; unit: string | null; quote_exact: string; body: string; status: CommentStatus; reply: string; created_at: Date }[] =
      await this.db.query(
        `SELECT p.index AS paragraph_index, p.page, p.label AS paragraph_label, p.text AS paragraph_text, (c.version_id = $2 AND NOT c.detached) AS on_current,
                u.full_name AS author, mp.unit, c.quote_exact, c.body, c.status, c.reply, c.created_at
           FROM comments c
           JOIN users u ON u.id = c.author_id
           LEFT JOIN meeting_participants mp ON mp.meeting_id = c.meeting_id AND mp.user_id = c.author_id
           LEFT JOIN paragraphs p ON p.id = c.paragraph_id
          WHERE c.document_id = $1
          ORDER BY (c.version_id = $2 AND NOT c.detached) DESC, p.index, c.created_at`,
        [documentId, head.version_id],
      );
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
    const groupReports: { name: string; report_text: string; report_submitted_at: Date | null }[] = doc.agendaItemId
      ? await this.db.query(
          `SELECT name, report_text, report_submitted_at FROM breakout_groups
            WHERE agenda_item_id = $1 AND report_text IS NOT NULL AND report_text <> '' ORDER BY position`,
          [doc.agendaItemId],
        )
      : [];
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
