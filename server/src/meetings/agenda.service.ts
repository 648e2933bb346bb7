import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AgendaItem, CreateAgendaItemRequest, UpdateAgendaItemRequest } from '@hopso/shared';
import { DomainError, notFound } from '../common/domain-error';
import type { AuthUser } from '../auth/auth-user';
import type { Queryable } from '../common/queryable';
import {
  agendaItemExists,
  deleteAgendaItem,
  findAgendaItem,
  insertAgendaItem,
  listAgendaItemIds,
  listAgendaItems,
  nextAgendaPosition,
  renumberAgenda,
  setAgendaOrder,
  toAgendaItem as toItem,
  updateAgendaItemFields,
} from './agenda.repository';
import { lockMeeting } from './meetings.repository';
import { MeetingEventsService, type EmitFn } from '../events/meeting-events.service';
import { MeetingAccessService } from './meeting-access.service';

@Injectable()
export class AgendaService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: MeetingAccessService,
    private readonly events: MeetingEventsService,
  ) {}

  async belongsTo(meetingId: string, itemId: string): Promise<boolean> {
    return agendaItemExists(this.db, meetingId, itemId);
  }

  /** Everyone's agenda follows edits live: the agenda as this transaction leaves it, written with the change. */
  private async announce(tx: EntityManager, emit: EmitFn, meetingId: string): Promise<void> {
    await emit(meetingId, 'agenda.changed', { meetingId, agenda: await this.list(meetingId, tx) }, { to: 'all' });
  }

  /** Callers check access first. */
  async list(meetingId: string, db: Queryable = this.db): Promise<AgendaItem[]> {
    return (await listAgendaItems(db, meetingId)).map(toItem);
  }

  async create(caller: AuthUser, meetingId: string, req: CreateAgendaItemRequest): Promise<AgendaItem> {
    await this.access.require(caller, meetingId, 'agenda.write');
    const item = await this.events.transaction(async (tx, emit) => {
      // lock the meeting row so two items added at once get distinct positions
      await lockMeeting(tx, meetingId);
      const position = await nextAgendaPosition(tx, meetingId);
      const saved = await insertAgendaItem(tx, { ...req, meetingId, position });
      await this.announce(tx, emit, meetingId);
      return saved;
    });
    return toItem(item);
  }

  async update(caller: AuthUser, meetingId: string, itemId: string, req: UpdateAgendaItemRequest): Promise<AgendaItem> {
    await this.access.require(caller, meetingId, 'agenda.write');
    const item = await findAgendaItem(this.db, meetingId, itemId);
    if (!item) throw notFound('Agenda item');
    const edited = {
      ...item,
      title: req.title ?? item.title,
      description: req.description ?? item.description,
      presenter: req.presenter ?? item.presenter,
      planned_minutes: req.plannedMinutes ?? item.planned_minutes,
    };
    return this.events.transaction(async (tx, emit) => {
      const saved = toItem(await updateAgendaItemFields(tx, edited));
      await this.announce(tx, emit, meetingId);
      return saved;
    });
  }

  async remove(caller: AuthUser, meetingId: string, itemId: string): Promise<void> {
    await this.access.require(caller, meetingId, 'agenda.write');
    await this.events.transaction(async (tx, emit) => {
      if (!(await deleteAgendaItem(tx, meetingId, itemId))) throw notFound('Agenda item');
      await this.renumber(tx, meetingId);
      await this.announce(tx, emit, meetingId);
    });
  }

  async reorder(caller: AuthUser, meetingId: string, itemIds: string[]): Promise<AgendaItem[]> {
    await this.access.require(caller, meetingId, 'agenda.write');
    await this.events.transaction(async (tx, emit) => {
      await lockMeeting(tx, meetingId);
      const current = await listAgendaItemIds(tx, meetingId);
      const known = new Set(current.map((r) => r.id));
      if (new Set(itemIds).size !== itemIds.length || itemIds.length !== known.size || !itemIds.every((id) => known.has(id))) {
        throw new DomainError('VALIDATION_FAILED', 'The new order must list every agenda item of this meeting exactly once');
      }
      await setAgendaOrder(tx, itemIds);
      await this.announce(tx, emit, meetingId);
    });
    return this.list(meetingId);
  }

  private async renumber(tx: EntityManager, meetingId: string): Promise<void> {
    await renumberAgenda(tx, meetingId);
  }
}
