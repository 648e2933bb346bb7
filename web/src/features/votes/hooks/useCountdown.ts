import { useEffect, useState } from 'react';

/** Seconds left until `closesAt` (null without a countdown), ticking a few times a second. */
export function useCountdown(closesAt: string | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!closesAt) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [closesAt]);
  if (!closesAt) return null;
  return Math.max(0, Math.ceil((new Date(closesAt).getTime() - now) / 1000));
}

export const formatSeconds = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
