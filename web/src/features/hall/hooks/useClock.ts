import { useEffect, useState } from 'react';

/** The time now, updated each minute on the minute (a hall screen shows the clock). */
export function useClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    let timer: number;
    const tick = () => {
      const current = new Date();
      setNow(current);
      timer = window.setTimeout(tick, 60_000 - (current.getSeconds() * 1000 + current.getMilliseconds()) + 50);
    };
    const started = new Date();
    timer = window.setTimeout(tick, 60_000 - (started.getSeconds() * 1000 + started.getMilliseconds()) + 50);
    return () => window.clearTimeout(timer);
  }, []);
  return now;
}
