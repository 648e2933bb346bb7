import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MeetingRole } from '@hopso/shared';

@Entity('meeting_participants')
export class ParticipantEntity {
  @PrimaryColumn({ name: 'meeting_id', type: 'uuid' }) meetingId: string;
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ type: 'text' }) role: MeetingRole;
  @Column({ type: 'text', default: '' }) unit: string;
  // written and read by raw SQL in its domain (never loaded or saved through this entity); declared so the entity is its whole table
  @Column({ name: 'voting_right', type: 'boolean', nullable: true, select: false, insert: false, update: false }) votingRight?: boolean | null;
}
