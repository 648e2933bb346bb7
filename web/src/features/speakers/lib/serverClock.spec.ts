import { remainingSeconds } from '@hopso/shared';
import { formatClock, noteServerTime, serverNow } from './serverClock';

describe('the server clock', () => {
  it('corrects a screen whose clock is behind by the midpoint of its last read', () => {
    const local = Date.now();
    // the server answered 90 s ahead of this clock; the request took 200 ms
    noteServerTime(new Date(local + 90_000 + 100).toISOString(), local, local + 200);
    expect(Math.round((serverNow() - Date.now()) / 1000)).toBe(90);
    const speech = { startedAt: new Date(local + 90_000 - 60_000).toISOString(), allottedSeconds: 180, extraSeconds: 0 };
    // one minute into a three-minute speech on the server's clock: two minutes left, whatever this clock says
    expect(remainingSeconds(speech, serverNow())).toBe(120);
  });

  it('stands a paused countdown still and leaves earlier pauses out', () => {
    const start = Date.parse('2026-12-03T01:30:00Z');
    const speech = { startedAt: new Date(start).toISOString(), allottedSeconds: 420, extraSeconds: 60, pausedSeconds: 30, pausedAt: new Date(start + 200_000).toISOString() };
    // paused 200 s after the start, 30 s of it already paused: 170 s spoken of 480
    expect(remainingSeconds(speech, start + 200_000)).toBe(310);
    expect(remainingSeconds(speech, start + 900_000)).toBe(310);
    expect(remainingSeconds({ ...speech, pausedAt: null }, start + 600_000)).toBe(-90);
  });

  it('never counts above the time given when the screen\'s clock estimate sits just before the start', () => {
    const start = Date.parse('2026-12-03T01:30:00Z');
    const speech = { startedAt: new Date(start).toISOString(), allottedSeconds: 420, extraSeconds: 0 };
    expect(remainingSeconds(speech, start - 40)).toBe(420);
    expect(remainingSeconds(speech, start - 5_000)).toBe(420);
    expect(remainingSeconds({ ...speech, extraSeconds: 60 }, start - 40)).toBe(480);
  });

  it('ignores an unreadable time', () => {
    noteServerTime(new Date(Date.now()).toISOString(), Date.now(), Date.now());
    const before = serverNow() - Date.now();
    noteServerTime('not a time', Date.now(), Date.now());
    expect(Math.abs(serverNow() - Date.now() - before)).toBeLessThan(50);
  });

  it('writes minutes and seconds, and an overrun with a minus sign', () => {
    expect(formatClock(420)).toBe('07:00');
    expect(formatClock(59)).toBe('00:59');
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(-75)).toBe('−01:15');
  });
});
