import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DocumentState, ErrorCode, ParagraphKind, PdfRect, ScanState, TableCell, VersionStatus } from '@hopso/shared';

@Entity('documents')
export class DocumentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'meeting_id', type: 'uuid' }) meetingId: string;
  @Column({ name: 'agenda_item_id', type: 'uuid', nullable: true }) agendaItemId: string | null;
  @Column({ type: 'text' }) title: string;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'text', default: 'draft' }) state: DocumentState;
  /** Its own release time; null: the meeting's (see documentReleaseTime in shared). */
  @Column({ name: 'release_at', type: 'timestamptz', nullable: true }) releaseAt: Date | null;
}

@Entity('document_versions')
export class DocumentVersionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'document_id', type: 'uuid' }) documentId: string;
  @Column({ name: 'version_no', type: 'int' }) versionNo: number;
  @Column({ name: 'file_key', type: 'text' }) fileKey: string;
  @Column({ name: 'file_name', type: 'text' }) fileName: string;
  @Column({ name: 'size_bytes', type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  sizeBytes: number;
  @Column({ type: 'text' }) sha256: string;
  @Column({ name: 'page_count', type: 'int' }) pageCount: number;
  @Column({ type: 'text' }) status: VersionStatus;
  @Column({ type: 'int', default: 0 }) progress: number;
  @Column({ name: 'failure_reason', type: 'text', nullable: true }) failureReason: string | null;
  @Column({ name: 'failure_code', type: 'text', nullable: true }) failureCode: ErrorCode | null;
  @Column({ name: 'uploaded_by', type: 'uuid' }) uploadedBy: string;
  @Column({ name: 'page_sizes', type: 'jsonb', default: [] }) pageSizes: [number, number][];
  /** The viewer's copy (see the WebOptimizedFiles migration); null until made, or when it could not be. */
  @Column({ name: 'web_file_key', type: 'text', nullable: true }) webFileKey: string | null;
  @Column({ name: 'web_size_bytes', type: 'bigint', nullable: true, transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  webSizeBytes: number | null;
  @Column({ name: 'web_sha256', type: 'text', nullable: true }) webSha256: string | null;
  /** Scanned pages and their OCR (see the ScannedPages migration); ocrFileKey is the file with the added text layer. */
  @Column({ name: 'scanned_pages', type: 'int', default: 0 }) scannedPages: number;
  @Column({ name: 'ocr_pages_done', type: 'int', default: 0 }) ocrPagesDone: number;
  @Column({ name: 'ocr_state', type: 'text', nullable: true }) ocrState: ScanState | null;
  @Column({ name: 'ocr_code', type: 'text', nullable: true }) ocrCode: ErrorCode | null;
  @Column({ name: 'ocr_file_key', type: 'text', nullable: true }) ocrFileKey: string | null;
  // written and read by raw SQL in its domain (never loaded or saved through this entity); declared so the entity is its whole table
  @Column({ name: 'web_copy_failed', type: 'boolean', default: false, select: false, insert: false, update: false }) webCopyFailed?: boolean;
  @Column({ name: 'adopted_by_vote_id', type: 'uuid', nullable: true, select: false, insert: false, update: false }) adoptedByVoteId?: string | null;
  @Column({ name: 'adopted_at', type: 'timestamptz', nullable: true, select: false, insert: false, update: false }) adoptedAt?: Date | null;
  /** 1-based pages pdf.js could not read (see the ReadablePages migration): no paragraphs, a message in the viewer. */
  @Column({ name: 'damaged_pages', type: 'jsonb', default: [] }) damagedPages: number[];
  /** Restricted by an owner password only (printing, copying): opened without one, read here as any other. */
  @Column({ type: 'boolean', default: false }) restricted: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity('paragraphs')
export class ParagraphEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'version_id', type: 'uuid' }) versionId: string;
  @Column({ type: 'int' }) index: number;
  @Column({ type: 'int' }) page: number;
  @Column({ type: 'text' }) text: string;
  @Column({ type: 'jsonb' }) rects: PdfRect[];
  @Column({ name: 'text_hash', type: 'text' }) textHash: string;
  @Column({ type: 'text', nullable: true }) label: string | null;
  @Column({ type: 'text', default: 'body' }) kind: ParagraphKind;
  @Column({ type: 'jsonb', nullable: true }) cells: TableCell[] | null;
}
