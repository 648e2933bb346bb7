import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { HighlightColor, PdfRect } from '@hopso/shared';

/** A private highlight or note. Only its author may ever read it. */
@Entity('annotations')
export class AnnotationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId: string;
  @Column({ name: 'author_id', type: 'uuid' }) authorId: string;
  @Column({ name: 'document_id', type: 'uuid' }) documentId: string;
  @Column({ name: 'version_id', type: 'uuid' }) versionId: string;
  @Column({ name: 'paragraph_id', type: 'uuid', nullable: true }) paragraphId: string | null;
  @Column({ name: 'quote_exact', type: 'text' }) quoteExact: string;
  @Column({ name: 'quote_prefix', type: 'text', default: '' }) quotePrefix: string;
  @Column({ name: 'quote_suffix', type: 'text', default: '' }) quoteSuffix: string;
  @Column({ type: 'jsonb' }) rects: PdfRect[];
  @Column({ type: 'boolean', default: false }) detached: boolean;
  @Column({ type: 'text' }) color: HighlightColor;
  @Column({ type: 'text', default: '' }) note: string;
  @Column({ name: 'edited_at', type: 'timestamptz', default: () => 'now()' }) editedAt: Date;
  @Column({ name: 'conflict_of', type: 'uuid', nullable: true }) conflictOf: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
