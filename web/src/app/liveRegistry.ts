import { applyBreakoutEvent } from '../features/breakouts/lib/breakoutCache';
import { registerMeetingEventAppliers } from '../features/live/lib/applyMeetingEvent';
import { applyRecordsEvent } from '../features/records/lib/minutesCache';
import { applySpeakersEvent } from '../features/speakers/lib/speakersCache';
import { applySessionDayEvent } from '../features/votes/lib/applySessionDayEvent';

/** Hands live the cache appliers of the features whose events it delivers (it imports none of them). */
export function registerLiveAppliers(): void {
  registerMeetingEventAppliers(applyBreakoutEvent, applySpeakersEvent, applySessionDayEvent, applyRecordsEvent);
}
