import { useEffect, useState } from 'react';
import { countdownTone, remainingSeconds, type CountdownSpeech, type CountdownTone } from '@hopso/shared';
import { serverNow } from '../lib/serverClock';

/** Seconds left of a running speech on the server's clock, ticking four times a second; null when nobody speaks. */
export function useCountdown(speech: CountdownSpeech | null | undefined): { remaining: number; tone: CountdownTone } | null {
  const [, setTick] = useState(0);
  // a paused speech stands still: nothing to tick
  const running = Boolean(speech?.startedAt) && !speech?.pausedAt;
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => setTick((n) => n + 1), 250);
    return () => window.clearInterval(timer);
  }, [running]);
  if (!speech?.startedAt) return null;
  const remaining = remainingSeconds(speech, serverNow());
  return { remaining, tone: countdownTone(remaining) };
}
