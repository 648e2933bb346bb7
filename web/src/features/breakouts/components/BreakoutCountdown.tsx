import { useEffect, useState } from 'react';
import { breakoutSecondsLeft, type Breakout } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { formatClock, serverNow } from '../../speakers/lib/serverClock';

/** Time left of the group discussion (the end time the server holds), ticking each second; nothing without a countdown. */
export function BreakoutCountdown({ breakout, size = 'normal' }: { breakout: Pick<Breakout, 'status' | 'endsAt'>; size?: 'normal' | 'hall' }) {
  const { t } = useI18n();
  const [, setTick] = useState(0);
  const active = breakout.status === 'running' && Boolean(breakout.endsAt);
  useEffect(() => {
    if (!active) return undefined;
    const timer = window.setInterval(() => setTick((n) => n + 1), 500);
    return () => window.clearInterval(timer);
  }, [active]);
  const left = breakoutSecondsLeft(breakout, serverNow());
  if (left === null) return null;
  const over = left === 0;
  return (
    <p className={`breakout-countdown breakout-countdown-${size}${over ? ' is-over' : left <= 60 ? ' is-ending' : ''}`} role="timer" aria-live="off" data-testid="breakout-countdown" data-seconds-left={left}>
      <span className="breakout-countdown-label">{over ? t.chairHall.countdownOver : t.chairHall.countdownLeft}</span>{' '}
      {!over && <strong className="breakout-countdown-time">{formatClock(left)}</strong>}
    </p>
  );
}
