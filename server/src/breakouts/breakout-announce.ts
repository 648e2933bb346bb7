import type { Breakout } from '@hopso/shared';
import type { EntityManager } from 'typeorm';
import type { EmitFn } from '../events/meeting-events.service';
import { loadBreakout } from './breakouts.repository';

/** The full breakout goes into the log; who sees which groups of it is event-visibility's rule (and members' live group rooms follow it). */
export async function announceBreakout(tx: EntityManager, emit: EmitFn, agendaItemId: string): Promise<Breakout> {
  const breakout = await loadBreakout(tx, agendaItemId);
  await emit(breakout.meetingId, 'breakout.changed', { breakout }, { to: 'all' });
  return breakout;
}
