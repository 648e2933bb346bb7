import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import type { AgendaItem, CreateAgendaItemRequest, UpdateAgendaItemRequest } from '@hopso/shared';
import { DomainError, notFound } from '../common/domain-error';
import type { AuthUser } from '../auth/auth-user';
import { AgendaItemEntity } from './agenda-item.entity';
import { MeetingEventsService, type EmitFn } from '../events/meeting-events.service';
import { MeetingAccessService } from './meeting-access.service';

const toItem = (a: AgendaItemEntity): AgendaItem => ({
  id: a.id,
  meetingId: a.meetingId,
  position: a.position,
  title: a.title,
  description: a.description,
  presenter: a.presenter,
  plannedMinutes: a.plannedMinutes,
});

@Injectable()
export class AgendaService {
  constructor(
    @InjectRepository(AgendaItemEntity) private readonly items: Repository<AgendaItemEntity>,
    private readonly access: MeetingAccessService,
    private readonly events: MeetingEventsService,
  ) {}

  async belongsTo(meetingId: string, itemId: string): Promise<boolean> {
    return this.items.existsBy({ id: itemId, meetingId });
  }

  /** Everyone's agenda follows edits live: the agenda as this transaction leaves it, written with the change. */
  private async announce(tx: EntityManager, emit: EmitFn, meetingId: string): Promise<void> {
    await emit(meetingId, 'agenda.changed', { meetingId, agenda: await this.list(meetingId, tx) }, { to: 'all' });
  }

  /** Callers check access first. */
  async list(meetingId: string, db: EntityManager = this.items.manager): Promise<AgendaItem[]> {
    return (await db.find(AgendaItemEntity, { where: { meetingId }, order: { position: 'ASC' } })).map(toItem);
  }

  async create(caller: AuthUser, meetingId: string, req: CreateAgendaItemRequest): Promise<AgendaItem> {
    await this.access.require(caller, meetingId, 'agenda.write');
    const item = await this.events.transaction(async (tx, emit) => {
      // lock the meeting row so two items added at once get distinct positions
      await tx.query('SELECT id FROM meetings WHERE id = $1 FOR UPDATE', [meetingId]);
      const [{ next }] = await tx.query('SELECT COALESCE(MAX(position), 0) + 1 AS next FROM agenda_items WHERE meeting_id = $1', [meetingId]);
      const saved = await tx.save(tx.create(AgendaItemEntity, { ...req, meetingId, position: Number(next) }));
      await this.announce(tx, emit, meetingId);
      return saved;
    });
    return toItem(item);
  }

  async update(caller: AuthUser, meetingId: string, itemId: string, req: UpdateAgendaItemRequest): Promise<AgendaItem> {
    await this.access.require(caller, meetingId, 'agenda.write');
    const item = await this.items.findOneBy({ id: itemId, meetingId });
    if (!item) throw notFound('Agenda item');
    Object.assign(item, Object.fromEntries(Object.entries(req).filter(([, v]) => v !== undefined)));
    return this.events.transaction(async (tx, emit) => {
      const saved = toItem(await tx.save(item));
      await this.announce(tx, emit, meetingId);
      return saved;
    });
  }

  async remove(caller: AuthUser, meetingId: string, itemId: string): Promise<void> {
    await this.access.require(caller, meetingId, 'agenda.write');
    await this.events.transaction(async (tx, emit) => {
      const result = await tx.delete(AgendaItemEntity, { id: itemId, meetingId });
      if (result.affected !== 1) throw notFound('Agenda item');
      await this.renumber(tx, meetingId);
      await this.announce(tx, emit, meetingId);
    });
  }

  async reorder(caller: AuthUser, meetingId: string, itemIds: string[]): Promise<AgendaItem[]> {
    await this.access.require(caller, meetingId, 'agenda.write');
    await this.events.transaction(async (tx, emit) => {
      await tx.query('SELECT id FROM meetings WHERE id = $1 FOR UPDATE', [meetingId]);
      const current: { id: string }[] = await tx.query('SELECT id FROM agenda_items WHERE meeting_id = $1', [meetingId]);
      const known = new Set(current.map((r) => r.id));
      if (new Set(itemIds).size !== itemIds.length || itemIds.length !== known.size || !itemIds.every((id) => known.has(id))) {
        throw new DomainError('VALIDATION_FAILED', 'The new order must list every agenda item of this meeting exactly once');
      }
      await tx.query(
        `UPDATE agenda_items a SET position = o.ord FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, ord) WHERE a.id = o.id`,
        [itemIds],
      );
      await this.announce(tx, emit, meetingId);
    });
    return this.list(meetingId);
  }

  private async renumber(tx: EntityManager, meetingId: string): Promise<void> {
    await tx.query(
      `UPDATE agenda_items a SET position = r.rn
         FROM (SELECT id, row_number() OVER (ORDER BY position) AS rn FROM agenda_items WHERE meeting_id = $1) r
        WHERE a.id = r.id`,
      [meetingId],
    );
  }
}
