import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { CouncilLevel } from '@hopso/shared';

@Entity('councils')
export class CouncilEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) level: CouncilLevel;
  @Column({ name: 'time_zone', type: 'text', default: 'Asia/Ho_Chi_Minh' }) timeZone: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  // written and read by raw SQL in its domain (never loaded or saved through this entity); declared so the entity is its whole table
  @Column({ type: 'int', nullable: true, select: false, insert: false, update: false }) seats?: number | null;
  @Column({ name: 'speaking_times', type: 'jsonb', nullable: true, select: false, insert: false, update: false }) speakingTimes?: unknown;
  @Column({ name: 'quorum_rule', type: 'text', default: 'two_thirds_of_seats', select: false, insert: false, update: false }) quorumRule?: string;
  @Column({ name: 'default_pass_rule', type: 'text', default: 'majority_of_seats', select: false, insert: false, update: false }) defaultPassRule?: string;
}

/** Members of a council's secretariat: they may create and prepare its meetings. */
@Entity('council_staff')
export class CouncilStaffEntity {
  @PrimaryColumn({ name: 'council_id', type: 'uuid' }) councilId: string;
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId: string;
}
