import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { MeetingKind, MeetingStatus } from '@hopso/shared';

@Entity('meetings')
export class MeetingEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'council_id', type: 'uuid' }) councilId: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) kind: MeetingKind;
  @Column({ type: 'text' }) status: MeetingStatus;
  @Column({ type: 'text', default: '' }) location: string;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt: Date;
  @Column({ name: 'release_at', type: 'timestamptz' }) releaseAt: Date;
  @Column({ name: 'comment_deadline', type: 'timestamptz' }) commentDeadline: Date;
  @Column({ name: 'current_agenda_item_id', type: 'uuid', nullable: true }) currentAgendaItemId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
