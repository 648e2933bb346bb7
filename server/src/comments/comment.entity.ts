import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CommentStatus, PdfRect } from '@hopso/shared';

@Entity('comments')
export class CommentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId: string;
  @Column({ name: 'author_id', type: 'uuid' }) authorId: string;
  @Column({ name: 'meeting_id', type: 'uuid' }) meetingId: string;
  @Column({ name: 'document_id', type: 'uuid' }) documentId: string;
  @Column({ name: 'version_id', type: 'uuid' }) versionId: string;
  @Column({ name: 'paragraph_id', type: 'uuid', nullable: true }) paragraphId: string | null;
  @Column({ name: 'quote_exact', type: 'text' }) quoteExact: string;
  @Column({ name: 'quote_prefix', type: 'text', default: '' }) quotePrefix: string;
  @Column({ name: 'quote_suffix', type: 'text', default: '' }) quoteSuffix: string;
  @Column({ type: 'jsonb' }) rects: PdfRect[];
  @Column({ type: 'boolean', default: false }) detached: boolean;
  @Column({ type: 'text' }) body: string;
  @Column({ type: 'text', default: 'sent' }) status: CommentStatus;
  @Column({ type: 'text', default: '' }) reply: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  // written and read by raw SQL in its domain (never loaded or saved through this entity); declared so the entity is its whole table
  @Column({ name: 'written_at', type: 'timestamptz', default: () => 'now()', select: false, insert: false, update: false }) writtenAt?: Date;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true, select: false, insert: false, update: false }) resolvedAt?: Date | null;
  @Column({ name: 'resolved_by', type: 'uuid', nullable: true, select: false, insert: false, update: false }) resolvedBy?: string | null;
}
