import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { CouncilLevel } from '@hopso/shared';

@Entity('councils')
export class CouncilEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) level: CouncilLevel;
  @Column({ name: 'time_zone', type: 'text', default: 'Asia/Ho_Chi_Minh' }) timeZone: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** Members of a council's secretariat: they may create and prepare its meetings. */
@Entity('council_staff')
export class CouncilStaffEntity {
  @PrimaryColumn({ name: 'council_id', type: 'uuid' }) councilId: string;
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId: string;
}
