import type { MeetingEvent } from './realtime';

/** How many applied sequence numbers are remembered to tell a repeat from an event never applied. */
const REMEMBERED = 4096;

export interface Accepted {
  /** To apply now, in seq order, each once. */
  fresh: MeetingEvent[];
  /**
   * Arrived after a later event was applied and never applied itself: it can no longer be put in
   * order, so the caller fetches the server state again instead of dropping it unseen.
   */
  late: MeetingEvent[];
}

/**
 * The client's half of "exactly once, in order" for one meeting (the web client's LiveClient uses
 * it; the delivery tests and bench/fanout count what it applies). The server sends each socket its
 * events in sequence order (gaps are normal: events this person may not see are never sent), and
 * catch-up answers overlap live events; so an event at or below the last applied one is a repeat,
 * unless it was never applied, which is reported as late rather than silently dropped.
 */
export class EventOrder {
  private last: number;
  /** At or below this, the state was settled by other means (a refetch, a join): nothing is late. */
  private floor: number;
  private readonly applied = new Set<number>();

  constructor(settledAt: number) {
    this.last = settledAt;
    this.floor = settledAt;
  }

  get lastSeq(): number {
    return this.last;
  }

  /** The state is known to be current at `seq` (a refetch after a failed catch-up). */
  settle(seq: number): void {
    if (seq <= this.last) return;
    this.last = seq;
    this.floor = seq;
  }

  accept(events: readonly MeetingEvent[]): Accepted {
    const fresh = new Map<number, MeetingEvent>();
    const late: MeetingEvent[] = [];
    for (const event of events) {
      if (event.seq > this.last) fresh.set(event.seq, event);
      else if (event.seq > this.floor && !this.applied.has(event.seq) && !late.some((e) => e.seq === event.seq)) late.push(event);
    }
    const ordered = [...fresh.values()].sort((a, b) => a.seq - b.seq);
    for (const event of ordered) this.applied.add(event.seq);
    for (const event of late) this.applied.add(event.seq);
    if (ordered.length) this.last = ordered[ordered.length - 1].seq;
    if (this.applied.size > REMEMBERED) this.forgetOldest();
    return { fresh: ordered, late };
  }

  private forgetOldest(): void {
    const kept = [...this.applied].sort((a, b) => a - b).slice(-REMEMBERED / 2);
    this.applied.clear();
    for (const seq of kept) this.applied.add(seq);
    // what is no longer remembered counts as settled
    this.floor = Math.max(this.floor, kept[0] - 1);
  }
}
