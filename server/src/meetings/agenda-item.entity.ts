import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('agenda_items')
export class AgendaItemEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'meeting_id', type: 'uuid' }) meetingId: string;
  @Column({ type: 'int' }) position: number;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', default: '' }) description: string;
  @Column({ type: 'text', default: '' }) presenter: string;
  @Column({ name: 'planned_minutes', type: 'int', default: 0 }) plannedMinutes: number;
}
