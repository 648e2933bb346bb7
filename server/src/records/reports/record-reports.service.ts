import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type CommentStatus, paragraphName } from '@hopso/shared';
import type { AuthUser } from '../../auth/auth-user';
import { notFound } from '../../common/domain-error';
import { MeetingAccessService } from '../../meetings/meeting-access.service';
import type { AdminDocument } from '../format/admin-document';
import { type Synthesis, type SynthesisDocumentPart, type SynthesisItem, explanationDocument, synthesisDocument } from './synthesis-document';

interface CommentRow {
  document_id: string;
  author_id: string;
  author: string;
  unit: string | null;
  group_name: string | null;
  on_current: boolean;
  paragraph_index: number | null;
  page: number | null;
  label: string | null;
  paragraph_text: string | null;
  old_index: number | null;
  old_page: number | null;
  old_label: string | null;
  old_version_no: number | null;
  quote_exact: string;
  body: string;
  status: CommentStatus;
  reply: string;
  created_at: Date;
}

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
    const [d]: { meeting_id: string }[] = await this.db.query('SELECT meeting_id FROM documents WHERE id = $1', [documentId]);
    if (!d) throw notFound('Document');
    return this.synthesis(caller, d.meeting_id, { documentId, anonymous: false });
  }

  async explanation(caller: AuthUser, documentId: string, anonymous: boolean): Promise<{ doc: AdminDocument; title: string }> {
    await this.access.requireFor(caller, { kind: 'document', id: documentId }, 'comments.readAll');
    const [d]: { meeting_id: string; title: string }[] = await this.db.query('SELECT meeting_id, title FROM documents WHERE id = $1', [documentId]);
    if (!d) throw notFound('Document');
    return { doc: explanationDocument(await this.gather(caller, d.meeting_id, documentId, anonymous)), title: d.title };
  }

  private async requireDocumentOf(meetingId: string, documentId: string): Promise<void> {
    const [d] = await this.db.query('SELECT 1 FROM documents WHERE id = $1 AND meeting_id = $2', [documentId, meetingId]);
    if (!d) throw notFound('Document');
  }

  private async gather(caller: AuthUser, meetingId: string, documentId: string | null, anonymous: boolean): Promise<Synthesis> {
    const [head]: { council_name: string; time_zone: string; title: string }[] = await this.db.query(
      'SELECT c.name AS council_name, c.time_zone, m.title FROM meetings m JOIN councils c ON c.id = m.council_id WHERE m.id = $1',
      [meetingId],
    );
    const docs: { id: string; title: string; agenda_item_id: string | null; item_title: string | null; presenter: string | null; version_id: string; version_no: number }[] = await this.db.query(
      `SELECT d.id, d.title, d.agenda_item_id, a.title AS item_title, a.presenter, v.id AS version_id, v.version_no
         FROM documents d
         LEFT JOIN agenda_items a ON a.id = d.agenda_item_id
         JOIN LATERAL (SELECT id, version_no FROM document_versions WHERE document_id = d.id ORDER BY (status = 'ready') DESC, version_no DESC LIMIT 1) v ON true
        WHERE d.meeting_id = $1 AND ($2::uuid IS NULL OR d.id = $2)
        ORDER BY a.position NULLS LAST, d.created_at, d.title`,
      [meetingId, documentId],
    );
    // a comment's place on the current version, or (detached / on an old version) its old place
    const rows: CommentRow[] = await this.db.query(
      `SELECT c.document_id, c.author_id, u.full_name AS author, mp.unit, g.name AS group_name,
              (c.version_id = cur.id AND NOT c.detached) AS on_current,
              p.index AS paragraph_index, p.page, p.label, p.text AS paragraph_text,
              p.index AS old_index, p.page AS old_page, p.label AS old_label, ov.version_no AS old_version_no,
              c.quote_exact, c.body, c.status, c.reply, c.created_at
         FROM comments c
         JOIN documents d ON d.id = c.document_id
         JOIN LATERAL (SELECT id FROM document_versions WHERE document_id = d.id ORDER BY (status = 'ready') DESC, version_no DESC LIMIT 1) cur ON true
         JOIN users u ON u.id = c.author_id
         LEFT JOIN meeting_participants mp ON mp.meeting_id = c.meeting_id AND mp.user_id = c.author_id
         LEFT JOIN paragraphs p ON p.id = c.paragraph_id
         LEFT JOIN document_versions ov ON ov.id = c.version_id
         LEFT JOIN breakout_members bm ON bm.user_id = c.author_id AND bm.agenda_item_id = d.agenda_item_id
         LEFT JOIN breakout_groups g ON g.id = bm.group_id
        WHERE c.meeting_id = $1 AND ($2::uuid IS NULL OR c.document_id = $2)
        ORDER BY (c.version_id = cur.id AND NOT c.detached) DESC, p.index, c.created_at`,
      [meetingId, documentId],
    );
    const groups: { agenda_item_id: string; name: string; report_text: string; report_submitted_at: Date | null }[] = await this.db.query(
      `SELECT agenda_item_id, name, report_text, report_submitted_at FROM breakout_groups
        WHERE meeting_id = $1 AND report_text IS NOT NULL AND report_text <> '' ORDER BY position`,
      [meetingId],
    );
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
