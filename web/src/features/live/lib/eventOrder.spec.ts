import { EventOrder, type MeetingEvent } from '@hopso/shared';

const MEETING = '6f1c1d6e-8a4b-4c1e-9a1f-2b3c4d5e6f70';

describe('EventOrder', () => {
  const e = (seq: number): MeetingEvent => ({ meetingId: MEETING, seq, type: 'agenda.changed', at: '', payload: { meetingId: MEETING, agenda: [] } });

  it('keeps events after the last applied seq, sorted, each once', () => {
    const order = new EventOrder(3);
    expect(order.accept([e(5), e(2), e(4), e(5), e(3), e(9)]).fresh.map((x) => x.seq)).toEqual([4, 5, 9]);
    expect(order.lastSeq).toBe(9);
  });

  it('tells a repeat (dropped) from an event never applied (reported late)', () => {
    const order = new EventOrder(0);
    order.accept([e(1), e(3)]);
    const { fresh, late } = order.accept([e(3), e(1), e(2), e(4)]);
    expect(fresh.map((x) => x.seq)).toEqual([4]);
    expect(late.map((x) => x.seq)).toEqual([2]);
    expect(order.accept([e(2)]).late).toEqual([]);
  });
});
