import { createContext, useCallback, useContext, type ReactNode } from 'react';
import { DEFAULT_TIME_ZONE } from '@hopso/shared';
import { useI18n } from '../i18n/useI18n';
import { formatClock, formatDateTime } from './datetime';

const CouncilTimeZoneContext = createContext<string>(DEFAULT_TIME_ZONE);

/** Everything inside shows and reads times on this council's wall clock, whatever the browser's zone. */
export function CouncilTimeZone({ zone, children }: { zone: string | null | undefined; children: ReactNode }) {
  return <CouncilTimeZoneContext.Provider value={zone || DEFAULT_TIME_ZONE}>{children}</CouncilTimeZoneContext.Provider>;
}

export function useCouncilTimeZone(): string {
  return useContext(CouncilTimeZoneContext);
}

/** `when(iso)`: "08:00 ngày 10/07/2025" in the UI language on the council's clock (`zone` when the caller holds it). */
export function useDateTime(zone?: string): (iso: string) => string {
  const { language } = useI18n();
  const scoped = useCouncilTimeZone();
  zone ||= scoped;
  return useCallback((iso: string) => formatDateTime(iso, language, zone), [language, zone]);
}

/** `clock(iso)`: "14:05" on the council's clock. */
export function useClockTime(): (iso: string | Date) => string {
  const zone = useCouncilTimeZone();
  return useCallback((iso: string | Date) => formatClock(iso, zone), [zone]);
}
