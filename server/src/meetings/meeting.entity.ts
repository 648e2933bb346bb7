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
  // written and read by raw SQL in its domain (never loaded or saved through this entity); declared so the entity is its whole table
  @Column({ name: 'event_seq', type: 'bigint', default: 0, select: false, insert: false, update: false }) eventSeq?: string;
  @Column({ name: 'speaking_times', type: 'jsonb', nullable: true, select: false, insert: false, update: false }) speakingTimes?: unknown;
}
