/**
 * The server's clock as seen from this screen. Every countdown counts from the server-stamped start
 * of a speech, so each screen corrects its own clock by the offset measured on its last fresh read
 * (the midpoint of the request, as NTP does); a phone whose clock is minutes off still shows the
 * same remaining time as the hall.
 */
let offsetMs = 0;

export function noteServerTime(serverNowIso: string, sentAtMs: number, receivedAtMs: number): void {
  const server = Date.parse(serverNowIso);
  if (Number.isFinite(server)) offsetMs = server - (sentAtMs + receivedAtMs) / 2;
}

export function serverNow(): number {
  return Date.now() + offsetMs;
}

/** mm:ss of a number of seconds; past the end, the overrun with a minus sign. */
export function formatClock(seconds: number): string {
  const sign = seconds < 0 ? '−' : '';
  const s = Math.abs(seconds);
  const m = Math.floor(s / 60);
  return `${sign}${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** Runs a read whose answer carries the server's clock (`serverNow`, or a `list` that does) and notes the offset. */
export async function withServerTime<T extends { serverNow: string } | { list: { serverNow: string } | null }>(call: () => Promise<T>): Promise<T> {
  const sent = Date.now();
  const res = await call();
  const now = 'serverNow' in res ? res.serverNow : res.list?.serverNow;
  if (now) noteServerTime(now, sent, Date.now());
  return res;
}
