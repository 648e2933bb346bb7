import type { ReactNode } from 'react';
import { useMatch } from 'react-router-dom';
import { useMeeting } from '../features/meetings/hooks/useMeeting';
import { CouncilTimeZone } from '../lib/councilTimeZone';

/**
 * Times inside a meeting's screens are on its council's clock: the meeting is read from the same
 * cache the page fills (no second request), from `meetingId` or from the address.
 */
export function MeetingTimeZoneScope({ meetingId, children }: { meetingId?: string; children: ReactNode }) {
  const match = useMatch('/meetings/:meetingId/*');
  const fromPath = match?.params.meetingId;
  // the official's page has its own narrow view; "new" is the create form
  const id = meetingId ?? (fromPath && fromPath !== 'new' && !match?.pathname.endsWith('/official') ? fromPath : undefined);
  const meeting = useMeeting(id);
  return <CouncilTimeZone zone={meeting.data?.councilTimeZone}>{children}</CouncilTimeZone>;
}
